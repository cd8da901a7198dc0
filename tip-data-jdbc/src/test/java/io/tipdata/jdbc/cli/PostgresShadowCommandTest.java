package io.tipdata.jdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipdata.jdbc.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class PostgresShadowCommandTest {

    private static final String BASE = TestServers.PG_URL;
    private static final String URL = BASE + (BASE.contains("?") ? "&" : "?") + "currentSchema=tdsc_pg_prod";

    @AfterEach
    void drop() throws SQLException {
        sql(BASE, "DROP SCHEMA IF EXISTS tdsc_pg_shadow CASCADE", "DROP SCHEMA IF EXISTS tdsc_pg_prod CASCADE");
    }

    @BeforeEach
    void reset() throws SQLException {
        drop();
        sql(BASE, "CREATE SCHEMA tdsc_pg_prod",
                "CREATE TABLE tdsc_pg_prod.orders (id BIGSERIAL PRIMARY KEY, code VARCHAR(20) UNIQUE)");
    }

    @Test
    void createThenCheckOnPostgres() throws SQLException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] create = {"shadow", "create", "--url", URL, "--user", TestServers.PG_USER, "--isolated", "orders",
                "--schema", "tdsc_pg_shadow"};
        String[] check = create.clone();
        check[1] = "check";

        assertThat(run(check, out)).isEqualTo(TipCommand.PROBLEMS);
        assertThat(run(create, out)).isEqualTo(TipCommand.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("created shadow twin tdsc_pg_shadow.orders");
        sql(BASE, "ALTER TABLE tdsc_pg_prod.orders ALTER COLUMN code TYPE VARCHAR(40)");
        out.reset();
        assertThat(run(check, out)).isEqualTo(TipCommand.PROBLEMS);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("orders.code: type differs: production character varying(40), twin character varying(20)");
        String[] update = create.clone();
        update[1] = "update";
        out.reset();
        assertThat(run(update, out)).isEqualTo(TipCommand.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("applied: ")
                .contains("shadow schema tdsc_pg_shadow matches production");
    }

    @Test
    void createGrantsTheTestIdentityAndCheckReportsItsExcessPrivileges() throws SQLException {
        sql(BASE, "DROP ROLE IF EXISTS tdsc_pg_test", "CREATE ROLE tdsc_pg_test LOGIN PASSWORD 'tdsc-pw'",
                "CREATE TABLE tdsc_pg_prod.secrets (id INT)");
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String[] create = {"shadow", "create", "--url", URL, "--user", TestServers.PG_USER, "--isolated", "orders",
                    "--schema", "tdsc_pg_shadow", "--test-user", "tdsc_pg_test", "--test-password-env", "TDSC_PW"};
            String[] check = create.clone();
            check[1] = "check";
            Map<String, String> env = Map.of("TDSC_PW", "tdsc-pw");

            assertThat(run(create, out, env)).isEqualTo(TipCommand.OK);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("granted the test identity tdsc_pg_test");
            sql(BASE, "GRANT SELECT ON tdsc_pg_prod.secrets TO tdsc_pg_test");
            out.reset();
            assertThat(run(check, out, env)).isEqualTo(TipCommand.PROBLEMS);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("tdsc_pg_prod.secrets: test identity"
                    + " tdsc_pg_test has SELECT on neither a twin nor a REFERENCE table");
            sql(BASE, "REVOKE SELECT ON tdsc_pg_prod.secrets FROM tdsc_pg_test");
            assertThat(run(check, out, env)).isEqualTo(TipCommand.OK);
        } finally {
            drop();
            sql(BASE, "DROP OWNED BY tdsc_pg_test", "DROP ROLE tdsc_pg_test");
        }
    }

    private static int run(String[] args, ByteArrayOutputStream out, Map<String, String> env) {
        return TipCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()), env);
    }

    private static int run(String[] args, ByteArrayOutputStream out) {
        return TipCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()), Map.of());
    }

    @Test
    void createPartitionedByRunAndCheckKnowsIt() throws SQLException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] plain = {"shadow", "check", "--url", URL, "--user", TestServers.PG_USER, "--isolated", "orders",
                "--schema", "tdsc_pg_shadow", "--partition-by-run"};
        String[] create = plain.clone();
        create[1] = "create";

        assertThat(run(create, out)).isEqualTo(TipCommand.OK);
        assertThat(run(plain, out)).isEqualTo(TipCommand.OK);
        try (Connection c = DriverManager.getConnection(BASE, TestServers.PG_USER, TestServers.PG_PASSWORD);
             Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT partdefid <> 0 FROM pg_partitioned_table"
                     + " WHERE partrelid = 'tdsc_pg_shadow.orders'::regclass AND partstrat = 'l'")) {
            assertThat(rs.next()).as("partitioned by list").isTrue();
            assertThat(rs.getBoolean(1)).as("with a DEFAULT partition").isTrue();
        }
        sql(BASE, "DROP TABLE tdsc_pg_shadow.orders", "CREATE TABLE tdsc_pg_shadow.orders (LIKE tdsc_pg_prod.orders,"
                + " tip_run VARCHAR(40) NOT NULL)", "ALTER TABLE tdsc_pg_shadow.orders ADD PRIMARY KEY (tip_run, id)",
                "ALTER TABLE tdsc_pg_shadow.orders ADD UNIQUE (code, tip_run)");
        out.reset();
        run(plain, out);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("is not partitioned by run");
    }

    private static void sql(String url, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, TestServers.PG_USER, TestServers.PG_PASSWORD); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }
}
