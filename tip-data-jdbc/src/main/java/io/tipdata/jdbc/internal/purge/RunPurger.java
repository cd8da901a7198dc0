package io.tipdata.jdbc.internal.purge;

import io.tipdata.core.RunRegistry;
import io.tipdata.jdbc.internal.registry.RegistryTable;
import io.tipdata.jdbc.internal.shadow.RunPartitions;

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
 *
 * <p>Two logins. The batches (and the verification) go through {@code deletes}: the test identity where one is
 * configured, so that the database itself refuses any delete outside the twins; then the registry row, which
 * the test identity may not write, is renewed through the registry after each commit (a crash between the two
 * loses that batch's count, never a row). A twin partitioned by run first has the run's partition detached,
 * counted and dropped in one transaction of {@code owner} (the shadow schema's owner: DDL), with the count and
 * lease renewal in the same transaction when the registry table is in that database; what is left of the run
 * (rows in DEFAULT) then goes by batches.
 */
final class RunPurger {

    private static final Logger LOG = LoggerFactory.getLogger(RunPurger.class);
    private static final int VERIFY_ROUNDS = 3;

    /** What happened to the run. */
    record Result(long rows, boolean leaseLost) {
    }

    private final DataSource dataSource;
    private final DataSource owner;
    private final List<TwinSql> twins;
    private final RunRegistry registry;
    private final RegistryTable fence;
    private final RegistryTable partitionFence;
    private final String leaseOwner;
    private final Duration lease;
    private final int batchSize;
    private final Duration pause;
    private final Retrier retrier;
    private Connection connection;
    private boolean lockTimeoutSettable = true;

    /**
     * A purger deleting through {@code deletes}, doing partition DDL through {@code owner}; {@code fence} is the
     * registry table when it is in the purged database, used in the batches' transactions only when
     * {@code deletes} is {@code owner} (the test identity may not write it).
     */
    RunPurger(DataSource deletes, DataSource owner, List<TwinSql> twins, RunRegistry registry, RegistryTable fence,
              String leaseOwner, Duration lease, int batchSize, Duration pause, Retrier retrier) {
        this.dataSource = deletes;
        this.owner = owner;
        this.twins = twins;
        this.registry = registry;
        this.partitionFence = fence;
        this.fence = deletes == owner ? fence : null;
        this.leaseOwner = leaseOwner;
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
                    if (twin.partitioned()) {
                        long dropped = retrier.call("drop the partition of run " + runId + " in " + twin.twin(),
                                () -> dropPartition(twin, runId));
                        if (dropped < 0) {
                            return new Result(rows, true);
                        }
                        rows += dropped;
                    }
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
            boolean marked = retrier.call("mark run " + runId + " purged", () -> registry.markPurged(runId, leaseOwner));
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
            if (!retrier.call("renew the lease of run " + runId, () -> registry.renew(runId, leaseOwner, lease, 0))) {
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
            String timeout = lockTimeoutSettable ? twin.lockTimeoutStatement() : null;
            if (timeout != null) {
                try (Statement st = c.createStatement()) {
                    st.execute(timeout);
                } catch (SQLException e) {
                    if (!"90040".equals(e.getSQLState())) {
                        throw e;
                    }
                    lockTimeoutSettable = false;   // H2 lets only admins change it: the session's own applies
                    LOG.debug("tip-data purge: H2 refuses this login {}; the session's lock timeout applies", timeout);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(twin.deleteBatch(batchSize))) {
                for (int i = 1; i <= twin.deleteParameters(); i++) {
                    ps.setString(i, runId);
                }
                n = ps.executeUpdate();
            }
            if (fence != null && !fence.renew(c, runId, leaseOwner, lease, n)) {
                c.rollback();
                return -1;
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            discard();
            throw e;
        }
        if (fence == null && !registry.renew(runId, leaseOwner, lease, n)) {
            return -1;
        }
        return n;
    }

    /**
     * Detaches, counts and drops the run's partition of the twin in one transaction of the owner, under the lock
     * timeout: the rows it held, 0 when the run has no partition there, or -1 when the lease is lost (then nothing
     * is changed). Not {@code DETACH ... CONCURRENTLY}: PostgreSQL refuses it on a table with a DEFAULT partition,
     * and it cannot run in the transaction that counts and drops. The lock is the twin's only (test traffic of
     * other runs waits at most the statement's time); production tables are not touched.
     */
    private long dropPartition(TwinSql twin, String runId) throws SQLException {
        long n;
        try (Connection c = owner.getConnection()) {
            String partition = RunPartitions.partitionOf(c, twin.twin(), runId);
            if (partition == null) {
                return 0;
            }
            c.setAutoCommit(false);
            try {
                try (Statement st = c.createStatement()) {
                    st.execute(twin.lockTimeoutStatement());
                }
                try (PreparedStatement ps = c.prepareStatement(twin.detach(partition))) {
                    ps.execute();
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + partition);
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    n = rs.getLong(1);
                }
                try (PreparedStatement ps = c.prepareStatement("DROP TABLE " + partition)) {
                    ps.execute();
                }
                if (partitionFence != null && !partitionFence.renew(c, runId, leaseOwner, lease, n)) {
                    c.rollback();
                    return -1;
                }
                c.commit();
                LOG.debug("dropped partition {} of run {}: {} row(s)", partition, runId, n);
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException again) {
                    e.addSuppressed(again);
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        if (partitionFence == null && !registry.renew(runId, leaseOwner, lease, n)) {
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
