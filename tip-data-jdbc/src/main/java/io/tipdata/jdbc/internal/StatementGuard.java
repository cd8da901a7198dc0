package io.tipdata.jdbc.internal;

import io.tipdata.core.KillSwitch;
import io.tipdata.core.RunQuarantine;
import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import io.tipdata.jdbc.RefusedStatementException;
import io.tipdata.jdbc.internal.rewrite.IsolationViolationException;
import io.tipdata.jdbc.internal.rewrite.SqlRewriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Wrapper;
import io.tipdata.jdbc.StatementListener;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what a statement sends: in production the SQL as written; in test context the SQL rewritten for
 * the current run, or a {@link RefusedStatementException} before anything reaches the database. A rewrite
 * that fails the rewriter's independent isolation check is an isolation violation: it quarantines the run (see
 * {@link RunQuarantine}), whose statements are refused from then on.
 */
public final class StatementGuard {

    private static final Logger LOG = LoggerFactory.getLogger(StatementGuard.class);

    private final Rewrite rewrite;
    private final KillSwitch killSwitch;
    private final StatementListener listener;
    private final BooleanSupplier lowerTestIsolation;
    private final RunQuarantine quarantine;

    /** A guard that rewrites with the rewriter, obeys the kill switch and quarantines runs in the quarantine. */
    public StatementGuard(SqlRewriter rewriter, KillSwitch killSwitch, RunQuarantine quarantine) {
        this(rewriterOf(Objects.requireNonNull(rewriter, "rewriter")), killSwitch, quarantine, null, () -> false);
    }

    StatementGuard(Rewrite rewrite, KillSwitch killSwitch, RunQuarantine quarantine) {
        this(rewrite, killSwitch, quarantine, null, () -> false);
    }

    /**
     * A guard that rewrites through {@code rewrite}, obeys the kill switch, quarantines runs whose rewrite fails
     * the independent check, tells the listener (may be null) and, where {@code lowerTestIsolation} says so
     * (asked at each test borrow), runs test connections at READ COMMITTED (restored when they are closed), where
     * the database's reads of production rows in a writing statement would otherwise lock them (MariaDB's InnoDB
     * at REPEATABLE READ).
     */
    public StatementGuard(Rewrite rewrite, KillSwitch killSwitch, RunQuarantine quarantine,
            StatementListener listener, BooleanSupplier lowerTestIsolation) {
        this.rewrite = Objects.requireNonNull(rewrite, "rewrite");
        this.killSwitch = Objects.requireNonNull(killSwitch, "killSwitch");
        this.quarantine = Objects.requireNonNull(quarantine, "quarantine");
        this.listener = listener;
        this.lowerTestIsolation = Objects.requireNonNull(lowerTestIsolation, "lowerTestIsolation");
    }

    boolean lowersTestIsolation() {
        return lowerTestIsolation.getAsBoolean();
    }

    /** The SQL to send for a run, or a refusal. */
    @FunctionalInterface
    public interface Rewrite {
        /** The SQL to send for the run, or a refusal. */
        String sqlFor(String sql, String runId) throws RefusedStatementException;

        /** The tables the statement names, if known (for listeners and metrics). */
        default List<String> tablesOf(String sql) {
            return List.of();
        }
    }

    private static Rewrite rewriterOf(SqlRewriter rewriter) {
        return new Rewrite() {
            @Override
            public String sqlFor(String sql, String runId) throws RefusedStatementException {
                return rewriter.rewrite(sql).sqlFor(runId);
            }

            @Override
            public List<String> tablesOf(String sql) {
                return rewriter.tablesOf(sql);
            }
        };
    }

    /** Wraps a connection of the guarded data source borrowed now: pinned to the current context. */
    public Connection guard(Connection connection) throws SQLException {
        return pin(connection, TipContext.currentOrNull(), false);
    }

    /**
     * Wraps a connection pinned to the run ({@code null}: production). A {@code vouched} connection sends its
     * statements for its run whatever the thread's context; any other is refused ({@code TD003}) when used in
     * another context than its own.
     */
    public Connection pin(Connection connection, TestRun run, boolean vouched) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        if (run == null || !lowersTestIsolation()) {
            return new GuardedConnection(this, connection, run, vouched, GuardedConnection.NO_CHANGE);
        }
        try {
            int level = connection.getTransactionIsolation();
            if (level > Connection.TRANSACTION_READ_COMMITTED) {
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                return new GuardedConnection(this, connection, run, vouched, level);
            }
            return new GuardedConnection(this, connection, run, vouched, GuardedConnection.NO_CHANGE);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** The SQL to send for the run; refuses what cannot be confined to the run. */
    String sqlFor(String sql, TestRun run) throws SQLException {
        checkKillSwitch(run);
        if (sql == null) {
            throw refused(run, "no SQL given", RefusedStatementException.REFUSED);
        }
        try {
            String sent = rewrite.sqlFor(sql, run.runId());
            if (listener != null || LOG.isDebugEnabled()) {
                rewritten(run.runId(), sql, sent);
            }
            return sent;
        } catch (IsolationViolationException e) {
            quarantine(run, e);
            told(run.runId(), sql, e.getMessage());
            throw e;
        } catch (RefusedStatementException e) {
            told(run.runId(), sql, e.getMessage());
            throw e;
        }
    }

    /**
     * Refuses with {@value RefusedStatementException#KILLED} while the kill switch is engaged, and with
     * {@value RefusedStatementException#QUARANTINED} while the run is quarantined.
     */
    void checkKillSwitch(TestRun run) throws RefusedStatementException {
        if (killSwitch.isEngaged()) {
            throw refused(run, "the tip-data kill switch is engaged (" + killSwitch.reason()
                    + "): all test traffic is refused until it is released", RefusedStatementException.KILLED);
        }
        checkQuarantine(run);
    }

    /** Refuses with {@value RefusedStatementException#QUARANTINED} while the run is quarantined. */
    private void checkQuarantine(TestRun run) throws RefusedStatementException {
        String why = quarantine.reason(run.runId());
        if (why != null) {
            throw refused(run, "test run " + run.runId() + " is quarantined (" + why + "): its statements are"
                    + " refused; start a new run, or have an operator release it", RefusedStatementException.QUARANTINED);
        }
    }

    private void quarantine(TestRun run, IsolationViolationException e) {
        if (quarantine.quarantine(run.runId(), "the rewrite of a statement failed the independent isolation check")) {
            LOG.error("tip-data quarantined test run {}: the rewrite of a statement failed the independent isolation"
                    + " check, which is a fault of tip-data or a statement built to get around it; the run's"
                    + " statements and tokens are refused from now on. Statement shape (literals masked): {}",
                    run.runId(), e.shape());
        }
    }

    /** Refuses work on a connection pinned to one context ({@code null}: production) done in another. */
    RefusedStatementException crossed(TestRun pinned, TestRun current, String what) {
        String from = pinned == null ? "production" : "test run " + pinned.runId();
        String to = current == null ? "production" : "test run " + current.runId();
        return refused(current, "a connection borrowed in " + from + " is used in " + to + " (" + what
                + "): nothing was sent. A tip-data connection belongs to the context it was borrowed in until it"
                + " is closed; borrow it inside the scope that uses it (for an ORM: open the session and finish"
                + " its transaction inside the scope), or let a framework that manages connections borrow it"
                + " with TipDataSource.connectionFor(run)", RefusedStatementException.CONTEXT_CROSSED);
    }

    /** A refusal, logged at debug with the run id and told to the listener. */
    RefusedStatementException refused(TestRun run, String message, String sqlState) {
        told(run == null ? null : run.runId(), null, message);
        return new RefusedStatementException(message, sqlState);
    }

    private void rewritten(String runId, String sql, String sent) {
        LOG.debug("tip-data rewrote a statement of run {}: {} -> {}", runId, sql, sent);
        if (listener != null) {
            try {
                listener.onRewritten(runId, sql, sent, rewrite.tablesOf(sql));
            } catch (RuntimeException e) {
                LOG.warn("statement listener failed: {}", e.toString());
            }
        }
    }

    private void told(String runId, String sql, String reason) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("tip-data refused a statement of {}: {}{}", runId == null ? "production" : "run " + runId,
                    sql == null ? "" : sql + " -- ", reason);
        }
        if (listener != null) {
            try {
                listener.onRefused(runId, sql, reason, sql == null ? List.of() : rewrite.tablesOf(sql));
            } catch (RuntimeException e) {
                LOG.warn("statement listener failed: {}", e.toString());
            }
        }
    }

    /** Unwraps to the guarded object, or in production to the delegate; in test context never to the delegate. */
    public <T> T unwrap(Object guarded, Wrapper delegate, Class<T> iface) throws SQLException {
        return unwrap(guarded, delegate, iface, null);
    }

    /** As {@link #unwrap(Object, Wrapper, Class)}, never to the delegate of a test connection's object. */
    <T> T unwrap(Object guarded, Wrapper delegate, Class<T> iface, GuardedConnection connection)
            throws SQLException {
        if (iface.isInstance(guarded)) {
            return iface.cast(guarded);
        }
        TestRun run = TipContext.currentOrNull();
        if (run == null && connection != null) {
            run = connection.run;
        }
        if (run != null) {
            throw refused(run, "unwrap(" + iface.getName() + ") is refused in test context: it would hand out the"
                    + " unguarded " + guardedType(guarded) + "; use the " + guardedType(guarded)
                    + " tip-data gave you", RefusedStatementException.REFUSED);
        }
        return delegate.unwrap(iface);
    }

    /** Whether {@link #unwrap} would succeed for the interface in the current context. */
    public boolean isWrapperFor(Object guarded, Wrapper delegate, Class<?> iface) throws SQLException {
        return isWrapperFor(guarded, delegate, iface, null);
    }

    boolean isWrapperFor(Object guarded, Wrapper delegate, Class<?> iface, GuardedConnection connection)
            throws SQLException {
        if (iface.isInstance(guarded)) {
            return true;
        }
        return TipContext.currentOrNull() == null && (connection == null || connection.run == null)
                && delegate.isWrapperFor(iface);
    }

    private static String guardedType(Object guarded) {
        for (Class<?> c : guarded.getClass().getInterfaces()) {
            if (c.getName().startsWith("java")) {
                return c.getSimpleName();
            }
        }
        return guarded.getClass().getSimpleName();
    }
}
