package io.tipdata.jdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipdata.jdbc.TestLogins;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The shadow commands on PostgreSQL, run as the production schema's owner (not a superuser), see {@link TestLogins}. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class PostgresShadowCommandTest {

    private static final Map<String, String> ENV = Map.of("TDSC_PW", TestLogins.PASSWORD);

    private TestLogins logins;

    @BeforeEach
    void reset() throws SQLException {
        logins = TestLogins.postgres("tdsc_pg_prod", "tdsc_pg_shadow");
        sql("CREATE TABLE tdsc_pg_prod.orders (id BIGSERIAL PRIMARY KEY, code VARCHAR(20) UNIQUE)");
    }

    @AfterEach
    void drop() throws SQLException {
        logins.close();
    }

    /** The command as the owner, with the test identity. */
    private String[] command(String command, String... more) {
        List<String> all = new ArrayList<>(List.of("shadow", command, "--url", logins.url(), "--user", logins.owner(),
                "--password-env", "TDSC_PW", "--isolated", "orders", "--schema", "tdsc_pg_shadow",
                "--test-user", logins.testLogin(), "--test-password-env", "TDSC_PW"));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void createThenCheckOnPostgres() throws SQLException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] create = command("create");
        String[] check = command("check");

        assertThat(run(check, out)).isEqualTo(TipCommand.PROBLEMS);
        assertThat(run(create, out)).isEqualTo(TipCommand.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("created shadow twin tdsc_pg_shadow.orders");
        sql("ALTER TABLE tdsc_pg_prod.orders ALTER COLUMN code TYPE VARCHAR(40)");
        out.reset();
        assertThat(run(check, out)).isEqualTo(TipCommand.PROBLEMS);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("orders.code: type differs: production character varying(40), twin character varying(20)");
        String[] update = command("update");
        out.reset();
        assertThat(run(update, out)).isEqualTo(TipCommand.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("applied: ")
                .contains("shadow schema tdsc_pg_shadow matches production");
    }

    @Test
    void createGrantsTheTestIdentityAndCheckReportsItsExcessPrivileges() throws SQLException {
        String test = logins.testLogin();
        sql("CREATE TABLE tdsc_pg_prod.secrets (id INT)");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] create = command("create");
        String[] check = command("check");

        assertThat(run(create, out)).isEqualTo(TipCommand.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("granted the test identity " + test);
        sql("GRANT SELECT ON tdsc_pg_prod.secrets TO " + test);
        out.reset();
        assertThat(run(check, out)).isEqualTo(TipCommand.PROBLEMS);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("tdsc_pg_prod.secrets: test identity " + test
                + " has SELECT on neither a twin nor a REFERENCE table");
        sql("REVOKE SELECT ON tdsc_pg_prod.secrets FROM " + test);
        assertThat(run(check, out)).isEqualTo(TipCommand.OK);
    }

    private static int run(String[] args, ByteArrayOutputStream out) {
        return TipCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()), ENV);
    }

    @Test
    void createPartitionedByRunAndCheckKnowsIt() throws SQLException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] check = command("check", "--partition-by-run");
        String[] create = command("create", "--partition-by-run");

        assertThat(run(create, out)).isEqualTo(TipCommand.OK);
        assertThat(run(check, out)).isEqualTo(TipCommand.OK);
        try (Connection c = logins.production().getConnection(); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT partdefid <> 0 FROM pg_partitioned_table"
                     + " WHERE partrelid = 'tdsc_pg_shadow.orders'::regclass AND partstrat = 'l'")) {
            assertThat(rs.next()).as("partitioned by list").isTrue();
            assertThat(rs.getBoolean(1)).as("with a DEFAULT partition").isTrue();
        }
        sql("DROP TABLE tdsc_pg_shadow.orders", "CREATE TABLE tdsc_pg_shadow.orders (LIKE tdsc_pg_prod.orders,"
                + " tip_run VARCHAR(40) NOT NULL)", "ALTER TABLE tdsc_pg_shadow.orders ADD PRIMARY KEY (tip_run, id)",
                "ALTER TABLE tdsc_pg_shadow.orders ADD UNIQUE (code, tip_run)");
        out.reset();
        run(check, out);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("is not partitioned by run");
    }

    /** Runs statements as the production owner. */
    private void sql(String... statements) throws SQLException {
        try (Connection c = logins.production().getConnection(); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }
}
