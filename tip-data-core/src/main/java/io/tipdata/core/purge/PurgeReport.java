package io.tipdata.core.purge;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one purge pass did.
 *
 * @param purged   rows deleted per run purged in this pass (run id to rows), in the order purged
 * @param failed   run id to reason, for runs whose purge gave up in this pass (they are taken again later)
 * @param skipped  runs due but held by another purger
 * @param duration how long the pass took
 * @param dryRun   true when nothing was deleted and {@code purged} tells what would have been
 */
public record PurgeReport(Map<String, Long> purged, Map<String, String> failed, List<String> skipped,
                          Duration duration, boolean dryRun) {

    /** Copies the collections. */
    public PurgeReport {
        purged = Map.copyOf(purged);
        failed = Map.copyOf(failed);
        skipped = List.copyOf(skipped);
    }

    /** Rows deleted (or, dry, to delete) in this pass. */
    public long rows() {
        return purged.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Tells whether no run failed. */
    public boolean isComplete() {
        return failed.isEmpty();
    }

    /** Rows per second of this pass. */
    public double rowsPerSecond() {
        double s = duration.toNanos() / 1e9;
        return s <= 0 ? 0 : rows() / s;
    }
}
