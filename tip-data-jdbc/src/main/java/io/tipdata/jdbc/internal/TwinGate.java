package io.tipdata.jdbc.internal;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.RefusedStatementException;
import io.tipdata.jdbc.SchemaProblem;
import io.tipdata.jdbc.StatementListener;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.internal.rewrite.AllowedSequences;
import io.tipdata.jdbc.internal.rewrite.RewrittenSql;
import io.tipdata.jdbc.internal.rewrite.SqlRewriter;
import io.tipdata.jdbc.internal.shadow.TwinStatistics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets test statements through only to tables whose twins are known to be right. The state (rewriter, column
 * catalog, tables refused and why) comes from {@link StartupCheck}; the check runs again at the first test
 * statement after a failed check and then whenever the interval has passed, on the thread of a test statement
 * (production never waits for it), so a fixed schema lets test traffic through without a restart. Each problem
 * is logged once at ERROR and told to the listener; its resolution is logged at INFO. A recheck that reads the
 * schema as before keeps the rewriter and its cache. On PostgreSQL a test statement also looks, at most every
 * ten seconds, for twins whose statistics are stale and analyzes them ({@link TwinStatistics}).
 */
public final class TwinGate implements StatementGuard.Rewrite {

    private static final Logger LOG = LoggerFactory.getLogger(TwinGate.class);

    /** How often, at most, test statements look for PostgreSQL twins whose statistics are stale. */
    static final long STATISTICS_INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();

    private record State(StartupCheck.Health health, SqlRewriter rewriter, Map<String, String> refused,
                         long checkedAt, boolean recheckAtFirstUse) {
    }

    private final DataSource dataSource;
    private final TablePolicies policies;
    private final String explicitShadow;
    private final Dialect dialect;
    private final int cacheSize;
    private final long intervalNanos;
    private final StatementListener listener;
    private final DataSource testIdentity;
    private final Set<String> allowedFunctions;
    private volatile Set<String> allowedSequences;
    private final ReentrantLock checking = new ReentrantLock();
    private final ReentrantLock analyzing = new ReentrantLock();
    private final TwinStatistics statistics = new TwinStatistics();
    private volatile long analyzedAt = System.nanoTime() - STATISTICS_INTERVAL_NANOS;
    private final Set<String> reported = new HashSet<>();
    private volatile State state;

    /** Checks the database once and keeps what it found. */
    public TwinGate(DataSource dataSource, TablePolicies policies, String explicitShadow, Dialect dialect,
            int cacheSize, Duration interval, StatementListener listener) {
        this(dataSource, policies, explicitShadow, dialect, cacheSize, interval, listener, null, Set.of());
    }

    /**
     * Checks the database and the test identity ({@code null}: none) once and keeps what it found; test
     * statements may also call the {@code allowedFunctions}.
     */
    public TwinGate(DataSource dataSource, TablePolicies policies, String explicitShadow, Dialect dialect,
            int cacheSize, Duration interval, StatementListener listener, DataSource testIdentity,
            Set<String> allowedFunctions) {
        this(dataSource, policies, explicitShadow, dialect, cacheSize, interval, listener, testIdentity,
                allowedFunctions, Set.of());
    }

    /**
     * As {@link #TwinGate(DataSource, TablePolicies, String, Dialect, int, Duration, StatementListener, DataSource,
     * Set)}; test statements may also draw from the {@code allowedSequences} (besides those of ISOLATED tables).
     */
    public TwinGate(DataSource dataSource, TablePolicies policies, String explicitShadow, Dialect dialect,
            int cacheSize, Duration interval, StatementListener listener, DataSource testIdentity,
            Set<String> allowedFunctions, Set<String> allowedSequences) {
        this.dataSource = dataSource;
        this.policies = policies;
        this.explicitShadow = explicitShadow;
        this.dialect = dialect;
        this.cacheSize = cacheSize;
        this.intervalNanos = interval.toNanos();
        this.listener = listener;
        this.testIdentity = testIdentity;
        this.allowedFunctions = allowedFunctions;
        this.allowedSequences = Set.copyOf(allowedSequences);
        recheck();
    }

    /** Runs the check now and returns the problems found (an unreachable database as one problem). */
    public List<SchemaProblem> recheck() {
        checking.lock();
        try {
            StartupCheck.Health h = StartupCheck.run(dataSource, policies, explicitShadow, dialect, testIdentity);
            State old = state;
            SqlRewriter rewriter = h.dialect() == null || h.shadowSchema() == null ? null
                    : sameReading(old, h) ? old.rewriter()
                    : SqlRewriter.create(policies, h.columns(), h.shadowSchema(), h.dialect(), Math.max(2, cacheSize),
                            allowedFunctions, h.productionSchema(), h.productionCatalog(), sequencesOf(h), h.rowTypes());
            Map<String, String> refused = new LinkedHashMap<>();
            for (SchemaProblem p : h.problems()) {
                if (p.isError()) {
                    refused.merge(p.table().toLowerCase(Locale.ROOT), p.toString(), (a, b) -> a + "; " + b);
                }
            }
            boolean healthy = h.unavailable() == null && refused.isEmpty();
            state = new State(h, h.unavailable() == null ? rewriter : null, Map.copyOf(refused), System.nanoTime(),
                    !healthy && old == null);
            report(h);
            return problems();
        } finally {
            checking.unlock();
        }
    }

    /**
     * Lets test statements also use the sequences (names as {@code allowSequence} takes them); the rewriter is
     * made anew, so statements refused before for a sequence are read again.
     */
    public void allowSequences(Set<String> names) {
        names.forEach(AllowedSequences::checkDeclared);
        checking.lock();
        try {
            Set<String> all = new java.util.LinkedHashSet<>(allowedSequences);
            if (!all.addAll(names)) {
                return;
            }
            allowedSequences = Set.copyOf(all);
            State old = state;
            StartupCheck.Health h = old.health();
            if (old.rewriter() != null) {
                state = new State(h, SqlRewriter.create(policies, h.columns(), h.shadowSchema(), h.dialect(),
                        Math.max(2, cacheSize), allowedFunctions, h.productionSchema(), h.productionCatalog(),
                        sequencesOf(h), h.rowTypes()), old.refused(), old.checkedAt(), old.recheckAtFirstUse());
            }
        } finally {
            checking.unlock();
        }
    }

    /**
     * Whether the last check read the schema as this one did, so its rewriter (and its cache of rewritten
     * statements) still holds: a recheck that finds nothing new keeps the warm cache.
     */
    private static boolean sameReading(State old, StartupCheck.Health h) {
        return old != null && old.rewriter() != null && old.health().dialect() == h.dialect()
                && h.shadowSchema().equals(old.health().shadowSchema()) && h.columns().equals(old.health().columns())
                && java.util.Objects.equals(h.productionSchema(), old.health().productionSchema())
                && java.util.Objects.equals(h.productionCatalog(), old.health().productionCatalog())
                && h.sequences().equals(old.health().sequences())
                && h.existingSequences().equals(old.health().existingSequences())
                && h.rowTypes().equals(old.health().rowTypes());
    }

    private AllowedSequences sequencesOf(StartupCheck.Health h) {
        return AllowedSequences.of(h.dialect(), h.productionSchema(), h.sequences(), allowedSequences,
                h.existingSequences());
    }

    /** The problems of the last check. */
    public List<SchemaProblem> problems() {
        StartupCheck.Health h = state.health();
        if (h.unavailable() == null) {
            return h.problems();
        }
        return List.of(new SchemaProblem("*", null, h.unavailable(), "fix the connection; the check runs again"));
    }

    /** The shadow schema of the last successful resolution, or {@code null}. */
    public String shadowSchema() {
        return state.health().shadowSchema();
    }

    /** The dialect, or {@code null} while the database has not been reached. */
    public Dialect dialect() {
        return state.health().dialect();
    }

    @Override
    public String sqlFor(String sql, String runId) throws RefusedStatementException {
        State s = current();
        if (s.rewriter() == null) {
            throw new RefusedStatementException(s.health().unavailable() + "; test traffic is refused until the"
                    + " check succeeds (it runs again on the next test statement after the interval)",
                    RefusedStatementException.REFUSED);
        }
        RewrittenSql r = s.rewriter().rewrite(sql);
        if (!s.refused().isEmpty()) {
            String all = s.refused().get(StartupCheck.ALL_TABLES);
            if (all != null) {
                throw new RefusedStatementException("test traffic is refused until the check passes: " + all,
                        RefusedStatementException.REFUSED);
            }
            for (String table : r.tables()) {
                String why = s.refused().get(table);
                if (why != null) {
                    throw new RefusedStatementException("test traffic on table " + table + " is refused until its"
                            + " shadow twin matches production: " + why, RefusedStatementException.REFUSED);
                }
            }
        }
        return r.sqlFor(runId);
    }

    @Override
    public List<String> tablesOf(String sql) {
        SqlRewriter r = state.rewriter();
        return r == null ? List.of() : r.tablesOf(sql);
    }

    private State current() {
        State s = state;
        long t = System.nanoTime();
        if ((s.recheckAtFirstUse() || t - s.checkedAt() >= intervalNanos) && checking.tryLock()) {
            try {
                if (state == s) {
                    recheck();
                }
            } finally {
                checking.unlock();
            }
        }
        State now = state;
        if (now.health().dialect() == Dialect.POSTGRESQL && now.health().shadowSchema() != null
                && t - analyzedAt >= STATISTICS_INTERVAL_NANOS && analyzing.tryLock()) {
            try {
                analyzedAt = System.nanoTime();
                statistics.refresh(dataSource, now.health().shadowSchema());
            } finally {
                analyzing.unlock();
            }
        }
        return now;
    }

    /** Logs each new problem once at ERROR (warnings at WARN) and each solved one at INFO. */
    private void report(StartupCheck.Health h) {
        Set<String> now = new HashSet<>();
        List<SchemaProblem> fresh = new ArrayList<>();
        if (h.unavailable() != null) {
            now.add(h.unavailable());
            if (!reported.contains(h.unavailable())) {
                LOG.error("tip-data refuses all test traffic: {}", h.unavailable());
                fresh.addAll(problems());
            }
        }
        for (SchemaProblem p : h.problems()) {
            String key = p.toString();
            now.add(key);
            if (!reported.contains(key)) {
                if (p.isError()) {
                    LOG.error("tip-data refuses test traffic on table {}: {}", p.table(), p);
                } else {
                    LOG.warn("shadow schema {}", p);
                }
                fresh.add(p);
            }
        }
        for (String old : reported) {
            if (!now.contains(old)) {
                LOG.info("tip-data: solved: {}", old);
            }
        }
        reported.clear();
        reported.addAll(now);
        if (listener != null) {
            for (SchemaProblem p : fresh) {
                try {
                    listener.onSchemaProblem(p);
                } catch (RuntimeException e) {
                    LOG.warn("statement listener failed on a schema problem: {}", e.toString());
                }
            }
        }
    }
}
