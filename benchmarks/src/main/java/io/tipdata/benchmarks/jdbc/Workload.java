package io.tipdata.benchmarks.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The JDBC workload: point selects, inserts and updates on one table, each done as an application
 * does it with statement caching off: borrow a pooled connection, prepare, bind, execute, close.
 */
final class Workload {

    static final String TABLE = "bench_item";
    /** Rows loaded before measuring; selects and updates pick ids in {@code [1, ROWS]}. */
    static final int ROWS = 10_000;
    /** First id used by inserts during measurement. */
    static final long FIRST_INSERT_ID = 1_000_000_000L;

    static final String SELECT = "SELECT id, name, qty FROM bench_item WHERE id = ?";
    static final String INSERT = "INSERT INTO bench_item (id, name, qty) VALUES (?, ?, ?)";
    static final String UPDATE = "UPDATE bench_item SET qty = qty + 1 WHERE id = ?";
    static final String COUNT_BY_ID = "SELECT COUNT(*) FROM bench_item WHERE id = ?";

    private Workload() {
    }

    /** Drops and creates the workload table in the database behind the data source. */
    static void createTable(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
            s.execute("CREATE TABLE " + TABLE + " (id BIGINT PRIMARY KEY, name VARCHAR(64) NOT NULL, qty INT NOT NULL)");
        }
    }

    /** Inserts ids {@code 1..rows} with the given insert statement, in one transaction. */
    static void load(DataSource ds, String insertSql, int rows) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(insertSql)) {
                for (long id = 1; id <= rows; id++) {
                    ps.setLong(1, id);
                    ps.setString(2, "item-" + id);
                    ps.setInt(3, 0);
                    ps.executeUpdate();
                }
            }
            c.commit();
            c.setAutoCommit(true);
        }
    }

    /** Reads the row with the id; fails if it is not there, so a misrouted statement cannot pass. */
    static int select(DataSource ds, String sql, long id) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no row " + id + " for: " + sql);
                }
                return rs.getInt(3) + rs.getString(2).length();
            }
        }
    }

    /** Inserts one row. */
    static int insert(DataSource ds, String sql, long id) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.setString(2, "new-item");
            ps.setInt(3, 1);
            return ps.executeUpdate();
        }
    }

    /** Updates one row; fails if no row was updated. */
    static int update(DataSource ds, String sql, long id) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            int n = ps.executeUpdate();
            if (n != 1) {
                throw new IllegalStateException(n + " rows updated for id " + id + " by: " + sql);
            }
            return n;
        }
    }

    /** Counts the rows with the id, reading the database directly. */
    static long count(DataSource direct, String table, long id) throws SQLException {
        try (Connection c = direct.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Deletes, directly, every row of the table whose id is at least {@code fromId}. */
    static void deleteFrom(DataSource direct, String table, long fromId) throws SQLException {
        try (Connection c = direct.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE id >= ?")) {
            ps.setLong(1, fromId);
            ps.executeUpdate();
        }
    }

    /** Deletes the row with the id, directly. */
    static void delete(DataSource direct, long id) throws SQLException {
        try (Connection c = direct.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM " + TABLE + " WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }
}
