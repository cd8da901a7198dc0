package io.tipdata.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipdata.core.KillSwitch;
import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Locking reads as Hibernate and jOOQ write them ({@code FOR UPDATE}, {@code NOWAIT}, {@code SKIP LOCKED}, and each
 * database's share locks): accepted in test context and confined to the run. While a test transaction holds the
 * lock, a production session locks the production row at once ({@code NOWAIT}) but not the run's twin row; the
 * locking read returns the run's rows only; locking a REFERENCE table is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LockingReadsContract {

    static final TestRun RUN_A = TipDataSourceContract.run("run-a");

    TestDatabase db;
    TipDataSource tip;

    abstract TestDatabase newDatabase();

    /** Locking clauses the database accepts after {@code SELECT ... FROM orders o WHERE ...}. */
    abstract List<String> lockingClauses();

    /** How a production session locks one row at once or fails: {@code FOR UPDATE NOWAIT} where supported. */
    String lockNowait(String table, String where) {
        return "SELECT id FROM " + table + " WHERE " + where + " FOR UPDATE NOWAIT";
    }

    @BeforeAll
    void openDatabase() throws SQLException {
        db = newDatabase();
        db.open();
        db.createTables();
        tip = TipDataSource.wrap(db.raw).testConnections(db.testPool).policies(db.policies()).shadowSchema(db.shadow)
                .killSwitch(KillSwitch.create()).build();
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    @BeforeEach
    void seed() throws SQLException {
        db.reset();
        db.exec("INSERT INTO orders (id, customer, amount) VALUES (1, 'prod-1', 10)");
        db.exec("INSERT INTO " + db.shadow + ".orders (id, customer, amount, tip_run) VALUES (1, 'a-1', 20, 'run-a'),"
                + " (3, 'b-3', 30, 'run-b')");
    }

    @Test
    void eachLockingReadReturnsTheRunsRowsAndLocksOnlyTheTwin() throws Exception {
        for (String clause : lockingClauses()) {
            String sql = "SELECT o.customer FROM orders o WHERE o.id = 1 " + clause;
            TipContext.call(RUN_A, () -> {
                try (Connection c = tip.getConnection()) {
                    c.setAutoCommit(false);
                    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                        List<String> got = new ArrayList<>();
                        while (rs.next()) {
                            got.add(rs.getString(1));
                        }
                        assertThat(got).as(sql).containsExactly("a-1");
                        assertThat(lockedByOther("orders", "id = 1")).as(sql + ": production row locked").isFalse();
                        assertThat(lockedByOther(db.shadow + ".orders", "tip_run = 'run-b'"))
                                .as(sql + ": another run's row locked").isFalse();
                        assertThat(lockedByOther(db.shadow + ".orders", "tip_run = 'run-a'"))
                                .as(sql + ": the run's twin row not locked").isTrue();
                    } finally {
                        c.rollback();
                    }
                }
                return null;
            });
        }
        assertThat(db.rows("SELECT id, amount FROM orders")).containsExactly("1|10");
    }

    @Test
    void lockingAReferenceTableIsRefused() throws Exception {
        for (String clause : lockingClauses()) {
            for (String sql : List.of("SELECT name FROM countries " + clause,
                    "SELECT o.id FROM orders o JOIN countries c ON c.code = o.customer " + clause)) {
                if (clause.contains(" OF ")) {
                    continue;
                }
                assertThatThrownBy(() -> TipContext.call(RUN_A, () -> {
                    try (Connection c = tip.getConnection(); Statement s = c.createStatement()) {
                        return s.executeQuery(sql).next();
                    }
                })).as(sql).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getSQLState()).isEqualTo(RefusedStatementException.REFUSED));
            }
        }
    }

    /** Whether a production session fails to lock the row at once (another transaction holds a lock on it). */
    boolean lockedByOther(String table, String where) throws SQLException {
        try (Connection c = db.raw.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeQuery(lockNowait(table, where)).close();
                return false;
            } catch (SQLException locked) {
                return true;
            } finally {
                c.rollback();
            }
        }
    }
}
