package io.tipdata.jdbc;

import io.tipdata.core.RunRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link PurgeJob#audit()} found: rows left behind by purged runs (stragglers: the next pass purges
 * them), runs overdue for purge, rows in a twin whose run the registry does not know, and shadow drift
 * (errors only). Clean when all four are empty.
 *
 * @param leftBehind  rows of purged runs, per run and twin
 * @param overdue     runs expired (or failed, or with a lapsed lease) longer ago than the allowed delay
 * @param unknownRuns rows whose {@code tip_run} is not in the registry, per run and twin
 * @param drift       errors of the shadow schema check
 */
public record PurgeAudit(List<Rows> leftBehind, List<RunRecord> overdue, List<Rows> unknownRuns,
                         List<SchemaProblem> drift) {

    /** Copies the lists. */
    public PurgeAudit {
        leftBehind = List.copyOf(leftBehind);
        overdue = List.copyOf(overdue);
        unknownRuns = List.copyOf(unknownRuns);
        drift = List.copyOf(drift);
    }

    /** Rows of one run in one twin. */
    public record Rows(String runId, String twin, long rows) {
    }

    /** Tells whether nothing leaked. */
    public boolean isClean() {
        return leftBehind.isEmpty() && overdue.isEmpty() && unknownRuns.isEmpty() && drift.isEmpty();
    }

    /** One line per finding, for logs and the command line. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        leftBehind.forEach(r -> out.add("left behind: " + r.rows() + " row(s) of purged run " + r.runId() + " in "
                + r.twin() + " (the next purge pass deletes them)"));
        overdue.forEach(r -> out.add("overdue: run " + r.runId() + " is " + r.status() + ", expired at "
                + r.run().expires() + (r.failure() != null ? ", last failure: " + r.failure() : "")));
        unknownRuns.forEach(r -> out.add("unknown run: " + r.rows() + " row(s) of run " + r.runId() + " in "
                + r.twin() + " that the run registry does not know"));
        drift.forEach(p -> out.add("drift: " + p));
        return out;
    }
}
