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
class PostgresShadowSchemaCommandTest {

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
        String[] create = {"create", "--url", URL, "--user", TestServers.PG_USER, "--isolated", "orders",
                "--schema", "tdsc_pg_shadow"};
        String[] check = create.clone();
        check[0] = "check";

        assertThat(run(check, out)).isEqualTo(ShadowSchemaCommand.PROBLEMS);
        assertThat(run(create, out)).isEqualTo(ShadowSchemaCommand.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("created shadow twin tdsc_pg_shadow.orders");
        sql(BASE, "ALTER TABLE tdsc_pg_prod.orders ALTER COLUMN code TYPE VARCHAR(40)");
        out.reset();
        assertThat(run(check, out)).isEqualTo(ShadowSchemaCommand.PROBLEMS);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("orders.code: type differs: production character varying(40), twin character varying(20); run ALTER TABLE");
    }

    private static int run(String[] args, ByteArrayOutputStream out) {
        return ShadowSchemaCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()), Map.of());
    }

    private static void sql(String url, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, TestServers.PG_USER, TestServers.PG_PASSWORD); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }
}
