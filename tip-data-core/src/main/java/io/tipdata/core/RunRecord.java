package io.tipdata.core;

import java.time.Instant;
import java.util.Optional;

/**
 * A registered run with its lifecycle state: when its purge started and ended (registry time), how many
 * rows were purged, who holds its lease until when, and why a purge failed.
 *
 * @param run          the run (id, created, expires)
 * @param status       the status, {@link RunRegistry.RunStatus#EXPIRED} for an active run past its expiry
 * @param purgeStarted when the first purge of the run started, or null
 * @param purgedAt     when the run was last marked purged, or null
 * @param rowsPurged   rows deleted by all purges of the run
 * @param leaseOwner   the purger holding the lease, or null
 * @param leaseUntil   when the lease lapses, or null
 * @param failure      why the last purge gave up, or null
 */
public record RunRecord(TestRun run, RunRegistry.RunStatus status, Instant purgeStarted, Instant purgedAt,
                        long rowsPurged, String leaseOwner, Instant leaseUntil, String failure) {

    /** The run id. */
    public String runId() {
        return run.runId();
    }

    /** The purge failure, if the last purge gave up. */
    public Optional<String> failureReason() {
        return Optional.ofNullable(failure);
    }
}
