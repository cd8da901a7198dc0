package io.tipdata.jdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipdata.core.RunRegistry.RunStatus;
import io.tipdata.core.TestRun;
import io.tipdata.jdbc.JdbcRunRegistry;
import io.tipdata.jdbc.ShadowSchema;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TablePolicy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The purge and audit commands against an H2 database seeded with production and test rows. */
class PurgeCommandTest {

    private static final String URL = "jdbc:h2:mem:tdcli_purge;DB_CLOSE_DELAY=-1";
    private static final String REGISTRY = "tdcli_runs";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private JdbcDataSource ds;
    private JdbcRunRegistry registry;

    @BeforeEach
    void seed() throws SQLException {
        ds = new JdbcDataSource();
        ds.setURL(URL);
        ds.setUser("sa");
        exec("DROP ALL OBJECTS", "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer VARCHAR(50) NOT NULL)",
                "INSERT INTO orders VALUES (1, 'alice'), (2, 'bob')");
        ShadowSchema.builder(ds).policies(TablePolicies.builder().table(TablePolicy.ISOLATED, "orders").build())
                .build().create();
        registry = JdbcRunRegistry.builder(ds).table(REGISTRY).build();
        Instant now = registry.now();
        registry.register(TestRun.of("expired-1", now.minusSeconds(3600), now.minusSeconds(60)));
        registry.register(TestRun.of("active-1", now.minusSeconds(3600), now.plusSeconds(3600)));
        for (int i = 1; i <= 9; i++) {
            exec("INSERT INTO tip_shadow.orders VALUES (" + i + ", 'test', 'expired-1')",
                    "INSERT INTO tip_shadow.orders VALUES (" + i + ", 'test', 'active-1')");
        }
    }

    int run(String... args) {
        List<String> all = new ArrayList<>(List.of("--url", URL, "--user", "sa", "--isolated", "orders",
                "--registry-table", REGISTRY));
        all.addAll(List.of(args));
        return PurgeCommand.run(all.toArray(String[]::new), print(out), print(err), Map.of());
    }

    int audit(String... args) {
        List<String> all = new ArrayList<>(List.of("--url", URL, "--user", "sa", "--isolated", "orders",
                "--registry-table", REGISTRY));
        all.addAll(List.of(args));
        return AuditCommand.run(all.toArray(String[]::new), print(out), print(err), Map.of());
    }

    @Test
    void dryRunReportsWhatWouldGoAndDeletesNothing() throws SQLException {
        assertThat(run("--dry-run")).isEqualTo(ExitCodes.OK);

        assertThat(text(out)).contains("would purge run expired-1: 9 row(s)")
                .contains("dry run: would purge 1 run(s), 9 row(s)");
        assertThat(count("SELECT COUNT(*) FROM tip_shadow.orders")).isEqualTo(18);
        assertThat(registry.status("expired-1")).contains(RunStatus.EXPIRED);
    }

    @Test
    void purgePrintsProgressAndLeavesProductionAndActiveRunsAlone() throws SQLException {
        assertThat(run("--batch-size", "4", "--pause", "PT0S")).isEqualTo(ExitCodes.OK);

        assertThat(text(out)).containsPattern("purged run expired-1: 9 row\\(s\\) in [0-9.]+ s \\([0-9]+ rows/s\\)")
                .containsPattern("purged 1 run\\(s\\), 9 row\\(s\\) in [0-9.]+ s \\([0-9]+ rows/s\\); 0 failed");
        assertThat(count("SELECT COUNT(*) FROM tip_shadow.orders WHERE tip_run = 'expired-1'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM tip_shadow.orders WHERE tip_run = 'active-1'")).isEqualTo(9);
        assertThat(count("SELECT COUNT(*) FROM orders")).isEqualTo(2);
        assertThat(registry.status("expired-1")).contains(RunStatus.PURGED);
        assertThat(audit()).isEqualTo(ExitCodes.OK);
        assertThat(text(out)).contains("audit clean");
    }

    @Test
    void runPurgesOneActiveRunNow() throws SQLException {
        assertThat(run("--run", "active-1", "--in-flight", "PT0S")).isEqualTo(ExitCodes.OK);

        assertThat(text(out)).contains("purged run active-1: 9 row(s)");
        assertThat(count("SELECT COUNT(*) FROM tip_shadow.orders WHERE tip_run = 'expired-1'")).isEqualTo(9);
        assertThat(registry.status("active-1")).contains(RunStatus.PURGED);
    }

    @Test
    void configurationErrorsExitWithTwoAndSayWhatToChange() {
        assertThat(PurgeCommand.run(new String[] {"--url", URL}, print(out), print(err), Map.of()))
                .isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(text(err)).contains("--isolated");
        assertThat(run("--password", "secret")).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(text(err)).contains("--password-env");
        assertThat(run("--run", "no-such-run")).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(text(err)).contains("'no-such-run' is not in the run registry");
        assertThat(run("--shadow-schema", "nowhere")).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(text(err)).contains("no shadow twin");
        assertThat(run("--batch-size", "0")).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(text(err)).contains("batch size 0");
    }

    @Test
    void aMissingDriverOrPasswordExitsLikeTheOtherCommandsUnderTipData() {
        String[] noDriver = {"--url", "jdbc:nosuchdb://x/y", "--isolated", "orders"};
        String[] unsetPassword = {"--url", URL, "--isolated", "orders", "--password-env", "TD_UNSET_PW"};
        for (String command : new String[] {"purge", "audit"}) {
            String[] viaTool = new String[noDriver.length + 1];
            viaTool[0] = command;
            System.arraycopy(noDriver, 0, viaTool, 1, noDriver.length);
            assertThat(TipCommand.run(viaTool, print(out), print(err), Map.of()))
                    .as(command).isEqualTo(TipCommand.MISSING_CLASS_OR_DRIVER);
            assertThat(text(err)).contains("no JDBC driver on the class path accepts the URL 'jdbc:nosuchdb://x/y'");
            System.arraycopy(unsetPassword, 0, viaTool = new String[unsetPassword.length + 1], 1, unsetPassword.length);
            viaTool[0] = command;
            assertThat(TipCommand.run(viaTool, print(out), print(err), Map.of()))
                    .as(command).isEqualTo(TipCommand.CONFIGURATION);
            assertThat(text(err)).contains("environment variable TD_UNSET_PW (from --password-env) is not set");
        }
        assertThat(PurgeCommand.run(noDriver, print(out), print(err), Map.of())).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(AuditCommand.run(unsetPassword, print(out), print(err), Map.of()))
                .isEqualTo(ExitCodes.CONFIGURATION);
    }

    @Test
    void anUnreachableDatabaseExitsWithThree() {
        int code = PurgeCommand.run(new String[] {"--url", "jdbc:postgresql://127.0.0.1:1/none", "--isolated",
            "orders"}, print(out), print(err), Map.of());

        assertThat(code).isEqualTo(ExitCodes.DATABASE);
        assertThat(AuditCommand.run(new String[] {"--url", "jdbc:postgresql://127.0.0.1:1/none", "--isolated",
            "orders"}, print(out), print(err), Map.of())).isEqualTo(ExitCodes.DATABASE);
    }

    @Test
    void auditExitsWithOneOnALeak() throws SQLException {
        exec("INSERT INTO tip_shadow.orders VALUES (50, 'x', 'ghost-run')");

        assertThat(audit()).isEqualTo(ExitCodes.PARTIAL);

        assertThat(text(out)).contains("unknown run: 1 row(s) of run ghost-run").contains("finding(s)");
    }

    @Test
    void purgeDeletesAsTheTestIdentityAndAnIdentityWithoutGrantsDeletesNothing() throws SQLException {
        exec("CREATE USER tdcli_test PASSWORD 'pw'", "CREATE USER tdcli_none PASSWORD 'pw'");
        ShadowSchema.builder(ds).policies(TablePolicies.builder().table(TablePolicy.ISOLATED, "orders").build())
                .testLogin("tdcli_test").build().create();
        // the test URL without ;DB_CLOSE_DELAY=-1 (a setting only an H2 admin may make), the database being open
        List<String> common = List.of("--url", URL, "--test-url", URL.substring(0, URL.indexOf(';')), "--user", "sa", "--isolated", "orders", "--registry-table",
                REGISTRY, "--test-password-env", "TD_TEST_PW");

        List<String> none = new ArrayList<>(common);
        none.addAll(List.of("--test-user", "tdcli_none"));
        assertThat(PurgeCommand.run(none.toArray(String[]::new), print(out), print(err), Map.of("TD_TEST_PW", "pw")))
                .isEqualTo(ExitCodes.PARTIAL);
        assertThat(text(out)).contains("failed run expired-1");
        assertThat(count("SELECT COUNT(*) FROM tip_shadow.orders WHERE tip_run = 'expired-1'")).isEqualTo(9);

        List<String> granted = new ArrayList<>(common);
        granted.addAll(List.of("--test-user", "tdcli_test"));
        assertThat(PurgeCommand.run(granted.toArray(String[]::new), print(out), print(err),
                Map.of("TD_TEST_PW", "pw"))).isEqualTo(ExitCodes.OK);
        assertThat(count("SELECT COUNT(*) FROM tip_shadow.orders WHERE tip_run = 'expired-1'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM tip_shadow.orders WHERE tip_run = 'active-1'")).isEqualTo(9);
        assertThat(count("SELECT COUNT(*) FROM orders")).isEqualTo(2);
        assertThat(registry.status("expired-1")).contains(RunStatus.PURGED);

        assertThat(run("--test-password-env", "TD_TEST_PW")).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(text(err)).contains("without --test-user");
    }

    @Test
    void helpListsTheExitCodes() {
        assertThat(PurgeCommand.run(new String[] {"--help"}, print(out), print(err), Map.of())).isZero();
        assertThat(text(out)).contains("--dry-run").contains("Exit codes:").contains("database error");
    }

    private void exec(String... sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static PrintStream print(ByteArrayOutputStream b) {
        return new PrintStream(b, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream b) {
        return b.toString(StandardCharsets.UTF_8);
    }

}
