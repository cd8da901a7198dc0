package io.tipdata.jdbc.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tipdata.core.KillSwitch;
import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import io.tipdata.jdbc.RefusedStatementException;
import io.tipdata.jdbc.ShadowSchema;
import io.tipdata.jdbc.StatementListener;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TablePolicy;
import io.tipdata.jdbc.TipDataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Counters and listener events of test statements, never of production ones. */
class StatementMetricsTest {

    @Test
    void countsRewrittenAndRefusedStatementsPerTableAndTellsTheListener() throws Exception {
        JdbcDataSource raw = new JdbcDataSource();
        raw.setURL("jdbc:h2:mem:stmetrics;DB_CLOSE_DELAY=-1");
        try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders (id INT PRIMARY KEY, amount INT)");
            s.execute("CREATE TABLE secrets (id INT PRIMARY KEY)");
        }
        TablePolicies policies = TablePolicies.builder().table(TablePolicy.ISOLATED, "orders").build();
        ShadowSchema.builder(raw).policies(policies).build().create();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StatementMetrics metrics = new StatementMetrics();
        metrics.bindTo(registry);
        List<String> events = new CopyOnWriteArrayList<>();
        TipDataSource tip = TipDataSource.wrap(raw).policies(policies).killSwitch(KillSwitch.create())
                .listener(metrics).listener(new StatementListener() {
                    @Override
                    public void onRewritten(String runId, String original, String sent, List<String> tables) {
                        events.add("rewritten " + runId + " " + original + " -> " + sent + " " + tables);
                    }

                    @Override
                    public void onRefused(String runId, String original, String reason, List<String> tables) {
                        events.add("refused " + runId + " " + original + " " + tables + ": " + reason);
                    }
                }).build();
        TestRun run = TestRun.of("metrics-1", Duration.ofMinutes(5));
        try (Connection c = tip.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO orders (id, amount) VALUES (1, 1)");
        }
        TipContext.call(run, () -> {
            try (Connection c = tip.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO orders (id, amount) VALUES (1, 2)");
                s.executeUpdate("INSERT INTO orders (id, amount) VALUES (2, 2)");
                assertThatThrownBy(() -> s.executeQuery("SELECT id FROM secrets"))
                        .isInstanceOf(RefusedStatementException.class);
            }
            return null;
        });
        assertThat(registry.get(StatementMetrics.STATEMENTS).tag("outcome", "rewritten").tag("table", "orders")
                .counter().count()).isEqualTo(2);
        assertThat(registry.get(StatementMetrics.STATEMENTS).tag("outcome", "refused").tag("table", "secrets")
                .counter().count()).isEqualTo(1);
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).startsWith("rewritten metrics-1 INSERT INTO orders (id, amount) VALUES (1, 2) -> ")
                .contains("tip_shadow.orders").contains("'metrics-1'").endsWith("[orders]");
        assertThat(events.get(2)).startsWith("refused metrics-1 SELECT id FROM secrets [secrets]: ")
                .contains("secrets");
    }
}
