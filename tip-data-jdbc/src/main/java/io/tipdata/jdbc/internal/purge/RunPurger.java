package io.tipdata.jdbc.internal.purge;

import io.tipdata.core.RunRegistry;
import io.tipdata.jdbc.internal.registry.RegistryTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the rows of one run whose lease this purger holds: twin by twin, in batches of at most
 * {@code batchSize} rows, each in its own short transaction, with a pause between batches; then verifies
 * that no row is left in any twin and marks the run purged.
 *
 * <p>When the registry table is in the purged database ({@code fence} given), each batch's transaction also
 * renews the lease and adds its row count on the run's registry row, only if this purger still holds the
 * lease: a batch and its count commit together or not at all, and a purger that lost its lease (it stalled
 * past the lease and another took over) cannot delete or count anything more. Otherwise the count is added
 * through the registry after each commit. A purge interrupted anywhere resumes from what is left: rows are
 * selected by run, never by position, so nothing is skipped and nothing is counted twice.
 */
final class RunPurger {

    private static final Logger LOG = LoggerFactory.getLogger(RunPurger.class);
    private static final int VERIFY_ROUNDS = 3;

    /** What happened to the run. */
    record Result(long rows, boolean leaseLost) {
    }

    private final DataSource dataSource;
    private final List<TwinSql> twins;
    private final RunRegistry registry;
    private final RegistryTable fence;
    private final String owner;
    private final Duration lease;
    private final int batchSize;
    private final Duration pause;
    private final Retrier retrier;
    private Connection connection;

    RunPurger(DataSource dataSource, List<TwinSql> twins, RunRegistry registry, RegistryTable fence, String owner,
              Duration lease, int batchSize, Duration pause, Retrier retrier) {
        this.dataSource = dataSource;
        this.twins = twins;
        this.registry = registry;
        this.fence = fence;
        this.owner = owner;
        this.lease = lease;
        this.batchSize = batchSize;
        this.pause = pause;
        this.retrier = retrier;
    }

    /** Purges the leased run; first waits {@code inFlight} (renewing the lease) for requests still running. */
    Result purge(String runId, Duration inFlight) throws SQLException {
        try {
            if (!waitInFlight(runId, inFlight)) {
                return new Result(0, true);
            }
            long rows = 0;
            for (int round = 1; ; round++) {
                for (TwinSql twin : twins) {
                    while (true) {
                        int n = retrier.call("delete a batch of run " + runId + " from " + twin.twin(),
                                () -> batch(twin, runId));
                        if (n < 0) {
                            return new Result(rows, true);
                        }
                        rows += n;
                        if (n < batchSize) {
                            break;
                        }
                        sleep(pause);
                    }
                }
                String left = retrier.call("verify run " + runId, () -> firstTwinWithRows(runId));
                if (left == null) {
                    break;
                }
                if (round == VERIFY_ROUNDS) {
                    throw new SQLException("rows of run " + runId + " keep appearing in " + left + " after "
                            + VERIFY_ROUNDS + " rounds of deletes; is traffic of that run still running?");
                }
            }
            boolean marked = retrier.call("mark run " + runId + " purged", () -> registry.markPurged(runId, owner));
            LOG.debug("purged test run {}: {} row(s)", runId, rows);
            return new Result(rows, !marked);
        } finally {
            release();
        }
    }

    private boolean waitInFlight(String runId, Duration inFlight) throws SQLException {
        long end = System.nanoTime() + inFlight.toNanos();
        long step = Math.max(1, lease.toMillis() / 3);
        while (System.nanoTime() < end) {
            sleep(Duration.ofMillis(Math.min(step, Math.max(1, (end - System.nanoTime()) / 1_000_000))));
            if (!retrier.call("renew the lease of run " + runId, () -> registry.renew(runId, owner, lease, 0))) {
                return false;
            }
        }
        return true;
    }

    /** Deletes one batch and records it; the rows deleted, or -1 when the lease is lost. */
    private int batch(TwinSql twin, String runId) throws SQLException {
        Connection c = connection();
        int n;
        try {
            c.setAutoCommit(false);
            String timeout = twin.lockTimeoutStatement();
            if (timeout != null) {
                try (Statement st = c.createStatement()) {
                    st.execute(timeout);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(twin.deleteBatch(batchSize))) {
                ps.setString(1, runId);
                n = ps.executeUpdate();
            }
            if (fence != null && !fence.renew(c, runId, owner, lease, n)) {
                c.rollback();
                return -1;
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            discard();
            throw e;
        }
        if (fence == null && !registry.renew(runId, owner, lease, n)) {
            return -1;
        }
        return n;
    }

    private String firstTwinWithRows(String runId) throws SQLException {
        Connection c = connection();
        try {
            c.setAutoCommit(true);
            for (TwinSql twin : twins) {
                try (PreparedStatement ps = c.prepareStatement(twin.anyLeft())) {
                    ps.setString(1, runId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            return twin.twin();
                        }
                    }
                }
            }
            return null;
        } catch (SQLException | RuntimeException e) {
            discard();
            throw e;
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = dataSource.getConnection();
        }
        return connection;
    }

    private void discard() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException | RuntimeException ignored) {
                LOG.debug("tip-data purge: closing a failed connection failed too");
            }
        }
    }

    private void release() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.setAutoCommit(true);
                c.close();
            } catch (SQLException | RuntimeException e) {
                LOG.debug("tip-data purge: could not release the connection", e);
            }
        }
    }

    static void sleep(Duration d) throws SQLException {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("purge interrupted", "57014", e);
        }
    }
}
