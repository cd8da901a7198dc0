package io.tipdata.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Migrations of production never stop it: a data source built before its tables exist, or whose isolated table
 * gains a column while it runs, keeps production working, refuses test traffic on the tables concerned with the
 * fix, and lets it through again once the twins are updated, without being built again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MigrationContract {

    static final TestRun RUN = TestRun.of("mig-1", Duration.ofMinutes(30));

    /** The production database, its own for this class, as its non-superuser owner. */
    abstract DataSource dataSource() throws SQLException;

    /** The test identity ({@link TestLogins}): the shadow schema grants it, test connections use it. */
    abstract DataSource testIdentity() throws SQLException;

    /** The shadow schema to set, or {@code null} to use the default. */
    abstract String explicitShadow();

    /** The shadow schema the twins are in. */
    abstract String shadow();

    /** A text column type. */
    abstract String textType();

    /** The statement that changes a column's type. */
    abstract String alterType(String table, String column, String type);

    /** Spells an unquoted name as the database folds it. */
    String spell(String name) {
        return name;
    }

    @BeforeEach
    void dropEverything() throws SQLException {
        exec("DROP TABLE IF EXISTS mig_orders");
        exec("DROP TABLE IF EXISTS mig_countries");
        exec("CREATE SCHEMA IF NOT EXISTS " + shadow());
        exec("DROP TABLE IF EXISTS " + shadow() + ".mig_orders");
    }

    private void createTables() throws SQLException {
        exec("CREATE TABLE mig_orders (id INT NOT NULL PRIMARY KEY, customer VARCHAR(50) NOT NULL, amount INT NOT NULL,"
                + " legacy VARCHAR(10))");
        exec("CREATE TABLE mig_countries (code VARCHAR(2) PRIMARY KEY)");
        exec("INSERT INTO mig_countries (code) VALUES ('de')");
    }

    private ShadowSchema shadowSchema() throws SQLException {
        ShadowSchema.Builder b = ShadowSchema.builder(dataSource()).policies(policies()).testIdentity(testIdentity());
        return explicitShadow() == null ? b.build() : b.shadowSchema(explicitShadow()).build();
    }

    private static TablePolicies policies() {
        return TablePolicies.builder().table(TablePolicy.ISOLATED, "mig_orders")
                .table(TablePolicy.REFERENCE, "mig_countries").build();
    }

    private TipDataSource tip(Duration recheck, StatementListener listener) throws SQLException {
        TipDataSource.Builder b = TipDataSource.wrap(dataSource()).testConnections(testIdentity()).policies(policies())
                .recheckInterval(recheck).listener(listener);
        return (explicitShadow() == null ? b : b.shadowSchema(explicitShadow())).build();
    }

    @Test
    void builtBeforeTheTablesExistItLetsTestTrafficThroughOnceTheyAndTheirTwinsDo() throws Exception {
        List<SchemaProblem> told = new CopyOnWriteArrayList<>();
        TipDataSource tip = tip(Duration.ofHours(1), new StatementListener() {
            @Override
            public void onSchemaProblem(SchemaProblem problem) {
                told.add(problem);
            }
        });
        assertThat(tip.problems()).extracting(SchemaProblem::table).contains("mig_orders", "mig_countries");
        assertThat(told).extracting(SchemaProblem::table).contains("mig_orders", "mig_countries");

        try (Connection c = tip.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE mig_orders (id INT NOT NULL PRIMARY KEY, customer VARCHAR(50) NOT NULL,"
                    + " amount INT NOT NULL, legacy VARCHAR(10))");
            s.execute("CREATE TABLE mig_countries (code VARCHAR(2) PRIMARY KEY)");
            s.execute("INSERT INTO mig_countries (code) VALUES ('de')");
        }
        shadowSchema().create();

        try (Connection c = tip.getConnection(); Statement s = c.createStatement()) {
            in(tip, t -> t.executeUpdate("INSERT INTO mig_orders (id, customer, amount) VALUES (1, 'test', 5)"));
            assertThat(MigrationContract.<List<String>>in(tip, t -> columns(t, "SELECT * FROM mig_orders"))).containsExactly(spell("id"),
                    spell("customer"), spell("amount"), spell("legacy"));
            assertThat(MigrationContract.<List<String>>in(tip, t -> rows(t, "SELECT code FROM mig_countries"))).containsExactly("de");
        }
        assertThat(tip.problems()).filteredOn(SchemaProblem::isError).isEmpty();
        assertThat(rows("SELECT customer FROM " + shadow() + ".mig_orders WHERE tip_run = 'mig-1'"))
                .containsExactly("test");
        assertThat(rows("SELECT customer FROM mig_orders")).isEmpty();
    }

    @Test
    void aColumnAddedWhileItRunsRefusesTestTrafficOnTheTableUntilTheUpdate() throws Exception {
        createTables();
        shadowSchema().create();
        TipDataSource tip = tip(Duration.ZERO, new StatementListener() { });
        assertThat(tip.problems()).filteredOn(SchemaProblem::isError).isEmpty();

        exec("ALTER TABLE mig_orders ADD COLUMN note " + textType());
        try (Connection c = tip.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO mig_orders (id, customer, amount, note) VALUES (1, 'prod', 1, 'kept')");
            assertThatThrownBy(() -> in(tip, t -> rows(t, "SELECT customer FROM mig_orders")))
                    .isInstanceOf(RefusedStatementException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("TD001"))
                    .hasMessageContaining("table mig_orders is refused")
                    .hasMessageContaining("column is missing in the twin")
                    .hasMessageContaining("ADD COLUMN").hasMessageContaining("ShadowSchema.update()");
            assertThat(MigrationContract.<List<String>>in(tip, t -> rows(t, "SELECT code FROM mig_countries"))).containsExactly("de");
            assertThat(rows(s, "SELECT note FROM mig_orders")).containsExactly("kept");

            ShadowUpdate update = shadowSchema().update();
            assertThat(update.isComplete()).isTrue();
            assertThat(update.applied()).singleElement().satisfies(sql -> assertThat(sql)
                    .contains("ADD COLUMN").containsIgnoringCase("note"));

            in(tip, t -> t.executeUpdate("INSERT INTO mig_orders (id, customer, amount, note) VALUES (1, 't', 2, 'n')"));
            assertThat(MigrationContract.<List<String>>in(tip, t -> columns(t, "SELECT * FROM mig_orders"))).containsExactly(spell("id"),
                    spell("customer"), spell("amount"), spell("legacy"), spell("note"));
        }
        assertThat(rows("SELECT note FROM " + shadow() + ".mig_orders WHERE tip_run = 'mig-1'")).containsExactly("n");
        assertThat(rows("SELECT note FROM mig_orders")).containsExactly("kept");
    }

    @Test
    void updateFollowsEveryKindOfChangeAndLeavesProductionAlone() throws Exception {
        createTables();
        ShadowSchema shadow = shadowSchema();
        shadow.create();
        exec(alterType("mig_orders", "customer", "VARCHAR(80)"));
        exec("ALTER TABLE mig_orders ALTER COLUMN amount SET DEFAULT 7");
        exec("ALTER TABLE mig_orders DROP COLUMN legacy");
        exec("CREATE INDEX mig_orders_customer ON mig_orders (customer)");
        exec("ALTER TABLE mig_orders ADD CONSTRAINT mig_amount_positive CHECK (amount >= 0)");
        exec("ALTER TABLE mig_orders ADD CONSTRAINT mig_orders_cust_amount UNIQUE (customer, amount)");
        List<String> production = rows("SELECT COUNT(*) FROM mig_orders");
        assertThat(TestLogins.check(shadow)).filteredOn(SchemaProblem::isError).isNotEmpty();

        ShadowUpdate update = shadow.update();

        assertThat(update.refused()).isEmpty();
        assertThat(update.applied()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(TestLogins.check(shadow)).isEmpty();
        assertThat(shadow.update().applied()).as("a second update has nothing to do").isEmpty();
        assertThat(rows("SELECT COUNT(*) FROM mig_orders")).isEqualTo(production);
        String twin = shadow() + ".mig_orders";
        exec("INSERT INTO " + twin + " (id, customer, tip_run) VALUES (1, '" + "x".repeat(70) + "', 'a')");
        exec("INSERT INTO " + twin + " (id, customer, tip_run) VALUES (1, '" + "x".repeat(70) + "', 'b')");
        assertThat(rows("SELECT amount FROM " + twin + " WHERE tip_run = 'a'")).containsExactly("7");
        assertThatThrownBy(() -> exec("INSERT INTO " + twin + " (id, customer, amount, tip_run) VALUES (2, 'y', -1, 'a')"))
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> exec("INSERT INTO " + twin + " (id, customer, amount, tip_run) VALUES (3, '"
                + "x".repeat(70) + "', 7, 'a')")).as("the unique key holds within a run").isInstanceOf(SQLException.class);
    }

    @Test
    void updateRefusesWithTheReasonWhatTheTwinsRowsCannotTake() throws Exception {
        createTables();
        ShadowSchema shadow = shadowSchema();
        shadow.create();
        exec("INSERT INTO " + shadow() + ".mig_orders (id, customer, amount, tip_run) VALUES (1, 'not a number', 1, 'a')");
        exec("ALTER TABLE mig_orders ADD COLUMN note " + textType());
        exec(alterType("mig_orders", "customer", "INT"));

        ShadowUpdate update = shadow.update();

        assertThat(update.isComplete()).isFalse();
        assertThat(update.refused()).singleElement().satisfies(p -> {
            assertThat(p.table()).isEqualTo(spell("mig_orders"));
            assertThat(p.problem()).contains("could not take the change").containsIgnoringCase("customer");
        });
        assertThat(update.applied()).anySatisfy(sql -> assertThat(sql).contains("ADD COLUMN"));
    }

    /** Work on a statement of a connection borrowed in the run (connections are pinned to their context). */
    private interface StatementWork<T> {
        T apply(Statement statement) throws Exception;
    }

    private static <T> T in(TipDataSource tip, StatementWork<T> work) throws Exception {
        return TipContext.call(RUN, () -> {
            try (Connection c = tip.getConnection(); Statement t = c.createStatement()) {
                return work.apply(t);
            }
        });
    }

    private void exec(String sql) throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private List<String> rows(String sql) throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            return rows(s, sql);
        }
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static List<String> columns(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                out.add(md.getColumnLabel(i));
            }
        }
        return out;
    }
}
