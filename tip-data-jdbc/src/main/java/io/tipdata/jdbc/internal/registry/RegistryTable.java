package io.tipdata.jdbc.internal.registry;

import io.tipdata.core.RunRegistry.RunStatus;
import io.tipdata.core.TestRun;
import io.tipdata.jdbc.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes the run registry table over a connection it is given. Work is committed when the
 * connection is not in auto-commit mode, and rolled back when it fails.
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

    /** A run and its status, as stored. */
    public record Row(TestRun run, RunStatus status) {
    }

    /** Creates the table and index if missing; tolerates another instance creating them at the same time. */
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
    }

    /** Inserts the run, or keeps the later expiry of the stored and the given run. */
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

    /** The stored run with that id. */
    public Optional<Row> find(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.find())) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(toRow(rs)) : Optional.empty();
            }
        }
    }

    /** Active runs that expired before the instant, oldest expiry first. */
    public List<TestRun> expiredBefore(Connection c, Instant instant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.expiredBefore())) {
            ps.setLong(1, instant.toEpochMilli());
            List<TestRun> runs = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    runs.add(toRow(rs).run());
                }
            }
            return runs;
        }
    }

    /** Marks the run purged at the given time; an unknown run is left unknown. */
    public void markPurged(Connection c, String runId, Instant now) throws SQLException {
        inTransaction(c, () -> update(c, sql.markPurged(), now.toEpochMilli(), runId));
    }

    private Row toRow(ResultSet rs) throws SQLException {
        String id = rs.getString(1);
        String status = rs.getString(4);
        RunStatus st;
        try {
            st = RunStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new SQLException("run '" + id + "' has unknown status '" + status + "' in " + table
                    + "; expected ACTIVE or PURGED");
        }
        return new Row(TestRun.of(id, Instant.ofEpochMilli(rs.getLong(2)), Instant.ofEpochMilli(rs.getLong(3))), st);
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

    private interface Work {
        void run() throws SQLException;
    }

    private static void inTransaction(Connection c, Work work) throws SQLException {
        if (c.getAutoCommit()) {
            work.run();
            return;
        }
        try {
            work.run();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    private static void update(Connection c, String statement, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }
}
