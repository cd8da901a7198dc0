package io.tipdata.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tipdata.core.purge.PurgeReport;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class PostgresPurgeJobTest extends PurgeJobContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres("tdpj_pg");
    }

    @Test
    void aPurgerWhoseSessionIsTerminatedReconnectsAndFinishes() throws SQLException {
        long rows = seedRun("terminated", Duration.ofMinutes(-5), 25);
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(db.raw.getJdbcUrl() + "&ApplicationName=tdpj_victim");
        cfg.setUsername(db.raw.getUsername());   // the production owner, who may end its own sessions
        cfg.setPassword(db.raw.getPassword());
        cfg.setMaximumPoolSize(2);
        try (HikariDataSource victim = new HikariDataSource(cfg)) {
            int[] killed = new int[1];
            FlakyDataSource ds = new FlakyDataSource(victim).beforeDelete(3, n -> {
                try {
                    killed[0] = db.rows("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                            + " WHERE application_name = 'tdpj_victim' AND pid <> pg_backend_pid()").size();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });

            PurgeReport report = job(ds, registry).build().purgeExpired();

            assertThat(killed[0]).isPositive();
            assertThat(report.failed()).isEmpty();
            assertThat(report.purged()).containsEntry("terminated", rows);
            assertThat(twinRows("terminated")).isZero();
            assertThat(registry.record("terminated").orElseThrow().rowsPurged()).isEqualTo(rows);
        }
    }
}
