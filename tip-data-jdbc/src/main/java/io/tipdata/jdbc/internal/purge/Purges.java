package io.tipdata.jdbc.internal.purge;

import io.tipdata.core.RunRecord;
import io.tipdata.core.RunRegistry;
import io.tipdata.core.RunRegistry.RunStatus;
import io.tipdata.core.purge.PurgeReport;
import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.PurgeAudit;
import io.tipdata.jdbc.SchemaProblem;
import io.tipdata.jdbc.internal.registry.RegistryTable;
import io.tipdata.jdbc.internal.shadow.RunPartitions;
import io.tipdata.jdbc.internal.shadow.ShadowDriftCheck;
import io.tipdata.jdbc.internal.shadow.ShadowTwins;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The work of a purge job: passes, "purge this run now", dry runs and the audit. */
public final class Purges {

    private static final Logger LOG = LoggerFactory.getLogger(Purges.class);

    private final PurgeSettings s;
    private final Listeners listeners;

    /** The engine over checked settings. */
    public Purges(PurgeSettings settings) {
        this.s = settings;
        this.listeners = new Listeners(settings.listeners());
    }

    /** One pass: every claimable run, then the stragglers of runs purged within the straggler window. */
    public PurgeReport purgeExpired() {
        long t0 = System.nanoTime();
        Map<String, Long> purged = new LinkedHashMap<>();
        Map<String, String> failed = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        List<RunRecord> records = List.of();
        try {
            Context ctx = context();
            for (String id : s.retrier().call("list the claimable runs", () -> s.registry().claimable(s.maxRunsPerPass()))) {
                attempt(ctx, id, false, Duration.ZERO, purged, failed, skipped);
            }
            for (String id : stragglers(ctx)) {
                attempt(ctx, id, true, Duration.ZERO, purged, failed, skipped);
            }
            records = s.retrier().call("list the runs", () -> s.registry().records());
        } catch (SQLException e) {
            failed.put("*", describe(e));
            LOG.warn("tip-data purge pass could not reach the database: {}", describe(e));
        }
        PurgeReport report = new PurgeReport(purged, failed, skipped, Duration.ofNanos(System.nanoTime() - t0), false);
        Duration oldest = Duration.ZERO;
        try {
            oldest = records.isEmpty() ? Duration.ZERO : LeakFinder.oldestDue(records, s.registry().now());
        } catch (RuntimeException e) {
            LOG.debug("could not read the registry time for the overdue age", e);
        }
        listeners.pass(report, oldest);
        return report;
    }

    /** Purges one run now, even if active: first waits the in-flight allowance when it is still active. */
    public PurgeReport purgeNow(String runId) {
        long t0 = System.nanoTime();
        Map<String, Long> purged = new LinkedHashMap<>();
        Map<String, String> failed = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        try {
            Optional<RunRecord> r = s.retrier().call("read run " + runId, () -> s.registry().record(runId));
            if (r.isEmpty()) {
                failed.put(runId, "run " + runId + " is not in the run registry");
            } else {
                Duration wait = r.get().status() == RunStatus.ACTIVE ? s.inFlight() : Duration.ZERO;
                attempt(context(), runId, true, wait, purged, failed, skipped);
            }
        } catch (SQLException e) {
            failed.put(runId, describe(e));
        }
        return new PurgeReport(purged, failed, skipped, Duration.ofNanos(System.nanoTime() - t0), false);
    }

    /** What a pass (or, with a run id, "purge now") would delete, per run; nothing is claimed or deleted. */
    public PurgeReport dryRun(String runId) {
        long t0 = System.nanoTime();
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, String> failed = new LinkedHashMap<>();
        try {
            Context ctx = context();
            Set<String> ids = new LinkedHashSet<>();
            if (runId != null) {
                ids.add(runId);
            } else {
                ids.addAll(s.retrier().call("list the claimable runs", () -> s.registry().claimable(s.maxRunsPerPass())));
                ids.addAll(stragglers(ctx));
            }
            for (String id : ids) {
                rows.put(id, s.retrier().call("count the rows of run " + id, () -> count(ctx, id)));
            }
        } catch (SQLException e) {
            failed.put(runId != null ? runId : "*", describe(e));
        }
        return new PurgeReport(rows, failed, List.of(), Duration.ofNanos(System.nanoTime() - t0), true);
    }

    /** The audit; every finding is logged as an error and reported to the listeners. */
    public PurgeAudit audit() throws SQLException {
        Context ctx = context();
        List<RunRecord> records = s.retrier().call("list the runs", () -> s.registry().records());
        Instant now = s.retrier().call("read the registry time", () -> s.registry().now());
        PurgeAudit audit;
        try (Connection c = s.dataSource().getConnection()) {
            List<SchemaProblem> drift = new ShadowDriftCheck(c, ctx.dialect, s.policies(), s.shadowSchema())
                    .problems().stream().filter(SchemaProblem::isError).toList();
            audit = LeakFinder.audit(c, ctx.twins, records, now, s.overdueAfter(), drift);
        }
        audit.leftBehind().forEach(r -> leak("left-behind", r.rows() + " row(s) of purged run " + r.runId() + " in " + r.twin()));
        audit.overdue().forEach(r -> leak("overdue", "run " + r.runId() + " " + r.status() + " expired " + r.run().expires()));
        audit.unknownRuns().forEach(r -> leak("unknown-run", r.rows() + " row(s) of unknown run " + r.runId() + " in " + r.twin()));
        audit.drift().forEach(p -> leak("drift", p.toString()));
        return audit;
    }

    private void leak(String kind, String detail) {
        LOG.error("tip-data audit: {}: {}", kind, detail);
        listeners.leak(kind, detail);
    }

    private void attempt(Context ctx, String id, boolean evenIfActive, Duration wait, Map<String, Long> purged,
                         Map<String, String> failed, List<String> skipped) throws SQLException {
        if (!s.retrier().call("claim run " + id, () -> s.registry().claim(id, s.owner(), s.lease(), evenIfActive))) {
            skipped.add(id);
            return;
        }
        long t0 = System.nanoTime();
        RunPurger purger = new RunPurger(s.deletes(), s.dataSource(), ctx.twins, s.registry(), ctx.fence, s.owner(),
                s.lease(), s.batchSize(), s.pause(), s.retrier());
        try {
            RunPurger.Result r = purger.purge(id, wait);
            if (r.leaseLost()) {
                LOG.warn("tip-data purge of run {} lost its lease after {} row(s); another purger goes on", id, r.rows());
                skipped.add(id);
                return;
            }
            purged.put(id, r.rows());
            listeners.purged(id, r.rows(), Duration.ofNanos(System.nanoTime() - t0));
        } catch (SQLException | RuntimeException e) {
            String reason = describe(e);
            LOG.warn("tip-data purge of run {} failed: {}", id, reason);
            failed.put(id, reason);
            listeners.failed(id, reason);
            try {
                s.registry().markFailed(id, s.owner(), reason);
            } catch (RuntimeException again) {
                LOG.debug("could not mark run {} failed; its lease lapses instead", id, again);
            }
        }
    }

    /** Purged runs (within the straggler window) with rows in any twin: one index probe per run and twin. */
    private List<String> stragglers(Context ctx) throws SQLException {
        List<RunRecord> records = s.retrier().call("list the runs", () -> s.registry().records());
        Instant now = s.retrier().call("read the registry time", () -> s.registry().now());
        List<String> out = new ArrayList<>();
        try (Connection c = s.dataSource().getConnection()) {
            for (RunRecord r : records) {
                if (r.status() == RunStatus.PURGED && r.purgedAt() != null
                        && r.purgedAt().plus(s.stragglerWindow()).isAfter(now) && anyLeft(c, ctx, r.runId())) {
                    out.add(r.runId());
                }
            }
        }
        return out;
    }

    private static boolean anyLeft(Connection c, Context ctx, String runId) throws SQLException {
        for (TwinSql t : ctx.twins) {
            try (PreparedStatement ps = c.prepareStatement(t.anyLeft())) {
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private long count(Context ctx, String runId) throws SQLException {
        long n = 0;
        try (Connection c = s.dataSource().getConnection()) {
            for (TwinSql t : ctx.twins) {
                try (PreparedStatement ps = c.prepareStatement(t.count())) {
                    ps.setString(1, runId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        n += rs.getLong(1);
                    }
                }
            }
        }
        return n;
    }

    private record Context(Dialect dialect, List<TwinSql> twins, RegistryTable fence) {
    }

    private Context context() throws SQLException {
        return s.retrier().call("read the shadow twins", () -> {
            try (Connection c = s.dataSource().getConnection()) {
                Dialect d = s.dialect() != null ? s.dialect() : Dialect.detect(c.getMetaData());
                List<TwinSql> twins = new ArrayList<>();
                for (String t : ShadowTwins.existing(c, d, s.policies(), s.shadowSchema())) {
                    twins.add(new TwinSql(d, t, s.lockTimeout(), d == Dialect.POSTGRESQL && RunPartitions.isPartitioned(c, t)));
                }
                if (twins.isEmpty()) {
                    throw new IllegalStateException("no shadow twin of the isolated tables " + s.policies()
                            + " exists in schema " + s.shadowSchema() + "; create them (ShadowSchema.create()) or"
                            + " give the shadow schema the application uses");
                }
                return new Context(d, List.copyOf(twins), s.fence() == null ? null : s.fence().table(c));
            }
        });
    }

    private static String describe(Exception e) {
        Throwable t = e instanceof IllegalStateException && e.getCause() instanceof SQLException ? e.getCause() : e;
        return t instanceof SQLException sql ? sql.getMessage() + " (SQLState " + sql.getSQLState() + ")"
                : t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
