package io.tipdata.jdbc.internal.registry;

import io.tipdata.jdbc.Dialect;

import java.util.List;

/**
 * The statements of the run registry table for one dialect and table name. Times are epoch milliseconds
 * (UTC) in {@code BIGINT} columns: the same on every database, free of session time zones, and exact at
 * millisecond precision.
 */
public final class RegistryStatements {

    private final Dialect dialect;
    private final String table;

    /** The statements for a validated, unquoted table name (optionally {@code schema.table}). */
    public RegistryStatements(Dialect dialect, String table) {
        this.dialect = dialect;
        this.table = table;
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
                        + "lease_until BIGINT)",
                "CREATE INDEX IF NOT EXISTS " + index + " ON " + table + " (status, expires)");
    }

    /** Tells, by failing, whether the table exists. */
    public String probe() {
        return "SELECT COUNT(*) FROM " + table + " WHERE 1 = 0";
    }

    /**
     * Inserts a run (id, created, expires), or on a known id keeps the later expiry; {@code null} when the
     * dialect has no such statement and {@link #insert()} then {@link #extendExpiry()} are used.
     */
    public String upsert() {
        return switch (dialect) {
            case POSTGRESQL -> "INSERT INTO " + table + " AS r (run_id, created, expires, status)"
                    + " VALUES (?, ?, ?, 'ACTIVE') ON CONFLICT (run_id) DO UPDATE SET expires = EXCLUDED.expires"
                    + " WHERE r.expires < EXCLUDED.expires";
            case MARIADB -> "INSERT INTO " + table + " (run_id, created, expires, status) VALUES (?, ?, ?, 'ACTIVE')"
                    + " ON DUPLICATE KEY UPDATE expires = GREATEST(expires, VALUES(expires))";
            case H2 -> null;
        };
    }

    /** Inserts a run: id, created, expires. */
    public String insert() {
        return "INSERT INTO " + table + " (run_id, created, expires, status) VALUES (?, ?, ?, 'ACTIVE')";
    }

    /** Moves the expiry of a run later: expires, run id, expires. */
    public String extendExpiry() {
        return "UPDATE " + table + " SET expires = ? WHERE run_id = ? AND expires < ?";
    }

    /** One run's id, created, expires and status, by run id. */
    public String find() {
        return "SELECT run_id, created, expires, status FROM " + table + " WHERE run_id = ?";
    }

    /** Active runs that expired before an instant, oldest expiry first. */
    public String expiredBefore() {
        return "SELECT run_id, created, expires, status FROM " + table
                + " WHERE status = 'ACTIVE' AND expires < ? ORDER BY expires, run_id";
    }

    /** Marks a run purged: purged_at, run id. */
    public String markPurged() {
        return "UPDATE " + table + " SET status = 'PURGED', purged_at = ? WHERE run_id = ?";
    }
}
