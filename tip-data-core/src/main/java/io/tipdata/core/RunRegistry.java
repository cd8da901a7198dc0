package io.tipdata.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where test runs are recorded with their lifecycle, so that the filter refuses runs being purged and the
 * purge job finds, leases and marks the expired ones.
 *
 * <p>A run is {@link RunStatus#ACTIVE} from registration until its expiry (its latest token expiry plus
 * the grace period), {@link RunStatus#EXPIRED} after it, {@link RunStatus#PURGING} while a purger holds
 * its lease, then {@link RunStatus#PURGED} (or {@link RunStatus#FAILED} when a purge gave up; the next
 * pass takes it again). Every decision about time (expired? lease lapsed?) is taken in the registry's own
 * time: the database's for a table, never the clock of one application instance.
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

    /**
     * Records the run, or extends it to the later expiry while it is not purging or purged, and tells the
     * resulting state, in one round trip: what the filter calls once per marked request (at most).
     */
    default Admission admit(TestRun run) {
        Optional<RunStatus> before = status(run.runId());
        if (before.isEmpty() || before.get() == RunStatus.ACTIVE || before.get() == RunStatus.EXPIRED) {
            register(run);
        }
        RunRecord r = record(run.runId()).orElseThrow(() -> new IllegalStateException(
                "run '" + run.runId() + "' is not in the registry right after registering it"));
        return new Admission(r.status(), r.run().expires(), now());
    }

    /** The run with that id, if it is registered. */
    Optional<TestRun> find(String runId);

    /** The status of the run with that id, if it is registered. */
    Optional<RunStatus> status(String runId);

    /** The run with its lifecycle state, times and counts, if it is registered. */
    default Optional<RunRecord> record(String runId) {
        Optional<TestRun> run = find(runId);
        return run.map(r -> new RunRecord(r, status(runId).orElse(RunStatus.ACTIVE), null, null, 0, null, null, null));
    }

    /** Every registered run, oldest expiry first. */
    default List<RunRecord> records() {
        throw unsupported("list its runs");
    }

    /** Runs that expired before the instant and are not purged yet, oldest expiry first. */
    List<TestRun> expiredBefore(Instant instant);

    /**
     * Ids of runs a purger may claim now, oldest expiry first, at most {@code limit}: expired, failed, and
     * purging ones whose lease has lapsed.
     */
    default List<String> claimable(int limit) {
        throw unsupported("list claimable runs");
    }

    /**
     * Takes the run's lease for {@code owner} for {@code lease} (registry time) and sets it
     * {@link RunStatus#PURGING}; false when another purger holds it or (unless {@code evenIfActive}) it has not
     * expired. {@code evenIfActive} also takes a purged run again, to delete stragglers.
     */
    default boolean claim(String runId, String owner, Duration lease, boolean evenIfActive) {
        throw unsupported("lease runs");
    }

    /**
     * Adds {@code rows} to the run's purged-row count and renews the lease; false when {@code owner} no longer
     * holds it (then the work must stop).
     */
    default boolean renew(String runId, String owner, Duration lease, long rows) {
        throw unsupported("lease runs");
    }

    /** Records that every row of the run has been deleted; false when {@code owner} does not hold its lease. */
    default boolean markPurged(String runId, String owner) {
        throw unsupported("lease runs");
    }

    /** Records that a purge of the run gave up, with the reason, and releases the lease. */
    default void markFailed(String runId, String owner, String reason) {
        throw unsupported("lease runs");
    }

    /** Records that every row of the run has been deleted, whoever holds it. */
    void markPurged(String runId);

    /** The registry's current time: the database's for a table, the clock's in memory (default: system clock). */
    default Instant now() {
        return Instant.now();
    }

    private UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException(getClass().getName() + " cannot " + what
                + "; the purge job needs a registry with leases, such as JdbcRunRegistry or InMemoryRunRegistry");
    }

    /** What {@link #admit(TestRun)} found: the run's status and expiry after the call, and the registry's time. */
    record Admission(RunStatus status, Instant expires, Instant registryNow) {
    }

    /** Lifecycle of a registered run. */
    enum RunStatus {
        /** Registered and not expired; its rows may exist and grow. */
        ACTIVE,
        /** Past its expiry, not yet claimed by a purger. */
        EXPIRED,
        /** A purger holds its lease and is deleting its rows; new tokens are refused. */
        PURGING,
        /** Its rows have been deleted. */
        PURGED,
        /** A purge gave up (see {@link RunRecord#failure()}); the next pass takes it again. */
        FAILED
    }
}
