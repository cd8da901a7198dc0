package io.tipdata.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipdata.core.KillSwitch;
import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Deferred work on plain JDBC: a connection borrowed in one context and used in another is refused and sends
 * nothing, which every test checks on the database itself (through the raw pool, not through tip-data).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PinnedConnectionContract {

    static final TestRun RUN_A = TipDataSourceContract.run("run-a");
    static final TestRun RUN_B = TipDataSourceContract.run("run-b");
    static final String INSERT = "INSERT INTO orders (customer, amount) VALUES ('x', 1)";

    TestDatabase db;
    TipDataSource tip;

    abstract TestDatabase newDatabase();

    @BeforeAll
    void openDatabase() throws SQLException {
        db = newDatabase();
        db.open();
        db.createTables();
        tip = TipDataSource.wrap(db.raw).policies(db.policies()).shadowSchema(db.shadow)
                .killSwitch(KillSwitch.create()).build();
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    @BeforeEach
    void resetRows() throws SQLException {
        db.reset();
        db.exec("INSERT INTO orders (customer, amount) VALUES ('prod-1', 10)");
    }

    static <T> T in(TestRun run, Callable<T> work) throws Exception {
        return TipContext.call(run, work);
    }

    List<String> prod() throws SQLException {
        return db.rows("SELECT customer, amount FROM orders ORDER BY customer");
    }

    List<String> twin() throws SQLException {
        return db.rows("SELECT tip_run, customer, amount FROM " + db.shadow + ".orders ORDER BY tip_run, customer");
    }

    static void assertCrossed(ThrowingCallable call, String... named) {
        assertThatThrownBy(call).isInstanceOf(RefusedStatementException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState())
                        .isEqualTo(RefusedStatementException.CONTEXT_CROSSED))
                .hasMessageContainingAll(named)
                .hasMessageContaining("nothing was sent")
                .hasMessageContaining("connectionFor(run)");
    }

    @Test
    void aProductionConnectionIsRefusedInATestRun() throws Exception {
        try (Connection c = tip.getConnection(); Statement s = c.createStatement();
             PreparedStatement ps = c.prepareStatement(INSERT)) {
            in(RUN_A, () -> {
                assertCrossed(() -> s.executeUpdate(INSERT), "borrowed in production", "used in test run run-a");
                assertCrossed(() -> s.executeQuery("SELECT customer FROM orders"), "production");
                assertCrossed(ps::executeUpdate, "production", "run-a");
                assertCrossed(() -> c.prepareStatement(INSERT), "production", "run-a");
                assertCrossed(c::createStatement, "production");
                assertCrossed(() -> s.addBatch(INSERT), "production");
                assertCrossed(ps::addBatch, "production");
                return null;
            });
            assertThat(s.executeBatch()).isEmpty();
        }
        assertThat(prod()).containsExactly("prod-1|10");
        assertThat(twin()).isEmpty();
    }

    @Test
    void aTestConnectionIsRefusedAfterItsScopeClosedAndInAnotherRun() throws Exception {
        Connection c = in(RUN_A, tip::getConnection);
        try (c; Statement s = in(RUN_A, c::createStatement);
             PreparedStatement ps = in(RUN_A, () -> c.prepareStatement(INSERT))) {
            assertCrossed(() -> s.executeUpdate(INSERT), "borrowed in test run run-a", "used in production");
            assertCrossed(ps::executeUpdate, "run-a", "production");
            assertCrossed(() -> in(RUN_B, () -> s.executeUpdate(INSERT)), "run-a", "used in test run run-b");
            assertCrossed(() -> in(RUN_B, ps::executeUpdate), "run-a", "run-b");
            assertCrossed(() -> in(RUN_B, () -> c.prepareStatement(INSERT)), "run-a", "run-b");
            assertThat(prod()).containsExactly("prod-1|10");
            assertThat(twin()).isEmpty();

            assertThat((int) in(RUN_A, ps::executeUpdate)).isEqualTo(1);
        }
        assertThat(prod()).containsExactly("prod-1|10");
        assertThat(twin()).containsExactly("run-a|x|1");
    }

    @Test
    void aBatchAddedInOneContextIsNeverExecutedInAnother() throws Exception {
        Connection c = in(RUN_A, tip::getConnection);
        try (c; Statement s = in(RUN_A, c::createStatement);
             PreparedStatement ps = in(RUN_A, () -> c.prepareStatement("INSERT INTO orders (customer, amount)"
                     + " VALUES (?, 2)"))) {
            in(RUN_A, () -> {
                s.addBatch(INSERT);
                ps.setString(1, "y");
                ps.addBatch();
                return null;
            });
            assertCrossed(() -> in(RUN_B, s::executeBatch), "run-a", "run-b");
            assertCrossed(() -> in(RUN_B, ps::executeBatch), "run-a", "run-b");
            assertThat(twin()).isEmpty();
            // The refused batches were cleared: executed later in their own run, nothing of them is sent.
            assertThat(in(RUN_A, s::executeBatch)).isEmpty();
            assertThat(in(RUN_A, ps::executeBatch)).isEmpty();
        }
        try (Connection p = tip.getConnection(); Statement s = p.createStatement()) {
            s.addBatch("UPDATE orders SET amount = 0");
            assertCrossed(() -> in(RUN_A, s::executeBatch), "production", "run-a");
            assertThat(s.executeBatch()).isEmpty();
        }
        assertThat(prod()).containsExactly("prod-1|10");
        assertThat(twin()).isEmpty();
    }

    @Test
    void aTransactionIsCommittedOnlyInTheContextItBeganIn() throws Exception {
        Connection c = in(RUN_A, tip::getConnection);
        try (c) {
            in(RUN_A, () -> {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate(INSERT);
                }
            });
            assertCrossed(c::commit, "run-a", "commit");
            assertCrossed(() -> c.setAutoCommit(true), "run-a", "setAutoCommit(true)");
            c.rollback();
            in(RUN_A, () -> {
                c.setAutoCommit(true);
                return null;
            });
        }
        try (Connection p = tip.getConnection()) {
            p.setAutoCommit(false);
            try (Statement s = p.createStatement()) {
                s.executeUpdate("UPDATE orders SET amount = 99");
            }
            assertCrossed(() -> in(RUN_A, () -> {
                p.commit();
                return null;
            }), "production", "commit");
            in(RUN_B, () -> {
                p.rollback();
                return null;
            });
            p.setAutoCommit(true);
        }
        assertThat(prod()).containsExactly("prod-1|10");
        assertThat(twin()).isEmpty();
    }

    @Test
    void anUpdatableResultSetNeverWritesAcrossContexts() throws Exception {
        try (Connection c = tip.getConnection();
             Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE);
             ResultSet rs = s.executeQuery("SELECT id, customer, amount FROM orders")) {
            assertThat(rs.next()).isTrue();
            in(RUN_A, () -> {
                assertCrossed(() -> rs.updateInt("amount", 99), "production", "updateInt");
                assertCrossed(rs::updateRow, "production", "updateRow");
                assertCrossed(rs::deleteRow, "production", "deleteRow");
                assertCrossed(rs::insertRow, "production", "insertRow");
                return null;
            });
        }
        in(RUN_A, () -> {
            try (Connection c = tip.getConnection()) {
                assertThatThrownBy(() -> c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE))
                        .isInstanceOf(RefusedStatementException.class).hasMessageContaining("CONCUR_UPDATABLE");
                assertThatThrownBy(() -> c.prepareStatement("SELECT id, customer FROM orders",
                        ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE))
                        .isInstanceOf(RefusedStatementException.class).hasMessageContaining("CONCUR_UPDATABLE");
            }
            return null;
        });
        assertThat(prod()).containsExactly("prod-1|10");
        assertThat(twin()).isEmpty();
    }

    @Test
    void connectionForARunWritesOnlyItsPartitionWhateverTheThreadsContext() throws Exception {
        try (Connection c = tip.connectionFor(RUN_A); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO orders (customer, amount) VALUES ('a-1', 1)");
            in(RUN_B, () -> s.executeUpdate("INSERT INTO orders (customer, amount) VALUES ('a-2', 2)"));
            assertThat(s.executeUpdate("UPDATE orders SET amount = amount + 1")).isEqualTo(2);
            try (ResultSet rs = s.executeQuery("SELECT customer FROM orders ORDER BY customer")) {
                List<String> seen = new ArrayList<>();
                while (rs.next()) {
                    seen.add(rs.getString(1));
                }
                assertThat(seen).containsExactly("a-1", "a-2");
            }
            assertThatThrownBy(() -> s.executeUpdate("UPDATE countries SET name = 'x'"))
                    .isInstanceOf(RefusedStatementException.class);
        }
        Connection p = in(RUN_A, tip::productionConnection);
        try (p; Statement s = p.createStatement()) {
            assertCrossed(() -> in(RUN_A, () -> s.executeUpdate("UPDATE orders SET amount = 0")), "production");
            assertThat(s.executeUpdate("UPDATE orders SET amount = 11")).isEqualTo(1);
        }
        assertThat(prod()).containsExactly("prod-1|11");
        assertThat(twin()).containsExactly("run-a|a-1|2", "run-a|a-2|3");
    }

    @Test
    void generatedKeysNeverShowTheRunColumn() throws Exception {
        List<List<String>> seen = in(RUN_A, () -> {
            List<List<String>> out = new ArrayList<>();
            try (Connection c = tip.getConnection()) {
                try (PreparedStatement ps = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
                    ps.executeUpdate();
                    out.add(keys(ps.getGeneratedKeys()));
                }
                try (Statement s = c.createStatement()) {
                    s.executeUpdate(INSERT, Statement.RETURN_GENERATED_KEYS);
                    out.add(keys(s.getGeneratedKeys()));
                    s.execute(INSERT, Statement.RETURN_GENERATED_KEYS);
                    out.add(keys(s.getGeneratedKeys()));
                }
            }
            return out;
        });
        List<String> ids = db.rows("SELECT id FROM " + db.shadow + ".orders WHERE tip_run = 'run-a' ORDER BY id");
        assertThat(ids).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(seen.get(i)).doesNotContain("tip_run").contains("id=" + ids.get(i));
            assertThat(String.join(",", seen.get(i))).doesNotContain("run-a");
        }
        assertThat(prod()).containsExactly("prod-1|10");
    }

    /** The two statement shapes that read REFERENCE rows inside a test write. */
    static final List<String> READS_OF_REFERENCE_ROWS = List.of(
            "INSERT INTO order_items (order_id, sku, qty) SELECT o.id, c.code, o.amount FROM orders o"
                    + " JOIN countries c ON c.name = o.customer",
            "UPDATE orders SET amount = amount + 1 WHERE customer IN (SELECT name FROM countries)");

    @Test
    void anOpenTestTransactionNeverMakesAProductionWriterWait() throws Exception {
        in(RUN_A, () -> {
            try (Connection c = tip.getConnection(); Statement s = c.createStatement()) {
                return s.executeUpdate("INSERT INTO orders (customer, amount) VALUES ('Germany', 1), ('France', 2)");
            }
        });
        for (String shape : READS_OF_REFERENCE_ROWS) {
            String rewritten = in(RUN_A, () -> {
                try (Connection c = tip.getConnection()) {
                    c.setAutoCommit(false);
                    try (Statement s = c.createStatement()) {
                        assertThat(s.executeUpdate(shape)).as(shape).isEqualTo(2);
                    }
                    long started = System.nanoTime();
                    int written = productionWriter("UPDATE countries SET name = name WHERE code IN ('de', 'fr')", 5);
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    assertThat(written).as("production writer beside an open test transaction of " + shape)
                            .isEqualTo(2);
                    assertThat(millis).as("production writer's time beside " + shape).isLessThan(3000);
                    c.rollback();
                    c.setAutoCommit(true);
                    return c.nativeSQL(shape);
                }
            });
            if (db.dialect() == Dialect.MARIADB) {
                // The control: the same rewritten statement at MariaDB's default REPEATABLE READ does lock them.
                try (Connection raw = db.raw.getConnection()) {
                    raw.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                    raw.setAutoCommit(false);
                    try (Statement s = raw.createStatement()) {
                        s.executeUpdate(rewritten);
                        assertThatThrownBy(() -> productionWriter("UPDATE countries SET name = name WHERE code = 'de'",
                                1)).as("control at REPEATABLE READ: " + shape).isInstanceOf(SQLException.class);
                    } finally {
                        raw.rollback();
                        raw.setAutoCommit(true);
                    }
                }
            }
        }
        assertThat(db.rows("SELECT name FROM countries ORDER BY code")).containsExactly("Germany", "France");
        assertThat(db.count("SELECT * FROM order_items")).isZero();
        assertThat(prod()).containsExactly("prod-1|10");
    }

    /** Runs a production write on a raw connection that waits at most {@code seconds} for a row lock. */
    private int productionWriter(String sql, int seconds) throws SQLException {
        try (Connection c = db.raw.getConnection(); Statement s = c.createStatement()) {
            switch (db.dialect()) {
                case MARIADB -> s.execute("SET SESSION innodb_lock_wait_timeout = " + seconds);
                case POSTGRESQL -> s.execute("SET lock_timeout = '" + seconds + "s'");
                default -> s.execute("SET LOCK_TIMEOUT " + seconds * 1000);
            }
            try {
                return s.executeUpdate(sql);
            } finally {
                switch (db.dialect()) {
                    case MARIADB -> s.execute("SET SESSION innodb_lock_wait_timeout = DEFAULT");
                    case POSTGRESQL -> s.execute("RESET lock_timeout");
                    default -> s.execute("SET LOCK_TIMEOUT 1000");
                }
            }
        }
    }

    /** The keys' columns as name=value, lower case, for the first row. */
    private static List<String> keys(ResultSet keys) throws SQLException {
        List<String> out = new ArrayList<>();
        try (keys) {
            assertThat(keys.next()).isTrue();
            ResultSetMetaData md = keys.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                String name = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
                out.add(name.equals("insert_id") || name.equals("generated_key") ? "id=" + keys.getString(i)
                        : name + "=" + keys.getString(i));
            }
            if (out.stream().noneMatch(k -> k.startsWith("id="))) {
                out.add("id=" + keys.getString(1));
            }
        }
        return out;
    }
}
