package io.tipdata.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Key drift, fixed both ways: for each change production's keys can take (a unique key added, dropped or given
 * other columns, the primary key given other columns, the type of a key column changed), the drift check's
 * suggested fixes are executed as written and, on a fresh twin, {@link ShadowSchema#update()} is run; each time
 * the check is clean afterwards and the twin accepts and refuses the same rows as production. Run as the tables'
 * owner, with the test identity ({@link TestLogins}), on H2, PostgreSQL and MariaDB.
 */
class KeyDriftFixTest {

    private static final String UPDATE_FIX = ", or run ShadowSchema.update()";

    /** One change of production's keys and two rows that tell the old key from the new one. */
    private record Change(String name, List<String> production, String first, String second,
                          boolean secondAccepted) {
    }

    @Test
    void h2() throws Exception {
        try (TestLogins logins = TestLogins.h2("kd_h2_" + System.nanoTime())) {
            assertEveryChangeIsFixed(logins, "kd_h2_shadow");
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
    void postgresql() throws Exception {
        try (TestLogins logins = TestLogins.postgres("kd_pg", "kd_pg_shadow")) {
            assertEveryChangeIsFixed(logins, "kd_pg_shadow");
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
    void mariadb() throws Exception {
        try (TestLogins logins = TestLogins.mariadb("kd_maria", "kd_maria_shadow")) {
            assertEveryChangeIsFixed(logins, "kd_maria_shadow");
        }
    }

    private static List<Change> changes(Dialect d) {
        String dropPrimary = d == Dialect.POSTGRESQL ? "ALTER TABLE kd_orders DROP CONSTRAINT kd_orders_pkey"
                : "ALTER TABLE kd_orders DROP PRIMARY KEY";
        String dropCodeKey = d == Dialect.MARIADB ? "ALTER TABLE kd_orders DROP INDEX kd_code_uk"
                : "ALTER TABLE kd_orders DROP CONSTRAINT kd_code_uk";
        return List.of(
                new Change("unique key added", List.of("ALTER TABLE kd_orders ADD CONSTRAINT kd_note_uk UNIQUE (note)"),
                        "(1, 'a', 'x', 'n')", "(2, 'b', 'x', 'n')", false),
                new Change("unique key dropped", List.of(dropCodeKey),
                        "(1, 'a', 'x', NULL)", "(2, 'a', 'x', NULL)", true),
                new Change("unique key on other columns", List.of(dropCodeKey,
                        "ALTER TABLE kd_orders ADD CONSTRAINT kd_code_uk UNIQUE (code, region)"),
                        "(1, 'a', 'x', NULL)", "(2, 'a', 'y', NULL)", true),
                new Change("primary key on other columns", List.of(dropPrimary,
                        "ALTER TABLE kd_orders ADD PRIMARY KEY (id, region)"),
                        "(1, 'a', 'x', NULL)", "(1, 'b', 'y', NULL)", true),
                new Change("type of a unique key column", List.of(alterType(d, "code", "VARCHAR(40)")),
                        "(1, 'a', 'x', NULL)", "(2, '" + "c".repeat(30) + "', 'x', NULL)", true),
                new Change("type of the primary key column", List.of(alterType(d, "id", "BIGINT")),
                        "(1, 'a', 'x', NULL)", "(3000000000, 'b', 'x', NULL)", true));
    }

    private static String alterType(Dialect d, String column, String type) {
        return switch (d) {
            case POSTGRESQL -> "ALTER TABLE kd_orders ALTER COLUMN " + column + " TYPE " + type;
            case H2 -> "ALTER TABLE kd_orders ALTER COLUMN " + column + " SET DATA TYPE " + type;
            case MARIADB -> "ALTER TABLE kd_orders MODIFY " + column + " " + type + " NOT NULL";
        };
    }

    private static void assertEveryChangeIsFixed(TestLogins logins, String shadow) throws SQLException {
        DataSource ds = logins.production();
        ShadowSchema schema = ShadowSchema.builder(ds).shadowSchema(shadow).testIdentity(logins.testIdentity())
                .policies(TablePolicies.builder().table(TablePolicy.ISOLATED, "kd_orders").build()).build();
        for (Change change : changes(logins.dialect())) {
            // the suggested fixes, executed as written
            fresh(logins, schema, change);
            List<SchemaProblem> problems = TestLogins.check(schema);
            assertThat(problems).as(change.name()).isNotEmpty();
            runFixes(ds, change, problems);
            assertThat(TestLogins.check(schema)).as(change.name() + ": after the suggested fixes").isEmpty();
            assertSameRowsAccepted(ds, shadow, change);

            // the same change followed by update()
            fresh(logins, schema, change);
            ShadowUpdate update = schema.update();
            assertThat(update.refused()).as(change.name() + ": refused by update()").isEmpty();
            assertThat(update.applied()).as(change.name()).isNotEmpty();
            assertThat(TestLogins.check(schema)).as(change.name() + ": after update()").isEmpty();
            assertSameRowsAccepted(ds, shadow, change);
        }
        exec(ds, dropSchema(logins.dialect(), shadow), "DROP TABLE IF EXISTS kd_orders");
    }

    /** A production table and its twin as create() makes them, then production's change. */
    private static void fresh(TestLogins logins, ShadowSchema schema, Change change) throws SQLException {
        DataSource ds = logins.production();
        exec(ds, dropSchema(logins.dialect(), schema.resolvedSchema()), "DROP TABLE IF EXISTS kd_orders",
                "CREATE TABLE kd_orders (id INT NOT NULL, code VARCHAR(20) NOT NULL, region VARCHAR(10) NOT NULL,"
                        + " note VARCHAR(50), PRIMARY KEY (id), CONSTRAINT kd_code_uk UNIQUE (code))");
        schema.create();
        assertThat(TestLogins.check(schema)).as(change.name() + ": before the change").isEmpty();
        exec(ds, change.production().toArray(String[]::new));
    }

    /** Every fix, in the order given; each is one statement after "run ". */
    private static void runFixes(DataSource ds, Change change, List<SchemaProblem> problems) throws SQLException {
        List<String> ran = new ArrayList<>();
        for (SchemaProblem p : problems) {
            assertThat(p.fix()).as(change.name() + ": " + p).startsWith("run ");
            String sql = p.fix().substring("run ".length());
            if (sql.endsWith(UPDATE_FIX)) {
                sql = sql.substring(0, sql.length() - UPDATE_FIX.length());
            }
            try {
                exec(ds, sql);
            } catch (SQLException e) {
                throw new AssertionError(change.name() + ": the fix of '" + p + "' does not run after " + ran + ": "
                        + e.getMessage(), e);
            }
            ran.add(sql);
        }
    }

    /** The two rows of the change, in production and then in one run of the twin: the same outcome each. */
    private static void assertSameRowsAccepted(DataSource ds, String shadow, Change change) throws SQLException {
        String columns = "(id, code, region, note";
        List<Boolean> production = inserts(ds, "INSERT INTO kd_orders " + columns + ") VALUES ", change, "");
        List<Boolean> twin = inserts(ds, "INSERT INTO " + shadow + ".kd_orders " + columns + ", tip_run) VALUES ",
                change, "'run-a'");
        assertThat(production).as(change.name() + ": production").containsExactly(true, change.secondAccepted());
        assertThat(twin).as(change.name() + ": the twin accepts what production accepts").isEqualTo(production);
        exec(ds, "DELETE FROM kd_orders", "DELETE FROM " + shadow + ".kd_orders");
    }

    private static List<Boolean> inserts(DataSource ds, String insert, Change change, String run) {
        List<Boolean> out = new ArrayList<>();
        for (String row : List.of(change.first(), change.second())) {
            String values = run.isEmpty() ? row : row.substring(0, row.length() - 1) + ", " + run + ")";
            try {
                exec(ds, insert + values);
                out.add(true);
            } catch (SQLException e) {
                out.add(false);
            }
        }
        return out;
    }

    private static String dropSchema(Dialect d, String shadow) {
        return d == Dialect.MARIADB ? "DROP DATABASE IF EXISTS " + shadow : "DROP SCHEMA IF EXISTS " + shadow + " CASCADE";
    }

    private static void exec(DataSource ds, String... sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }
}
