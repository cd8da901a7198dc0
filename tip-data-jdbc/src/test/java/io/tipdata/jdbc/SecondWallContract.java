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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The second wall on its own: hostile statements sent as they are (the rewriter out of the path, over a raw
 * connection of the test identity's pool) fail in the database and leave it unchanged; the identity's grants
 * are created idempotently and checked for what is missing and what is in excess; test ids never meet
 * production ids. Subclasses give the database and its own hostile statements.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SecondWallContract {

    static final TestRun RUN_A = TipDataSourceContract.run("run-a");

    TestDatabase db;
    TipDataSource tip;

    abstract TestDatabase newDatabase();

    /** Creates, as the production owner, a user function that writes a row into the production table audit. */
    abstract void createWritingFunction() throws SQLException;

    /** Statements only this database has: server files, role changes, grants, its own DDL. */
    abstract List<String> dialectHostile();

    /** The test identity as GRANT names it (one per account on MariaDB). */
    abstract List<String> grantees();

    /** As an administrator, makes the identity a superuser (admin, or holder of global FILE) and back. */
    abstract String elevate(String grantee);

    abstract String demote(String grantee);

    @BeforeAll
    void openDatabase() throws SQLException {
        db = newDatabase();
        db.open();
        db.createTables();
        createWritingFunction();
        tip = TipDataSource.wrap(db.raw).testConnections(db.testPool).policies(db.policies())
                .shadowSchema(db.shadow).killSwitch(KillSwitch.create()).build();
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    @BeforeEach
    void seed() throws SQLException {
        db.reset();
        db.exec("INSERT INTO orders (customer, amount) VALUES ('prod-1', 10)");
        db.exec("INSERT INTO " + db.shadow + ".orders (customer, amount, tip_run) VALUES ('a-1', 1, 'run-a')");
    }

    List<String> hostile() {
        List<String> all = new ArrayList<>(List.of(
                "INSERT INTO orders (customer, amount) VALUES ('evil', 1)",
                "UPDATE orders SET amount = 0",
                "DELETE FROM orders",
                "UPDATE countries SET name = 'evil'",
                "INSERT INTO countries (code, name) VALUES ('xx', 'evil')",
                "DELETE FROM audit",
                "INSERT INTO audit (id, note) VALUES (9, 'evil')",
                "SELECT note FROM audit",
                "SELECT note FROM secrets",
                "SELECT customer FROM orders",
                "DELETE FROM secrets",
                "SELECT write_audit()",
                "CREATE TABLE evil (id INT)",
                "CREATE TABLE " + db.shadow + ".evil (id INT)",
                "DROP TABLE " + db.shadow + ".orders",
                "ALTER TABLE " + db.shadow + ".orders ADD COLUMN evil INT",
                "CREATE INDEX evil_idx ON " + db.shadow + ".orders (amount)",
                "DROP TABLE countries",
                "ALTER TABLE orders ADD COLUMN evil INT",
                "CREATE VIEW evil_v AS SELECT 1 AS x"));
        all.addAll(dialectHostile());
        return all;
    }

    @Test
    void hostileStatementsSentAsTheyAreFailInTheDatabaseAndChangeNothing() throws SQLException {
        String before = db.snapshot();
        List<String> passed = new ArrayList<>();
        for (String sql : hostile()) {
            try (Connection c = db.testPool.getConnection(); Statement s = c.createStatement()) {
                boolean query = s.execute(sql);
                if (!query || !onlyNulls(s.getResultSet())) {
                    passed.add(sql);
                }
            } catch (SQLException expected) {
                // the second wall held
            }
        }
        assertThat(passed).as("hostile statements the test identity could run").isEmpty();
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void roleResetDoesNotLeadBackToProductionPrivileges() throws SQLException {
        String before = db.snapshot();
        try (Connection c = db.testPool.getConnection(); Statement s = c.createStatement()) {
            for (String reset : roleResets()) {
                try {
                    s.execute(reset);
                } catch (SQLException refused) {
                    // refused is as good as harmless
                }
                assertThatThrownBy(() -> s.executeUpdate("INSERT INTO audit (id, note) VALUES (8, 'after " + reset
                        + "')")).as(reset).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> s.executeQuery("SELECT note FROM secrets")).as(reset)
                        .isInstanceOf(SQLException.class);
            }
        }
        assertThat(db.snapshot()).isEqualTo(before);
    }

    /** Session statements that would restore a role if the identity had one to go back to. */
    abstract List<String> roleResets();

    @Test
    void theIdentityCanDoWhatTestTrafficNeeds() throws Exception {
        try (Connection c = db.testPool.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO " + db.shadow + ".orders (customer, amount, tip_run) VALUES ('a-2', 2, 'run-a')");
            s.executeUpdate("UPDATE " + db.shadow + ".orders SET amount = 3 WHERE customer = 'a-2'");
            s.executeUpdate("DELETE FROM " + db.shadow + ".orders WHERE customer = 'a-1'");
            try (ResultSet rs = s.executeQuery("SELECT name FROM countries WHERE code = 'de'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Germany");
            }
        }
        assertThat(db.rows("SELECT customer, amount FROM " + db.shadow + ".orders")).containsExactly("a-2|3");
    }

    @Test
    void testContextBorrowsFromTheTestIdentityAndProductionFromTheProductionLogin() throws Exception {
        String production;
        try (Connection c = tip.getConnection()) {
            production = c.getMetaData().getUserName();
        }
        String test = TipContext.call(RUN_A, () -> {
            try (Connection c = tip.getConnection()) {
                return c.getMetaData().getUserName();
            }
        });
        try (Connection raw = db.testPool.getConnection()) {
            assertThat(test).isEqualTo(raw.getMetaData().getUserName()).isNotEqualTo(production);
        }
        TipContext.call(RUN_A, () -> {
            try (Connection c = tip.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO orders (customer, amount) VALUES ('a-3', 4)");
                try (ResultSet rs = s.executeQuery("SELECT name FROM countries WHERE code = 'fr'")) {
                    assertThat(rs.next()).isTrue();
                }
            }
            return null;
        });
        assertThat(db.rows("SELECT customer FROM " + db.shadow + ".orders WHERE tip_run = 'run-a' ORDER BY 1"))
                .containsExactly("a-1", "a-3");
    }

    @Test
    void productionAndTestIdsInterleavedNeverMeet() throws Exception {
        for (int i = 0; i < 6; i++) {
            int n = i;
            try (Connection c = tip.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO orders (customer, amount) VALUES ('p-" + n + "', " + n + ")");
            }
            TipContext.call(RUN_A, () -> {
                try (Connection c = tip.getConnection(); Statement s = c.createStatement()) {
                    return s.executeUpdate("INSERT INTO orders (customer, amount) VALUES ('t-" + n + "', " + n + ")");
                }
            });
        }
        Set<String> production = new HashSet<>(db.rows("SELECT id FROM orders"));
        List<String> test = db.rows("SELECT id FROM " + db.shadow + ".orders WHERE customer LIKE 't-%'");
        assertThat(production).hasSize(7);
        assertThat(test).hasSize(6).doesNotHaveDuplicates().noneMatch(production::contains);
        long maxProduction = production.stream().mapToLong(Long::parseLong).max().orElseThrow();
        assertThat(test).allMatch(id -> Long.parseLong(id) > maxProduction || sharesSequence());
    }

    /** Whether twins draw from the production sequence (PostgreSQL) rather than from a range of their own. */
    boolean sharesSequence() {
        return false;
    }

    @Test
    void grantsAreIdempotentAndTheCheckIsClean() throws SQLException {
        db.shadowSchema().create();
        db.shadowSchema().create();
        assertThat(errors()).isEmpty();
    }

    @Test
    void checkReportsMissingGrants() throws SQLException {
        for (String g : grantees()) {
            db.exec("REVOKE SELECT ON countries FROM " + g);
            db.exec("REVOKE UPDATE ON " + db.shadow + ".orders FROM " + g);
        }
        try {
            assertThat(errors()).anySatisfy(p -> assertThat(p).containsIgnoringCase("countries").contains("lacks SELECT"))
                    .anySatisfy(p -> assertThat(p).containsIgnoringCase("orders").contains("lacks UPDATE"));
        } finally {
            db.shadowSchema().create();
        }
        assertThat(errors()).isEmpty();
    }

    @Test
    void checkReportsExcessGrants() throws SQLException {
        for (String g : grantees()) {
            db.exec("GRANT INSERT ON orders TO " + g);
            db.exec("GRANT SELECT ON audit TO " + g);
            db.exec("GRANT DELETE ON countries TO " + g);
        }
        try {
            assertThat(errors()).anySatisfy(p -> assertThat(p).containsIgnoringCase("orders").contains("has INSERT"))
                    .anySatisfy(p -> assertThat(p).containsIgnoringCase("audit").contains("has SELECT"))
                    .anySatisfy(p -> assertThat(p).containsIgnoringCase("countries").contains("has DELETE"));
        } finally {
            for (String g : grantees()) {
                db.exec("REVOKE INSERT ON orders FROM " + g);
                db.exec("REVOKE SELECT ON audit FROM " + g);
                db.exec("REVOKE DELETE ON countries FROM " + g);
            }
        }
        assertThat(errors()).isEmpty();
    }

    @Test
    void checkReportsAnIdentityThatCouldGetPrivilegesBack() throws SQLException {
        try (Connection admin = db.admin(); Statement s = admin.createStatement()) {
            for (String g : grantees()) {
                s.execute(elevate(g));
            }
            try {
                assertThat(errors()).isNotEmpty().allSatisfy(p -> assertThat(p).contains("test identity"));
            } finally {
                for (String g : grantees()) {
                    s.execute(demote(g));
                }
            }
        }
        assertThat(errors()).isEmpty();
    }

    @Test
    void buildRefusesATestPoolThatIsTheProductionPool() {
        assertThatThrownBy(() -> TipDataSource.wrap(db.raw).testConnections(db.raw).policies(db.policies())
                .shadowSchema(db.shadow).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("testConnections is the production data source");
    }

    List<String> errors() throws SQLException {
        return db.shadowSchema().check().stream().filter(SchemaProblem::isError).map(SchemaProblem::toString)
                .toList();
    }

    private static boolean onlyNulls(ResultSet rs) throws SQLException {
        try (rs) {
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    if (rs.getObject(i) != null) {
                        return false;
                    }
                }
            }
            return true;
        }
    }
}
