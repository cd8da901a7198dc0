package io.tipdata.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tipdata.core.KillSwitch;
import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Statements that test context must refuse, each checked to leave every table (production and twins) and
 * the list of tables exactly as they were, read directly from the database.
 */
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
abstract class HostileStatementsContract {

    static final TestRun RUN_A = TipDataSourceContract.run("run-a");
    static final TestRun RUN_B = TipDataSourceContract.run("run-b");

    TestDatabase db;
    TipDataSource tip;

    abstract TestDatabase newDatabase();

    /** Hostile statements only this database understands. */
    List<String> dialectSpecific() {
        return List.of();
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
    void seed() throws Exception {
        db.reset();
        try (Connection c = tip.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO orders (customer, amount) VALUES ('prod-1', 10)");
            s.executeUpdate("INSERT INTO order_items (order_id, sku, qty) VALUES (1, 'p', 1)");
        }
        for (TestRun run : List.of(RUN_A, RUN_B)) {
            try (Connection c = tip.connectionFor(run); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO orders (customer, amount) VALUES ('" + run.runId() + "', 1)");
            }
        }
    }

    List<String> hostile() {
        List<String> sql = new ArrayList<>(List.of(
                "DROP TABLE orders",
                "CREATE TABLE orders_copy (id INT)",
                "ALTER TABLE orders ADD COLUMN extra INT",
                "TRUNCATE TABLE orders",
                "INSERT INTO orders (customer, amount) VALUES ('x', 1); DELETE FROM orders",
                "SELECT customer FROM orders; DELETE FROM orders",
                "DELETE FROM orders;DROP TABLE audit",
                "CALL some_procedure()",
                "SELECT note FROM secrets",
                "SELECT o.customer FROM orders o JOIN secrets s ON s.id = o.id",
                "SELECT customer FROM orders WHERE amount IN (SELECT id FROM audit)",
                "SELECT customer FROM orders UNION SELECT note FROM secrets",
                "UPDATE orders SET amount = (SELECT COUNT(*) FROM audit)",
                "INSERT INTO orders (customer, amount) SELECT note, id FROM secrets",
                "DELETE FROM audit",
                "INSERT INTO countries (code, name) VALUES ('it', 'Italy')",
                "UPDATE countries SET name = 'x'",
                "DELETE FROM countries",
                "INSERT INTO order_items (order_id, sku, qty) SELECT 1, code, 1 FROM countries WHERE 0 = "
                        + "(SELECT COUNT(*) FROM secrets)",
                // qualified with the production schema, a name reads the declared table: DENIED, REFERENCE
                "SELECT note FROM " + db.productionSchema() + ".audit",
                "DELETE FROM " + db.productionSchema() + ".audit",
                "UPDATE " + db.productionSchema() + ".countries SET name = 'x'",
                "SELECT note FROM " + db.productionSchema() + ".secrets",
                "SELECT customer FROM tipc_another_schema.orders",
                "DELETE FROM tipc_another_schema.orders",
                "SELECT customer FROM " + db.shadow + ".orders",
                "DELETE FROM " + db.shadow + ".orders",
                "DELETE FROM " + db.quote("countries"),
                "UPDATE " + db.quote("countries") + " SET name = 'x'",
                "SELECT note FROM " + db.quote("audit"),
                "SELECT note FROM " + db.quote("secrets"),
                "INSERT INTO orders (customer, amount, tip_run) VALUES ('forged', 1, 'run-b')",
                "UPDATE orders SET tip_run = 'run-b'",
                "this is not sql at all",
                "SELECT customer FROM orders WHERE",
                "GRANT SELECT ON orders TO PUBLIC",
                "SET SCHEMA " + db.shadow));
        sql.addAll(dialectSpecific());
        return sql;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void refusedThroughStatementAndNothingChanges(String sql) throws Exception {
        String before = db.snapshot();
        TipContext.call(RUN_A, () -> {
            try (Connection c = tip.getConnection(); Statement s = c.createStatement()) {
                assertThat(catchThrowable(() -> s.execute(sql))).as(sql)
                        .isInstanceOf(RefusedStatementException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(RefusedStatementException.REFUSED))
                        .satisfies(e -> assertThat(e.getMessage()).isNotBlank());
                assertThat(catchThrowable(() -> {
                    s.addBatch("INSERT INTO orders (customer, amount) VALUES ('batched', 1)");
                    s.addBatch(sql);
                })).as("batch with " + sql).isInstanceOf(RefusedStatementException.class);
                assertThat(s.executeBatch()).as("batch left after the refusal of " + sql).isEmpty();
            }
            return null;
        });
        assertThat(db.snapshot()).as("database after " + sql).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void refusedThroughPreparedStatementAndNothingChanges(String sql) throws Exception {
        String before = db.snapshot();
        TipContext.call(RUN_A, () -> {
            try (Connection c = tip.getConnection()) {
                assertThat(catchThrowable(() -> c.prepareStatement(sql).execute())).as(sql)
                        .isInstanceOf(RefusedStatementException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(RefusedStatementException.REFUSED));
            }
            return null;
        });
        assertThat(db.snapshot()).as("database after " + sql).isEqualTo(before);
    }
}
