package io.tipdata.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where test runs are recorded, so that the purge job can find the expired ones.
 *
 * <p>{@link InMemoryRunRegistry} is the default; tip-data-jdbc provides one backed by a table.
 * Implementations are thread-safe.
 */
public interface RunRegistry {

    /**
     * Records the run if it is new. If it is known already, the later of the two expiries is kept.
     * Idempotent.
     */
    void register(TestRun run);

    /** The run with that id, if it is registered. */
    Optional<TestRun> find(String runId);

    /** The status of the run with that id, if it is registered. */
    Optional<RunStatus> status(String runId);

    /** Runs that expired before the instant and are not purged yet, oldest expiry first. */
    List<TestRun> expiredBefore(Instant instant);

    /** Records that every row of the run has been deleted. */
    void markPurged(String runId);

    /** Lifecycle of a registered run. */
    enum RunStatus {
        /** Registered; its rows may exist. */
        ACTIVE,
        /** Its rows have been deleted. */
        PURGED
    }
}
