package io.tipdata.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class PostgresShadowSchemaTest extends ShadowSchemaContract {

    private static TestLogins logins;

    @BeforeAll
    static void createLogins() throws SQLException {
        logins = TestLogins.postgres("tdss_pg_prod", "tdss_pg_shadow");
    }

    @AfterAll
    static void dropLogins() throws SQLException {
        logins.close();
    }

    @Override
    TestLogins logins() {
        return logins;
    }

    @Override
    String shadow() {
        return "tdss_pg_shadow";
    }

    @Override
    String identityColumn() {
        return "id BIGSERIAL";
    }

    @Override
    String alterType(String table, String column, String type) {
        return "ALTER TABLE " + table + " ALTER COLUMN " + column + " TYPE " + type;
    }

    @Override
    String setNotNull(String table, String column, String type) {
        return "ALTER TABLE " + table + " ALTER COLUMN " + column + " SET NOT NULL";
    }

    @Override
    String dropRunIndexOfOrders() {
        // tip_run leads the twin's keys, which are its tip_run index: moved last, no index leads with it
        return "ALTER TABLE " + shadow() + ".orders DROP CONSTRAINT orders_pkey, DROP CONSTRAINT orders_tip_run_code_key,"
                + " ADD PRIMARY KEY (id, tip_run), ADD UNIQUE (code, tip_run)";
    }

    @Override
    String dropTwinIndex(String table, String index) {
        return "DROP INDEX " + shadow() + ".\"" + index + "\"";
    }

    @Override
    String dropSchema(String name) {
        return "DROP SCHEMA IF EXISTS " + name + " CASCADE";
    }

    @Test
    void identityColumnGeneratesValuesInTheTwinAndSerialSharesTheProductionSequence() throws SQLException {
        exec("CREATE TABLE audit_a (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v VARCHAR(5))");
        TablePolicies p = TablePolicies.builder().table(TablePolicy.ISOLATED, "audit_a", "orders").build();
        shadowSchema(p).create();

        exec("INSERT INTO " + shadow() + ".audit_a (v, tip_run) VALUES ('a', 'run-a'), ('b', 'run-a')",
                "INSERT INTO " + shadow() + ".orders (code, tip_run) VALUES ('t', 'run-a')",
                "INSERT INTO orders (code) VALUES ('prod-2')");

        assertThat(count("SELECT COUNT(DISTINCT id) FROM " + shadow() + ".audit_a")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM orders o JOIN " + shadow() + ".orders t ON o.id = t.id")).isZero();
        assertThat(TestLogins.check(shadowSchema(p))).isEmpty();
    }

    /** A production table with a partial unique index on a quoted column and an expression unique index. */
    private TablePolicies users() throws SQLException {
        exec("CREATE TABLE users (id INT PRIMARY KEY, \"Email\" VARCHAR(50), login VARCHAR(20), hits INT,"
                        + " deleted_at TIMESTAMP)",
                "CREATE UNIQUE INDEX \"users Email live\" ON users (\"Email\") WHERE deleted_at IS NULL",
                "CREATE UNIQUE INDEX users_login_lower ON users (lower(login))",
                "CREATE INDEX users_login_hash ON users USING hash (login)");
        return TablePolicies.builder().table(TablePolicy.ISOLATED, "users").build();
    }

    @Test
    void partialAndExpressionUniqueIndexesAreReproducedWithTipRun() throws SQLException {
        TablePolicies p = users();
        shadowSchema(p).create();

        assertThat(indexDefinitions(shadow(), "users")).contains(
                "CREATE UNIQUE INDEX \"users Email live\" ON " + shadow()
                        + ".users USING btree (\"Email\", tip_run) WHERE (deleted_at IS NULL)",
                "CREATE UNIQUE INDEX users_login_lower ON " + shadow()
                        + ".users USING btree (lower((login)::text), tip_run)",
                "CREATE INDEX users_login_hash ON " + shadow() + ".users USING hash (login)");
        String insert = "INSERT INTO " + shadow() + ".users (id, \"Email\", login, deleted_at, tip_run) VALUES ";
        exec(insert + "(1, 'a@x', 'Bob', NULL, 'run-a')", insert + "(1, 'a@x', 'Bob', NULL, 'run-b')",
                insert + "(2, 'a@x', 'b1', now(), 'run-a')", insert + "(3, 'a@x', 'b2', now(), 'run-a')");
        assertThatThrownBy(() -> exec(insert + "(4, 'a@x', 'b3', NULL, 'run-a')")).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"));
        assertThatThrownBy(() -> exec(insert + "(5, 'c@x', 'BOB', NULL, 'run-a')")).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"));
        exec(insert + "(5, 'c@x', 'x', NULL, 'run-a') ON CONFLICT (\"Email\", tip_run) WHERE deleted_at IS NULL"
                + " DO UPDATE SET hits = 1", insert + "(6, 'a@x', 'y', NULL, 'run-a') ON CONFLICT (\"Email\", tip_run)"
                + " WHERE deleted_at IS NULL DO UPDATE SET hits = 2");
        assertThat(count("SELECT COUNT(*) FROM " + shadow() + ".users WHERE tip_run = 'run-a' AND hits = 2")).isOne();
        assertThat(TestLogins.check(shadowSchema(p))).isEmpty();
    }

    @Test
    void upsertOnAPartialUniqueIndexFindsItsArbiterThroughTipDataSource() throws Exception {
        TablePolicies p = users();
        shadowSchema(p).create();
        TipDataSource tip = TipDataSource.wrap(dataSource()).policies(p).shadowSchema(shadow())
                .testConnections(testIdentity()).build();
        Instant now = Instant.now();
        String upsert = "INSERT INTO users (id, \"Email\", hits) VALUES (?, 'a@x', 1) ON CONFLICT (\"Email\")"
                + " WHERE deleted_at IS NULL DO UPDATE SET hits = users.hits + 1";

        for (String run : List.of("run-a", "run-a", "run-b")) {
            TipContext.call(TestRun.of(run, now, now.plus(1, ChronoUnit.HOURS)), () -> {
                try (Connection c = tip.getConnection(); PreparedStatement ps = c.prepareStatement(upsert)) {
                    ps.setInt(1, 1);
                    return ps.executeUpdate();
                }
            });
        }

        assertThat(count("SELECT COUNT(*) FROM users")).isZero();
        assertThat(count("SELECT hits FROM " + shadow() + ".users WHERE tip_run = 'run-a'")).isEqualTo(2);
        assertThat(count("SELECT hits FROM " + shadow() + ".users WHERE tip_run = 'run-b'")).isEqualTo(1);
    }

    @Test
    void missingPartialUniqueIndexInTheTwinIsAnErrorWithAFixThatWorks() throws SQLException {
        TablePolicies p = users();
        ShadowSchema schema = shadowSchema(p);
        schema.create();
        exec("DROP INDEX " + shadow() + ".\"users Email live\"");

        List<SchemaProblem> problems = TestLogins.check(schema);

        assertThat(problems).singleElement().satisfies(pr -> {
            assertThat(pr.severity()).isEqualTo(SchemaProblem.Severity.ERROR);
            assertThat(pr.table()).isEqualTo("users");
            assertThat(pr.problem()).contains("unique index users Email live").contains("(\"Email\", tip_run)")
                    .contains("WHERE (deleted_at IS NULL)");
            assertThat(pr.fix()).isEqualTo("run CREATE UNIQUE INDEX \"users Email live\" ON \"" + shadow()
                    + "\".\"users\" USING btree (\"Email\", tip_run) WHERE (deleted_at IS NULL)");
        });
        assertThat(TipDataSource.wrap(dataSource()).policies(p).shadowSchema(shadow()).build().problems())
                .extracting(SchemaProblem::toString).anySatisfy(t -> assertThat(t).contains("users Email live"));
        exec(problems.get(0).fix().substring("run ".length()));
        assertThat(TestLogins.check(schema)).isEmpty();
    }

    private List<String> indexDefinitions(String schema, String table) throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT indexdef FROM pg_indexes WHERE schemaname = '" + schema
                     + "' AND tablename = '" + table + "' ORDER BY indexname")) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
