package io.tipdata.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tipdata.core.RunRegistry.RunStatus;
import io.tipdata.core.TestRun;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every dialect's JDBC run registry must do; subclasses supply the database, logged in as its owner (on
 * PostgreSQL and MariaDB not a superuser, see {@link TestLogins}). */
abstract class RunRegistryContract {

    static final String TABLE = "tdrr_runs";
    static final String RACE_TABLE = "tdrr_race_runs";
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456789Z");
    static final Instant PURGE_TIME = Instant.parse("2026-03-02T00:00:00.5Z");

    abstract DataSource dataSource() throws SQLException;

    JdbcRunRegistry registry;

    @BeforeEach
    void setUp() throws SQLException {
        dropTables();
        registry = JdbcRunRegistry.builder(dataSource()).table(TABLE)
                .clock(Clock.fixed(PURGE_TIME, ZoneOffset.UTC)).build();
    }

    @AfterEach
    void dropTables() throws SQLException {
        ShadowTestDatabases.execute(dataSource(), "DROP TABLE IF EXISTS " + TABLE, "DROP TABLE IF EXISTS " + RACE_TABLE);
    }

    static TestRun run(String id, long createdSecond, long expiresSecond) {
        return TestRun.of(id, T0.plusSeconds(createdSecond), T0.plusSeconds(expiresSecond));
    }

    @Test
    void tableIsCreatedOnFirstUse() throws SQLException {
        assertThat(tableExists(TABLE)).isFalse();

        assertThat(registry.find("run-1")).isEmpty();

        assertThat(tableExists(TABLE)).isTrue();
        registry.createTable();
        assertThat(tableExists(TABLE)).isTrue();
    }

    @Test
    void registeredRunRoundTripsAtMillisecondPrecisionInUtcEpochMillis() throws SQLException {
        TestRun run = run("run-1", 0, 3600);

        registry.register(run);

        TestRun found = registry.find("run-1").orElseThrow();
        assertThat(found.created()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123Z"));
        assertThat(found.expires()).isEqualTo(Instant.parse("2026-03-01T11:00:00.123Z"));
        assertThat(registry.status("run-1")).contains(RunStatus.EXPIRED);  // March is past in database time
        assertThat(stored("run-1")).containsExactly(T0.toEpochMilli(), T0.plusSeconds(3600).toEpochMilli(), "ACTIVE", null);
    }

    @Test
    void unknownRunIsAbsent() {
        registry.register(run("run-1", 0, 60));

        assertThat(registry.find("run-2")).isEmpty();
        assertThat(registry.status("run-2")).isEmpty();
        assertThat(registry.find("NOT A RUN ID")).isEmpty();
    }

    @Test
    void registerIsIdempotentAndKeepsTheLaterExpiryAndFirstCreation() {
        registry.register(run("run-1", 0, 100));
        registry.register(run("run-1", 0, 100));
        registry.register(run("run-1", 50, 300));
        registry.register(run("run-1", 60, 200));

        TestRun found = registry.find("run-1").orElseThrow();
        assertThat(found.expires()).isEqualTo(T0.plusSeconds(300).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(found.created()).isEqualTo(T0.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void expiredBeforeListsActiveExpiredRunsOldestFirst() {
        registry.register(run("late", 0, 300));
        registry.register(run("early", 0, 100));
        registry.register(run("middle", 0, 200));
        registry.register(run("future", 0, 1000));

        assertThat(registry.expiredBefore(T0.plusSeconds(301))).extracting(TestRun::runId)
                .containsExactly("early", "middle", "late");
        assertThat(registry.expiredBefore(T0.plusSeconds(200).truncatedTo(java.time.temporal.ChronoUnit.MILLIS)))
                .extracting(TestRun::runId).containsExactly("early");
    }

    @Test
    void markPurgedChangesStatusStampsTimeAndLeavesExpiredList() throws SQLException {
        registry.register(run("run-1", 0, 10));
        registry.register(run("run-2", 0, 20));

        registry.markPurged("run-1");
        registry.markPurged("never-registered");

        assertThat(registry.status("run-1")).contains(RunStatus.PURGED);
        assertThat(registry.status("run-2")).contains(RunStatus.EXPIRED);
        assertThat(registry.status("never-registered")).isEmpty();
        assertThat(registry.expiredBefore(T0.plusSeconds(100))).extracting(TestRun::runId).containsExactly("run-2");
        assertThat(stored("run-1")).element(2).isEqualTo("PURGED");
        assertThat(stored("run-1")).element(3).isEqualTo(PURGE_TIME.toEpochMilli());
    }

    @Test
    void concurrentRegistrationOfTheSameRunFromSeveralInstancesAndThreadsSucceeds() throws Exception {
        int threads = 8;
        List<JdbcRunRegistry> instances = List.of(
                JdbcRunRegistry.builder(dataSource()).table(RACE_TABLE).build(),
                JdbcRunRegistry.builder(dataSource()).table(RACE_TABLE).build());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 5; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> results = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    JdbcRunRegistry r = instances.get(i % 2);
                    TestRun run = run("race-" + round, 0, 100 + i);
                    results.add(pool.submit(() -> {
                        start.await();
                        r.register(run);
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : results) {
                    f.get(30, TimeUnit.SECONDS);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT run_id, expires FROM " + RACE_TABLE + " ORDER BY run_id");
             ResultSet rs = ps.executeQuery()) {
            for (int round = 0; round < 5; round++) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("race-" + round);
                assertThat(rs.getLong(2)).isEqualTo(T0.plusSeconds(100 + threads - 1).toEpochMilli());
            }
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void workIsCommittedWhenThePoolDoesNotAutoCommit() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setDataSource(dataSource());
        config.setAutoCommit(false);
        config.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            JdbcRunRegistry pooled = JdbcRunRegistry.builder(pool).table(TABLE)
                    .clock(Clock.fixed(PURGE_TIME, ZoneOffset.UTC)).build();
            pooled.register(run("pooled", 0, 10));
            pooled.register(run("pooled", 0, 20));
            pooled.markPurged("pooled");
        }

        assertThat(stored("pooled")).containsExactly(T0.toEpochMilli(), T0.plusSeconds(20).toEpochMilli(), "PURGED",
                PURGE_TIME.toEpochMilli());
    }

    @Test
    void builderRejectsInvalidTableName() throws SQLException {
        DataSource ds = dataSource();
        assertThatThrownBy(() -> JdbcRunRegistry.builder(ds).table("tip_runs; DROP TABLE x").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'tip_runs; DROP TABLE x'").hasMessageContaining("such as tip_runs");
        assertThatThrownBy(() -> JdbcRunRegistry.builder(ds).table("\"quoted\"").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    boolean tableExists(String table) throws SQLException {
        try (Connection c = dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM information_schema.tables"
                     + " WHERE LOWER(table_name) = ? AND LOWER(table_schema) = LOWER(?)")) {
            ps.setString(1, table);
            ps.setString(2, c.getSchema() != null ? c.getSchema() : c.getCatalog());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    /** created, expires, status, purged_at as stored. */
    List<Object> stored(String runId) throws SQLException {
        try (Connection c = dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT created, expires, status, purged_at FROM " + TABLE + " WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                List<Object> row = new ArrayList<>();
                row.add(rs.getLong(1));
                row.add(rs.getLong(2));
                row.add(rs.getString(3));
                long purged = rs.getLong(4);
                row.add(rs.wasNull() ? null : purged);
                return row;
            }
        }
    }
}
