package io.tipdata.jdbc.internal;

import io.tipdata.core.KillSwitch;
import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import io.tipdata.jdbc.RefusedStatementException;
import io.tipdata.jdbc.internal.rewrite.IsolationViolationException;
import io.tipdata.jdbc.internal.rewrite.SqlRewriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Wrapper;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what a statement sends: in production the SQL as written; in test context the SQL rewritten for
 * the current run, or a {@link RefusedStatementException} before anything reaches the database. A rewrite
 * that fails the rewriter's independent isolation check is an isolation violation: it engages the kill switch.
 */
public final class StatementGuard {

    private static final Logger LOG = LoggerFactory.getLogger(StatementGuard.class);

    private final Rewrite rewrite;
    private final KillSwitch killSwitch;
    private final boolean lowerTestIsolation;

    /** A guard that rewrites with the rewriter and obeys the kill switch. */
    public StatementGuard(SqlRewriter rewriter, KillSwitch killSwitch) {
        this(rewriter, killSwitch, false);
    }

    /**
     * A guard that rewrites with the rewriter and obeys the kill switch; {@code lowerTestIsolation} runs test
     * connections at READ COMMITTED (restored when they are closed), where the database's reads of production
     * rows in a writing statement would otherwise lock them (MariaDB's InnoDB at REPEATABLE READ).
     */
    public StatementGuard(SqlRewriter rewriter, KillSwitch killSwitch, boolean lowerTestIsolation) {
        this(rewriterOf(Objects.requireNonNull(rewriter, "rewriter")), killSwitch, lowerTestIsolation);
    }

    StatementGuard(Rewrite rewrite, KillSwitch killSwitch) {
        this(rewrite, killSwitch, false);
    }

    StatementGuard(Rewrite rewrite, KillSwitch killSwitch, boolean lowerTestIsolation) {
        this.rewrite = rewrite;
        this.killSwitch = Objects.requireNonNull(killSwitch, "killSwitch");
        this.lowerTestIsolation = lowerTestIsolation;
    }

    boolean lowersTestIsolation() {
        return lowerTestIsolation;
    }

    /** The SQL to send for a run, or a refusal. */
    @FunctionalInterface
    interface Rewrite {
        String sqlFor(String sql, String runId) throws RefusedStatementException;
    }

    private static Rewrite rewriterOf(SqlRewriter rewriter) {
        return (sql, runId) -> rewriter.rewrite(sql).sqlFor(runId);
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
        if (run == null || !lowerTestIsolation) {
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
            return rewrite.sqlFor(sql, run.runId());
        } catch (IsolationViolationException e) {
            killSwitch.engage("the rewrite of a statement of run " + run.runId()
                    + " failed the independent isolation check: " + e.getMessage());
            throw e;
        } catch (RefusedStatementException e) {
            LOG.debug("tip-data refused a statement of run {}: {}", run.runId(), e.getMessage());
            throw e;
        }
    }

    /** Refuses with {@value RefusedStatementException#KILLED} while the kill switch is engaged. */
    void checkKillSwitch(TestRun run) throws RefusedStatementException {
        if (killSwitch.isEngaged()) {
            throw refused(run, "the tip-data kill switch is engaged (" + killSwitch.reason()
                    + "): all test traffic is refused until it is released", RefusedStatementException.KILLED);
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

    /** A refusal, logged at debug with the run id. */
    RefusedStatementException refused(TestRun run, String message, String sqlState) {
        LOG.debug("tip-data refused a statement of {}: {}", run == null ? "production" : "run " + run.runId(),
                message);
        return new RefusedStatementException(message, sqlState);
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
