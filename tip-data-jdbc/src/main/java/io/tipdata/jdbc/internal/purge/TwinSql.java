package io.tipdata.jdbc.internal.purge;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.internal.shadow.ShadowTwins;

import java.time.Duration;

/**
 * The purge's statements on one twin, in the fastest correct form per dialect. Every one walks the twin's
 * {@code tip_run} index (each twin has one, and {@code tip_run} leads its other keys), so a batch costs the
 * rows it deletes, never a scan of the table.
 *
 * <ul>
 *   <li>PostgreSQL: {@code DELETE ... WHERE tip_run = ? AND ctid = ANY (ARRAY(SELECT ctid ... WHERE tip_run = ?
 *       LIMIT n))}, PostgreSQL having no {@code DELETE ... LIMIT}; the row addresses are read and deleted in one
 *       statement, and a row moved meanwhile by a concurrent update is left to the next batch. The outer
 *       {@code tip_run = ?} keeps the delete to the run even where a {@code ctid} is not unique: in a
 *       partitioned twin, each partition numbers its rows on its own. Lock
 *       timeout: {@code SET LOCAL lock_timeout}, for the batch's transaction only.</li>
 *   <li>MariaDB: {@code DELETE ... WHERE tip_run = ? LIMIT n}, with the lock timeout for that statement only
 *       ({@code SET STATEMENT innodb_lock_wait_timeout = s FOR ...}).</li>
 *   <li>H2: {@code DELETE ... WHERE tip_run = ? FETCH FIRST n ROWS ONLY}, lock timeout {@code SET LOCK_TIMEOUT}
 *       for the session.</li>
 * </ul>
 *
 * <p>A PostgreSQL twin partitioned by run has its run's partition detached and dropped first
 * ({@link #detach}); what is left of the run (in DEFAULT) goes by the batched delete.
 */
final class TwinSql {

    private final Dialect dialect;
    private final String twin;
    private final String run = ShadowTwins.runColumn();
    private final Duration lockTimeout;
    private final boolean partitioned;

    TwinSql(Dialect dialect, String qualifiedTwin, Duration lockTimeout, boolean partitioned) {
        this.dialect = dialect;
        this.twin = qualifiedTwin;
        this.lockTimeout = lockTimeout;
        this.partitioned = partitioned;
    }

    String twin() {
        return twin;
    }

    /** Whether the twin is partitioned by run (PostgreSQL). */
    boolean partitioned() {
        return partitioned;
    }

    /** Detaches a partition of this twin (qualified name), in the transaction that then counts and drops it. */
    String detach(String partition) {
        return "ALTER TABLE " + twin + " DETACH PARTITION " + partition;
    }

    /** How many parameters {@link #deleteBatch} has, each the run id. */
    int deleteParameters() {
        return dialect == Dialect.POSTGRESQL ? 2 : 1;
    }

    /** Run before the batch in its transaction, or null. */
    String lockTimeoutStatement() {
        return switch (dialect) {
            case POSTGRESQL -> "SET LOCAL lock_timeout = '" + lockTimeout.toMillis() + "ms'";
            case H2 -> "SET LOCK_TIMEOUT " + lockTimeout.toMillis();
            case MARIADB -> null;
        };
    }

    /** Deletes up to {@code batch} rows of a run: run id. */
    String deleteBatch(int batch) {
        return switch (dialect) {
            case POSTGRESQL -> "DELETE FROM " + twin + " WHERE " + run + " = ? AND ctid = ANY (ARRAY(SELECT ctid FROM "
                    + twin + " WHERE " + run + " = ? LIMIT " + batch + "))";
            case MARIADB -> "SET STATEMENT innodb_lock_wait_timeout = " + Math.max(1, lockTimeout.toSeconds())
                    + " FOR DELETE FROM " + twin + " WHERE " + run + " = ? LIMIT " + batch;
            case H2 -> "DELETE FROM " + twin + " WHERE " + run + " = ? FETCH FIRST " + batch + " ROWS ONLY";
        };
    }

    /** One row of the run if any is left: run id. */
    String anyLeft() {
        return "SELECT 1 FROM " + twin + " WHERE " + run + " = ?" + (dialect == Dialect.H2
                ? " FETCH FIRST 1 ROWS ONLY" : " LIMIT 1");
    }

    /** The rows of a run: run id. */
    String count() {
        return "SELECT COUNT(*) FROM " + twin + " WHERE " + run + " = ?";
    }

    /** Rows per run in the twin. */
    String countsByRun() {
        return "SELECT " + run + ", COUNT(*) FROM " + twin + " GROUP BY " + run;
    }
}
