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
import java.util.Objects;
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
    private final RunQuarantine quarantine;

    /** A guard that rewrites with the rewriter, obeys the kill switch and quarantines runs in the quarantine. */
    public StatementGuard(SqlRewriter rewriter, KillSwitch killSwitch, RunQuarantine quarantine) {
        this(rewriterOf(Objects.requireNonNull(rewriter, "rewriter")), killSwitch, quarantine);
    }

    StatementGuard(Rewrite rewrite, KillSwitch killSwitch, RunQuarantine quarantine) {
        this.rewrite = rewrite;
        this.killSwitch = Objects.requireNonNull(killSwitch, "killSwitch");
        this.quarantine = Objects.requireNonNull(quarantine, "quarantine");
    }

    /** The SQL to send for a run, or a refusal. */
    @FunctionalInterface
    interface Rewrite {
        String sqlFor(String sql, String runId) throws RefusedStatementException;
    }

    private static Rewrite rewriterOf(SqlRewriter rewriter) {
        return (sql, runId) -> rewriter.rewrite(sql).sqlFor(runId);
    }

    /** Wraps a connection of the guarded data source. */
    public Connection guard(Connection connection) {
        return new GuardedConnection(this, connection);
    }

    /** The SQL to send for the run, which is the current one; refuses what cannot be confined to the run. */
    String sqlFor(String sql, TestRun run) throws SQLException {
        checkKillSwitch(run);
        if (sql == null) {
            throw refused(run, "no SQL given", RefusedStatementException.REFUSED);
        }
        try {
            return rewrite.sqlFor(sql, run.runId());
        } catch (IsolationViolationException e) {
            quarantine(run, e);
            throw e;
        } catch (RefusedStatementException e) {
            LOG.debug("tip-data refused a statement of run {}: {}", run.runId(), e.getMessage());
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

    /** Refuses a prepared statement executed in another context than the one it was prepared in. */
    RefusedStatementException crossed(String preparedFor, TestRun run) {
        String from = preparedFor == null ? "production" : "test run " + preparedFor;
        String to = run == null ? "production" : "test run " + run.runId();
        return crossed(run, "a statement prepared in " + from + " is executed in " + to);
    }

    /** Refuses work begun in one context and executed in another. */
    RefusedStatementException crossed(TestRun run, String what) {
        return refused(run, what + ": nothing was sent; prepare it again in the context that executes it",
                RefusedStatementException.CONTEXT_CROSSED);
    }

    /** A refusal, logged at debug with the run id. */
    RefusedStatementException refused(TestRun run, String message, String sqlState) {
        LOG.debug("tip-data refused a statement of {}: {}", run == null ? "production" : "run " + run.runId(),
                message);
        return new RefusedStatementException(message, sqlState);
    }

    /** Unwraps to the guarded object, or in production to the delegate; in test context never to the delegate. */
    public <T> T unwrap(Object guarded, Wrapper delegate, Class<T> iface) throws SQLException {
        if (iface.isInstance(guarded)) {
            return iface.cast(guarded);
        }
        TestRun run = TipContext.currentOrNull();
        if (run != null) {
            throw refused(run, "unwrap(" + iface.getName() + ") is refused in test context: it would hand out the"
                    + " unguarded " + guardedType(guarded) + "; use the " + guardedType(guarded)
                    + " tip-data gave you", RefusedStatementException.REFUSED);
        }
        return delegate.unwrap(iface);
    }

    /** Whether {@link #unwrap} would succeed for the interface in the current context. */
    public boolean isWrapperFor(Object guarded, Wrapper delegate, Class<?> iface) throws SQLException {
        if (iface.isInstance(guarded)) {
            return true;
        }
        return TipContext.currentOrNull() == null && delegate.isWrapperFor(iface);
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
