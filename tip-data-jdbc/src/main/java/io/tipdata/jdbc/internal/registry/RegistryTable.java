package io.tipdata.jdbc.internal.registry;

import io.tipdata.core.RunRecord;
import io.tipdata.core.RunRegistry.Admission;
import io.tipdata.core.RunRegistry.RunStatus;
import io.tipdata.core.TestRun;
import io.tipdata.jdbc.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes the run registry table over a connection it is given. Work is committed when the
 * connection is not in auto-commit mode, and rolled back when it fails; {@link #renew} is the exception: it
 * joins the caller's transaction, so a purge batch and its count commit together.
 */
public final class RegistryTable {

    private static final String DUPLICATE_KEY = "23505";

    private final RegistryStatements sql;
    private final String table;

    /** The table of that (validated, unquoted) name in a database of that dialect. */
    public RegistryTable(Dialect dialect, String table) {
        this.sql = new RegistryStatements(dialect, table);
        this.table = table;
    }

    /**
     * Creates the table and index if missing, and adds the columns a table of an earlier version lacks;
     * tolerates another instance doing the same at the same time.
     */
    public void createIfMissing(Connection c) throws SQLException {
        try {
            inTransaction(c, () -> {
                try (Statement st = c.createStatement()) {
                    for (String ddl : sql.createTable()) {
                        st.execute(ddl);
                    }
                }
            });
        } catch (SQLException e) {
            try (Statement st = c.createStatement()) {
                st.executeQuery(sql.probe()).close();
            } catch (SQLException probe) {
                e.addSuppressed(probe);
                throw e;
            }
        }
        if (!probes(c, sql.probeColumns())) {
            inTransaction(c, () -> {
                try (Statement st = c.createStatement()) {
                    for (String[] col : RegistryStatements.ADDED_COLUMNS) {
                        st.execute(sql.addColumn(col[0], col[1]));
                    }
                }
            });
        }
    }

    /** Inserts the run, or keeps the later expiry of the stored and the given run while it is active. */
    public void register(Connection c, TestRun run) throws SQLException {
        long created = run.created().toEpochMilli();
        long expires = run.expires().toEpochMilli();
        inTransaction(c, () -> {
            if (sql.upsert() != null) {
                update(c, sql.upsert(), run.runId(), created, expires);
            } else if (!insertIfNew(c, run.runId(), created, expires)) {
                update(c, sql.extendExpiry(), expires, run.runId(), expires);
            }
        });
    }

    /** Registers or extends the run and tells its state, in one statement where the dialect has one. */
    public Admission admit(Connection c, TestRun run) throws SQLException {
        if (sql.admit() == null) {
            register(c, run);
            RunRecord r = find(c, run.runId()).orElseThrow(() -> new SQLException("run '" + run.runId()
                    + "' is missing from " + table + " right after registering it"));
            return new Admission(r.status(), r.run().expires(), now(c));
        }
        Admission[] out = new Admission[1];
        inTransaction(c, () -> {
            try (PreparedStatement ps = c.prepareStatement(sql.admit())) {
                ps.setString(1, run.runId());
                ps.setLong(2, run.created().toEpochMilli());
                ps.setLong(3, run.expires().toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("admitting run '" + run.runId() + "' into " + table + " returned no row");
                    }
                    long expires = rs.getLong(2);
                    long now = rs.getLong(3);
                    out[0] = new Admission(status(run.runId(), rs.getString(1), expires, now),
                            Instant.ofEpochMilli(expires), Instant.ofEpochMilli(now));
                }
            }
        });
        return out[0];
    }

    /** The stored run with that id. */
    public Optional<RunRecord> find(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.find())) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(toRecord(rs)) : Optional.empty();
            }
        }
    }

    /** Every stored run, oldest expiry first. */
    public List<RunRecord> records(Connection c) throws SQLException {
        List<RunRecord> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.records()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(toRecord(rs));
            }
        }
        return out;
    }

    /** Active runs that expired before the instant, oldest expiry first. */
    public List<TestRun> expiredBefore(Connection c, Instant instant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.expiredBefore())) {
            ps.setLong(1, instant.toEpochMilli());
            List<TestRun> runs = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    runs.add(TestRun.of(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)),
                            Instant.ofEpochMilli(rs.getLong(3))));
                }
            }
            return runs;
        }
    }

    /** Ids of runs claimable now, at most {@code limit}. */
    public List<String> claimable(Connection c, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.claimable())) {
            ps.setMaxRows(limit);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && ids.size() < limit) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    /** Takes the lease of the run; true when taken. */
    public boolean claim(Connection c, String runId, String owner, Duration lease, boolean evenIfActive)
            throws SQLException {
        int flag = evenIfActive ? 1 : 0;
        return counted(c, () -> update(c, sql.claim(), owner, lease.toMillis(), runId, flag, flag)) == 1;
    }

    /** Renews the lease and adds rows, in the caller's transaction; false when the owner lost the lease. */
    public boolean renew(Connection c, String runId, String owner, Duration lease, long rows) throws SQLException {
        return update(c, sql.renew(), lease.toMillis(), rows, runId, owner) == 1;
    }

    /** Marks the leased run purged; false when the owner does not hold it. */
    public boolean markPurged(Connection c, String runId, String owner) throws SQLException {
        return counted(c, () -> update(c, sql.markPurgedByOwner(), runId, owner)) == 1;
    }

    /** Marks the leased run failed with the reason (cut to 500 characters). */
    public void markFailed(Connection c, String runId, String owner, String reason) throws SQLException {
        String r = reason == null ? "unknown" : reason.length() > 500 ? reason.substring(0, 500) : reason;
        counted(c, () -> update(c, sql.markFailed(), r, runId, owner));
    }

    /** Marks the run purged at the given time; an unknown run is left unknown. */
    public void markPurged(Connection c, String runId, Instant now) throws SQLException {
        counted(c, () -> update(c, sql.markPurged(), now.toEpochMilli(), now.toEpochMilli(), runId));
    }

    /** The database's time. */
    public Instant now(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql.now())) {
            rs.next();
            return Instant.ofEpochMilli(rs.getLong(1));
        }
    }

    private RunRecord toRecord(ResultSet rs) throws SQLException {
        String id = rs.getString(1);
        long expires = rs.getLong(3);
        RunStatus st = status(id, rs.getString(4), expires, rs.getLong(11));
        return new RunRecord(TestRun.of(id, Instant.ofEpochMilli(rs.getLong(2)), Instant.ofEpochMilli(expires)), st,
                instant(rs, 5), instant(rs, 6), rs.getLong(7), rs.getString(8), instant(rs, 9), rs.getString(10));
    }

    private RunStatus status(String id, String stored, long expires, long now) throws SQLException {
        RunStatus st;
        try {
            st = RunStatus.valueOf(stored);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SQLException("run '" + id + "' has unknown status '" + stored + "' in " + table
                    + "; expected ACTIVE, PURGING, PURGED or FAILED");
        }
        return st == RunStatus.ACTIVE && expires < now ? RunStatus.EXPIRED : st;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private boolean insertIfNew(Connection c, String runId, long created, long expires) throws SQLException {
        try {
            update(c, sql.insert(), runId, created, expires);
            return true;
        } catch (SQLException e) {
            if (DUPLICATE_KEY.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    private static boolean probes(Connection c, String query) throws SQLException {
        boolean manual = !c.getAutoCommit();
        try (Statement st = c.createStatement()) {
            st.executeQuery(query).close();
            return true;
        } catch (SQLException e) {
            if (manual) {
                c.rollback();
            }
            return false;
        }
    }

    private interface Work {
        int run() throws SQLException;
    }

    private interface VoidWork {
        void run() throws SQLException;
    }

    private static void inTransaction(Connection c, VoidWork work) throws SQLException {
        counted(c, () -> {
            work.run();
            return 0;
        });
    }

    private static int counted(Connection c, Work work) throws SQLException {
        if (c.getAutoCommit()) {
            return work.run();
        }
        try {
            int n = work.run();
            c.commit();
            return n;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    private static int update(Connection c, String statement, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }
}
