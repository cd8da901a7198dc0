package io.tipdata.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import io.tipdata.jdbc.internal.shadow.TwinStatistics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A young PostgreSQL twin gets statistics without waiting for autovacuum (which is off on the test servers):
 * never analyzed, the planner answers a run's {@code ORDER BY id LIMIT 20} with a bitmap scan of the whole run
 * and a sort; once tip-data has analyzed it, with the {@code (tip_run, id)} key. Schemas tipc_stats and
 * tipc_stats_shadow, logins tipc_stats_owner (not a superuser) and tipc_stats_test.
 */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class PostgresTwinStatisticsTest {

    private static final String TOP = "SELECT o.id, o.amount, c.name FROM orders o JOIN countries c ON c.code ="
            + " o.customer ORDER BY o.id LIMIT 20";

    private TestDatabase db;

    @BeforeEach
    void open() throws SQLException {
        db = TestDatabase.postgres("tipc_stats");
        db.open();
        db.createTables();
        db.reset();
        db.exec("INSERT INTO orders (customer, amount) SELECT CASE WHEN g % 2 = 0 THEN 'de' ELSE 'fr' END, g"
                + " FROM generate_series(1, 20000) g");
        db.exec("ANALYZE orders");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void fillTwin(String run, int rows) throws SQLException {
        db.exec("INSERT INTO " + db.shadow + ".orders (id, customer, amount, tip_run) SELECT nextval('orders_id_seq'),"
                + " 'de', g, '" + run + "' FROM generate_series(1, " + rows + ") g");
        awaitCounted(rows);
    }

    /** PostgreSQL publishes a session's table counters about a second after its transaction; waits for them. */
    private void awaitCounted(int rows) throws SQLException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String sql = "SELECT n_mod_since_analyze FROM pg_stat_user_tables WHERE schemaname = '" + db.shadow
                + "' AND relname = 'orders'";
        while (Long.parseLong(db.rows(sql).get(0)) < rows) {
            assertThat(System.nanoTime()).as("the twin's counters show the inserted rows").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private String lastAnalyze() throws SQLException {
        return db.rows("SELECT coalesce(last_analyze::text, 'never') FROM pg_stat_user_tables WHERE schemaname = '" + db.shadow
                + "' AND relname = 'orders'").get(0);
    }

    private String plan(String run) throws SQLException {
        return String.join("\n", db.rows("EXPLAIN SELECT o.id, o.amount, c.name FROM " + db.shadow + ".orders o"
                + " JOIN countries c ON c.code = o.customer WHERE o.tip_run = '" + run + "' ORDER BY o.id LIMIT 20"));
    }

    @Test
    void staleTwinsAreAnalyzedAndTheRunsOrderedScanUsesTheKey() throws SQLException {
        for (int r = 0; r < 6; r++) {
            fillTwin("run-" + r, 3000);
        }
        assertThat(lastAnalyze()).isEqualTo("never");
        assertThat(plan("run-3")).as("never analyzed: the default estimate").contains("Sort");

        List<String> analyzed = new TwinStatistics().refresh(db.raw, db.shadow);

        assertThat(analyzed).contains("orders");
        assertThat(lastAnalyze()).isNotEqualTo("never");
        assertThat(plan("run-3")).contains("Index Scan using orders_pkey").doesNotContain("Sort");
        assertThat(new TwinStatistics().refresh(db.raw, db.shadow)).as("fresh statistics are left alone")
                .doesNotContain("orders");
    }

    @Test
    void theFirstTestStatementAnalyzesStaleTwinsAndProductionNeverDoes() throws SQLException {
        fillTwin("earlier-run", 5000);
        DataSource tip = TipDataSource.wrap(db.raw).testConnections(db.testPool).policies(db.policies())
                .shadowSchema(db.shadow).build();
        try (Connection c = tip.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(TOP)) {
            assertThat(rs.next()).isTrue();
        }
        assertThat(lastAnalyze()).as("production statements do not analyze twins").isEqualTo("never");

        TestRun run = TestRun.of("stats-run", Duration.ofMinutes(5));
        try (TipContext.Scope ignored = TipContext.bind(run); Connection c = tip.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO orders (customer, amount) VALUES ('fr', 1)")) {
            ps.executeUpdate();
        }
        assertThat(lastAnalyze()).isNotEqualTo("never");
        assertThat(plan("earlier-run")).contains("Index Scan using orders_pkey").doesNotContain("Sort");
    }

    @Test
    void aLoginThatDoesNotOwnTheTwinsChangesNothingAndNeverThrows() throws SQLException {
        fillTwin("run-x", 2000);
        List<String> analyzed = new TwinStatistics().refresh(db.testPool, db.shadow);
        assertThat(analyzed).as("only the owner may analyze a twin").isEmpty();
        assertThat(lastAnalyze()).isEqualTo("never");
        DataSource unreachable = (DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    throw new SQLException("connection refused");
                });
        assertThat(new TwinStatistics().refresh(unreachable, db.shadow)).isEmpty();
    }
}
