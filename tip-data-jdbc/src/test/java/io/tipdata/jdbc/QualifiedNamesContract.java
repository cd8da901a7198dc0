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
 * Names qualified with the production schema, as Hibernate's {@code default_schema} and jOOQ's generated code write
 * them (quoted or not, columns qualified with the full table name, and on PostgreSQL and H2 with the catalog too):
 * they name the declared table, so test rows land in the twin and production stays as it was, read on the database
 * directly. A table of the same name in another schema is not the declared one and is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QualifiedNamesContract {

    static final TestRun RUN_A = TipDataSourceContract.run("run-a");

    TestDatabase db;
    TipDataSource tip;

    abstract TestDatabase newDatabase();

    /** The production schema written unquoted, as an application writes it. */
    abstract String schema();

    /** The production schema quoted as the dialect quotes it (exactly as stored). */
    abstract String quotedSchema();

    /** A table name quoted as stored. */
    abstract String quoted(String table);

    /** The production catalog as a qualifier, or {@code null} where the database has no catalog level (MariaDB). */
    abstract String catalog();

    /** Creates, as an administrator, another schema holding a table {@code orders} with one row; returns its name. */
    abstract String createOtherSchema() throws SQLException;

    abstract void dropOtherSchema() throws SQLException;

    @BeforeAll
    void openDatabase() throws SQLException {
        db = newDatabase();
        db.open();
        db.createTables();
        createOtherSchema();
        tip = TipDataSource.wrap(db.raw).testConnections(db.testPool).policies(db.policies()).shadowSchema(db.shadow)
                .killSwitch(KillSwitch.create()).build();
    }

    @AfterAll
    void closeDatabase() throws SQLException {
        try {
            dropOtherSchema();
        } finally {
            db.close();
        }
    }

    @BeforeEach
    void seed() throws SQLException {
        db.reset();
        db.exec("INSERT INTO orders (id, customer, amount) VALUES (1, 'prod-1', 10)");
        db.exec("INSERT INTO " + db.shadow + ".orders (id, customer, amount, tip_run) VALUES (2, 'a-2', 20, 'run-a'),"
                + " (3, 'b-3', 30, 'run-b')");
    }

    @Test
    void insertQualifiedWithTheProductionSchemaLandsInTheTwin() throws Exception {
        update("INSERT INTO " + schema() + ".orders (id, customer, amount) VALUES (11, 'a-11', 1)");
        update("INSERT INTO " + quotedSchema() + "." + quoted("orders") + " (" + quoted("id") + ", " + quoted("customer")
                + ", " + quoted("amount") + ") VALUES (12, 'a-12', 2)");
        assertThat(db.rows("SELECT id, customer, tip_run FROM " + db.shadow + ".orders WHERE id > 10 ORDER BY id"))
                .containsExactly("11|a-11|run-a", "12|a-12|run-a");
        assertThat(db.rows("SELECT id FROM orders")).containsExactly("1");
    }

    @Test
    void readsQualifiedWithTheProductionSchemaSeeOnlyTheRun() throws Exception {
        String t = quotedSchema() + "." + quoted("orders");
        assertThat(query("SELECT " + t + "." + quoted("customer") + " FROM " + t + " ORDER BY 1")).containsExactly("a-2");
        assertThat(query("SELECT o.customer FROM " + schema() + ".orders o JOIN " + schema() + ".countries c"
                + " ON c.code = 'de' ORDER BY 1")).containsExactly("a-2");
        assertThat(query("SELECT name FROM " + schema() + ".countries WHERE code = 'fr'")).containsExactly("France");
        assertThat(query("SELECT " + schema() + ".orders.customer FROM " + schema() + ".orders"
                + " WHERE " + schema() + ".orders.amount > 0")).containsExactly("a-2");
    }

    @Test
    void aQualifiedNameNeverNamesACommonTableExpression() throws Exception {
        assertThat(query("WITH orders AS (SELECT 'from-cte' AS customer) SELECT customer FROM " + schema() + ".orders"))
                .containsExactly("a-2");
    }

    @Test
    void updatesAndDeletesQualifiedAsJooqWritesThemTouchOnlyTheRun() throws Exception {
        String t = quotedSchema() + "." + quoted("orders");
        assertThat(update("UPDATE " + t + " SET " + quoted("amount") + " = 99 WHERE " + t + "." + quoted("id") + " > 0"))
                .isEqualTo(1);
        assertThat(db.rows("SELECT id, amount FROM " + db.shadow + ".orders ORDER BY id"))
                .containsExactly("2|99", "3|30");
        assertThat(update("DELETE FROM " + schema() + ".orders WHERE amount = 99")).isEqualTo(1);
        assertThat(db.rows("SELECT id FROM " + db.shadow + ".orders ORDER BY id")).containsExactly("3");
        assertThat(db.rows("SELECT id, amount FROM orders")).containsExactly("1|10");
    }

    @Test
    void catalogQualifiedNamesNameTheDeclaredTable() throws Exception {
        if (catalog() == null) {
            assertRefused("SELECT customer FROM " + db.spell("def") + "." + schema() + ".orders");
            return;
        }
        assertThat(query("SELECT customer FROM " + catalog() + "." + schema() + ".orders")).containsExactly("a-2");
        update("INSERT INTO " + catalog() + "." + schema() + ".orders (id, customer, amount) VALUES (13, 'a-13', 3)");
        assertThat(db.rows("SELECT tip_run FROM " + db.shadow + ".orders WHERE id = 13")).containsExactly("run-a");
        assertRefused("SELECT customer FROM tipc_no_such_catalog." + schema() + ".orders");
        assertThat(db.rows("SELECT id FROM orders")).containsExactly("1");
    }

    @Test
    void aTableOfTheSameNameInAnotherSchemaIsRefused() throws Exception {
        String other = otherSchemaName();
        String before = db.snapshot();
        assertRefused("SELECT customer FROM " + other + ".orders");
        assertRefused("INSERT INTO " + other + ".orders (id, customer, amount) VALUES (7, 'x', 1)");
        assertRefused("DELETE FROM " + other + ".orders");
        assertRefused("SELECT o.customer FROM " + schema() + ".orders o JOIN " + other + ".orders p ON p.id = o.id");
        assertRefused("SELECT customer FROM " + db.shadow + ".orders");
        assertRefused("SELECT note FROM " + schema() + ".audit");
        assertRefused("UPDATE " + schema() + ".countries SET name = 'x'");
        assertThat(db.snapshot()).isEqualTo(before);
        assertThat(otherRows()).containsExactly("other");
    }

    /** The other schema's name as written in statements. */
    abstract String otherSchemaName();

    /** The rows of the other schema's orders, read as an administrator. */
    abstract List<String> otherRows() throws SQLException;

    void assertRefused(String sql) {
        assertThatThrownBy(() -> update(sql)).as(sql).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo(RefusedStatementException.REFUSED));
    }

    int update(String sql) throws Exception {
        return TipContext.call(RUN_A, () -> {
            try (Connection c = tip.getConnection(); Statement s = c.createStatement()) {
                return s.executeUpdate(sql);
            }
        });
    }

    List<String> query(String sql) throws Exception {
        return TipContext.call(RUN_A, () -> {
            List<String> out = new ArrayList<>();
            try (Connection c = tip.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }
}
