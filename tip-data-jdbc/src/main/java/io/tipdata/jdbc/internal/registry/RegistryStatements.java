package io.tipdata.jdbc.internal.registry;

import io.tipdata.jdbc.Dialect;

import java.util.List;

/**
 * The statements of the run registry table for one dialect and table name. Times are epoch milliseconds
 * (UTC) in {@code BIGINT} columns: the same on every database, free of session time zones, and exact at
 * millisecond precision. Every decision about time (expired? lease lapsed?) uses the database's clock
 * ({@link #now()}), never an application's.
 */
public final class RegistryStatements {

    /** The columns read by {@link #find()} and {@link #records()}, in order. */
    static final String COLUMNS = "run_id, created, expires, status, purge_started, purged_at, rows_purged,"
            + " lease_owner, lease_until, failure";

    /** Columns added to a table created by earlier versions, with their definitions. */
    static final List<String[]> ADDED_COLUMNS = List.of(
            new String[] {"purge_started", "BIGINT"},
            new String[] {"rows_purged", "BIGINT DEFAULT 0 NOT NULL"},
            new String[] {"failure", "VARCHAR(500)"});

    private final Dialect dialect;
    private final String table;
    private final String now;

    /** The statements for a validated, unquoted table name (optionally {@code schema.table}). */
    public RegistryStatements(Dialect dialect, String table) {
        this.dialect = dialect;
        this.table = table;
        this.now = switch (dialect) {
            case POSTGRESQL -> "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)";
            case MARIADB -> "CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS SIGNED)";
            case H2 -> "DATEDIFF('MILLISECOND', TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00', CURRENT_TIMESTAMP)";
        };
    }

    /** Creates the table and its index if they do not exist. */
    public List<String> createTable() {
        int dot = table.lastIndexOf('.');
        String bare = table.substring(dot + 1);
        String index = (dialect == Dialect.H2 && dot > 0 ? table.substring(0, dot + 1) : "") + bare + "_expires_idx";
        return List.of("CREATE TABLE IF NOT EXISTS " + table + " ("
                        + "run_id VARCHAR(40) NOT NULL PRIMARY KEY, "
                        + "created BIGINT NOT NULL, "
                        + "expires BIGINT NOT NULL, "
                        + "status VARCHAR(10) NOT NULL, "
                        + "purged_at BIGINT, "
                        + "lease_owner VARCHAR(200), "
                        + "lease_until BIGINT, "
                        + "purge_started BIGINT, "
                        + "rows_purged BIGINT DEFAULT 0 NOT NULL, "
                        + "failure VARCHAR(500))",
                "CREATE INDEX IF NOT EXISTS " + index + " ON " + table + " (status, expires)");
    }

    /** Tells, by failing, whether the table exists. */
    public String probe() {
        return "SELECT COUNT(*) FROM " + table + " WHERE 1 = 0";
    }

    /** Tells, by failing, whether the table has the columns added since the first version. */
    public String probeColumns() {
        return "SELECT purge_started, rows_purged, failure FROM " + table + " WHERE 1 = 0";
    }

    /** Adds a column to a table of an earlier version. */
    public String addColumn(String name, String definition) {
        return "ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS " + name + " " + definition;
    }

    /** The database's current time in epoch milliseconds. */
    public String now() {
        return "SELECT " + now;
    }

    /**
     * Inserts a run (id, created, expires), or on a known id keeps the later expiry while the run is
     * active; {@code null} when the dialect has no such statement and {@link #insert()} then
     * {@link #extendExpiry()} are used.
     */
    public String upsert() {
        return switch (dialect) {
            case POSTGRESQL -> "INSERT INTO " + table + " AS r (run_id, created, expires, status)"
                    + " VALUES (?, ?, ?, 'ACTIVE') ON CONFLICT (run_id) DO UPDATE SET expires = EXCLUDED.expires"
                    + " WHERE r.expires < EXCLUDED.expires AND r.status = 'ACTIVE'";
            case MARIADB -> "INSERT INTO " + table + " (run_id, created, expires, status) VALUES (?, ?, ?, 'ACTIVE')"
                    + " ON DUPLICATE KEY UPDATE expires = IF(status = 'ACTIVE', GREATEST(expires, VALUES(expires)),"
                    + " expires)";
            case H2 -> null;
        };
    }

    /**
     * The upsert that also returns status, expires and the database's time in one round trip; {@code null}
     * on H2 (in-process: {@link #insert()}/{@link #extendExpiry()} then {@link #find()}).
     */
    public String admit() {
        return switch (dialect) {
            case POSTGRESQL -> "INSERT INTO " + table + " AS r (run_id, created, expires, status)"
                    + " VALUES (?, ?, ?, 'ACTIVE') ON CONFLICT (run_id) DO UPDATE SET expires = CASE WHEN"
                    + " r.status = 'ACTIVE' AND r.expires < EXCLUDED.expires THEN EXCLUDED.expires ELSE r.expires END"
                    + " RETURNING status, expires, " + now;
            case MARIADB -> upsert() + " RETURNING status, expires, " + now;
            case H2 -> null;
        };
    }

    /** Inserts a run: id, created, expires. */
    public String insert() {
        return "INSERT INTO " + table + " (run_id, created, expires, status) VALUES (?, ?, ?, 'ACTIVE')";
    }

    /** Moves the expiry of an active run later: expires, run id, expires. */
    public String extendExpiry() {
        return "UPDATE " + table + " SET expires = ? WHERE run_id = ? AND expires < ? AND status = 'ACTIVE'";
    }

    /** One run's {@link #COLUMNS} and the database's time, by run id. */
    public String find() {
        return "SELECT " + COLUMNS + ", " + now + " FROM " + table + " WHERE run_id = ?";
    }

    /** Every run's {@link #COLUMNS} and the database's time, oldest expiry first. */
    public String records() {
        return "SELECT " + COLUMNS + ", " + now + " FROM " + table + " ORDER BY expires, run_id";
    }

    /** Active runs that expired before an instant, oldest expiry first. */
    public String expiredBefore() {
        return "SELECT run_id, created, expires, status FROM " + table
                + " WHERE status = 'ACTIVE' AND expires < ? ORDER BY expires, run_id";
    }

    /** Ids of runs a purger may claim now (database time), oldest expiry first. */
    public String claimable() {
        return "SELECT run_id FROM " + table + " WHERE (status = 'ACTIVE' AND expires < " + now + ")"
                + " OR status = 'FAILED' OR (status = 'PURGING' AND lease_until < " + now + ")"
                + " ORDER BY expires, run_id";
    }

    /** Takes the lease: owner, lease millis, run id, even-if-active flag (1/0) twice. */
    public String claim() {
        return "UPDATE " + table + " SET status = 'PURGING', lease_owner = ?, lease_until = " + now + " + ?,"
                + " purge_started = COALESCE(purge_started, " + now + "), failure = NULL"
                + " WHERE run_id = ? AND ((status = 'ACTIVE' AND (? = 1 OR expires < " + now + "))"
                + " OR status = 'FAILED' OR (status = 'PURGING' AND lease_until < " + now + ")"
                + " OR (status = 'PURGED' AND ? = 1))";
    }

    /** Renews the lease and adds purged rows: lease millis, rows, run id, owner. */
    public String renew() {
        return "UPDATE " + table + " SET lease_until = " + now + " + ?, rows_purged = rows_purged + ?"
                + " WHERE run_id = ? AND lease_owner = ? AND status = 'PURGING'";
    }

    /** Marks a leased run purged: run id, owner. */
    public String markPurgedByOwner() {
        return "UPDATE " + table + " SET status = 'PURGED', purged_at = " + now + ", lease_owner = NULL,"
                + " lease_until = NULL WHERE run_id = ? AND lease_owner = ? AND status = 'PURGING'";
    }

    /** Marks a leased run failed: reason, run id, owner. */
    public String markFailed() {
        return "UPDATE " + table + " SET status = 'FAILED', failure = ?, lease_owner = NULL, lease_until = NULL"
                + " WHERE run_id = ? AND lease_owner = ? AND status = 'PURGING'";
    }

    /** Marks a run purged whoever holds it: purged_at, purged_at, run id. */
    public String markPurged() {
        return "UPDATE " + table + " SET status = 'PURGED', purged_at = ?, purge_started = COALESCE(purge_started, ?),"
                + " lease_owner = NULL, lease_until = NULL WHERE run_id = ?";
    }
}
