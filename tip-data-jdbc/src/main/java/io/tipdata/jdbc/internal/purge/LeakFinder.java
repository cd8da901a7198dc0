package io.tipdata.jdbc.internal.purge;

import io.tipdata.core.RunRecord;
import io.tipdata.core.RunRegistry.RunStatus;
import io.tipdata.jdbc.PurgeAudit;
import io.tipdata.jdbc.SchemaProblem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Compares the twins' rows per run with the registry: the audit. Reads every twin once (grouped by run). */
final class LeakFinder {

    private LeakFinder() {
    }

    static PurgeAudit audit(Connection c, List<TwinSql> twins, List<RunRecord> records, Instant now,
                            Duration overdueAfter, List<SchemaProblem> drift) throws SQLException {
        Map<String, RunRecord> byId = new HashMap<>();
        records.forEach(r -> byId.put(r.runId(), r));
        List<PurgeAudit.Rows> left = new ArrayList<>();
        List<PurgeAudit.Rows> unknown = new ArrayList<>();
        for (TwinSql twin : twins) {
            try (PreparedStatement ps = c.prepareStatement(twin.countsByRun()); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String run = rs.getString(1);
                    PurgeAudit.Rows rows = new PurgeAudit.Rows(run, twin.twin(), rs.getLong(2));
                    RunRecord r = byId.get(run);
                    if (r == null) {
                        unknown.add(rows);
                    } else if (r.status() == RunStatus.PURGED) {
                        left.add(rows);
                    }
                }
            }
        }
        return new PurgeAudit(left, overdue(records, now, overdueAfter), unknown, drift);
    }

    static List<RunRecord> overdue(List<RunRecord> records, Instant now, Duration overdueAfter) {
        return records.stream().filter(r -> isDue(r, now) && r.run().expires().plus(overdueAfter).isBefore(now))
                .toList();
    }

    /** The age of the oldest run due for purge and not purged, or zero. */
    static Duration oldestDue(List<RunRecord> records, Instant now) {
        return records.stream().filter(r -> isDue(r, now)).map(r -> Duration.between(r.run().expires(), now))
                .max(Duration::compareTo).orElse(Duration.ZERO);
    }

    private static boolean isDue(RunRecord r, Instant now) {
        return switch (r.status()) {
            case EXPIRED, FAILED -> true;
            case PURGING -> r.run().expires().isBefore(now);
            case ACTIVE, PURGED -> false;
        };
    }
}
