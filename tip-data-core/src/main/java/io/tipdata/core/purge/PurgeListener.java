package io.tipdata.core.purge;

import java.time.Duration;

/**
 * Told what the purge does; {@code io.tipdata.core.micrometer.PurgeMetrics} turns it into meters. Every
 * method has an empty default. A listener that throws is logged and ignored.
 */
public interface PurgeListener {

    /** A run's rows were deleted and the run marked purged. */
    default void onRunPurged(String runId, long rows, Duration duration) {
    }

    /** A run's purge gave up (it is taken again by a later pass). */
    default void onRunFailed(String runId, String reason) {
    }

    /** A pass ended; {@code oldestOverdue} is the age of the oldest expired run not purged, or zero. */
    default void onPass(PurgeReport report, Duration oldestOverdue) {
    }

    /** The audit found a leak: rows of a purged or unknown run, an overdue run, or shadow drift. */
    default void onLeak(String kind, String detail) {
    }
}
