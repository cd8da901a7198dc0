package io.tipdata.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipdata.core.RunRecord;
import io.tipdata.core.RunRegistry.Admission;
import io.tipdata.core.RunRegistry.RunStatus;
import io.tipdata.core.TestRun;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The run lifecycle and leases of the JDBC run registry, in database time; subclasses supply the database. */
abstract class RunLifecycleContract {

    static final String TABLE = "tdlc_runs";

    abstract DataSource dataSource() throws SQLException;

    JdbcRunRegistry registry;
    Instant dbNow;

    @BeforeEach
    void setUp() throws SQLException {
        dropTable();
        registry = JdbcRunRegistry.builder(dataSource()).table(TABLE).build();
        dbNow = registry.now();
    }

    @AfterEach
    void dropTable() throws SQLException {
        ShadowTestDatabases.execute(dataSource(), "DROP TABLE IF EXISTS " + TABLE);
    }

    TestRun run(String id, Duration fromDbNow) {
        return TestRun.of(id, dbNow.minus(Duration.ofHours(5)), dbNow.plus(fromDbNow));
    }

    @Test
    void databaseTimeIsCloseToThisMachinesClock() {
        assertThat(Duration.between(Instant.now(), dbNow).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void statusIsActiveBeforeAndExpiredAfterTheExpiryInDatabaseTime() {
        registry.register(run("future", Duration.ofHours(1)));
        registry.register(run("past", Duration.ofMinutes(-1)));

        assertThat(registry.status("future")).contains(RunStatus.ACTIVE);
        assertThat(registry.status("past")).contains(RunStatus.EXPIRED);
        assertThat(registry.claimable(10)).containsExactly("past");
    }

    @Test
    void admitRegistersExtendsAndStopsExtendingOnceThePurgeStarted() {
        Admission first = registry.admit(run("r1", Duration.ofMinutes(10)));
        assertThat(first.status()).isEqualTo(RunStatus.ACTIVE);
        assertThat(Duration.between(first.registryNow(), first.expires())).isBetween(Duration.ofMinutes(9),
                Duration.ofMinutes(11));

        Admission extended = registry.admit(run("r1", Duration.ofMinutes(20)));
        assertThat(extended.expires()).isAfter(first.expires());
        Admission notShortened = registry.admit(run("r1", Duration.ofMinutes(5)));
        assertThat(notShortened.expires()).isEqualTo(extended.expires());

        assertThat(registry.claim("r1", "purger-a", Duration.ofMinutes(1), true)).isTrue();
        Admission refused = registry.admit(run("r1", Duration.ofHours(2)));
        assertThat(refused.status()).isEqualTo(RunStatus.PURGING);
        assertThat(refused.expires()).isEqualTo(extended.expires());
    }

    @Test
    void anExpiredRunExtendedBeforeItsPurgeStartsIsNotClaimableUntilItsNewExpiry() {
        registry.register(run("late", Duration.ofMinutes(-5)));
        assertThat(registry.status("late")).contains(RunStatus.EXPIRED);

        registry.admit(run("late", Duration.ofHours(1)));

        assertThat(registry.status("late")).contains(RunStatus.ACTIVE);
        assertThat(registry.claimable(10)).isEmpty();
        assertThat(registry.claim("late", "purger-a", Duration.ofMinutes(1), false)).isFalse();
    }

    @Test
    void aClaimSkipsARunAnotherPurgerHoldsAndTakesItOnceTheLeaseLapses() throws Exception {
        registry.register(run("r1", Duration.ofMinutes(-1)));

        assertThat(registry.claim("r1", "purger-a", Duration.ofMillis(300), false)).isTrue();
        assertThat(registry.claim("r1", "purger-b", Duration.ofMinutes(1), false)).isFalse();
        assertThat(registry.claimable(10)).isEmpty();
        assertThat(registry.renew("r1", "purger-a", Duration.ofMillis(300), 7)).isTrue();
        Thread.sleep(400);

        assertThat(registry.claimable(10)).containsExactly("r1");
        assertThat(registry.claim("r1", "purger-b", Duration.ofMinutes(1), false)).isTrue();
        assertThat(registry.renew("r1", "purger-a", Duration.ofMinutes(1), 100)).isFalse();
        assertThat(registry.markPurged("r1", "purger-a")).isFalse();
        assertThat(registry.renew("r1", "purger-b", Duration.ofMinutes(1), 3)).isTrue();
        assertThat(registry.markPurged("r1", "purger-b")).isTrue();

        RunRecord r = registry.record("r1").orElseThrow();
        assertThat(r.status()).isEqualTo(RunStatus.PURGED);
        assertThat(r.rowsPurged()).isEqualTo(10);
        assertThat(r.purgeStarted()).isNotNull();
        assertThat(r.purgedAt()).isAfterOrEqualTo(r.purgeStarted());
        assertThat(r.leaseOwner()).isNull();
    }

    @Test
    void decisionsUseDatabaseTimeWhateverTheApplicationClockSays() throws SQLException {
        JdbcRunRegistry skewed = JdbcRunRegistry.builder(dataSource()).table(TABLE)
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(6))).build();
        skewed.register(run("active", Duration.ofHours(1)));

        assertThat(skewed.claim("active", "skewed", Duration.ofMinutes(1), false)).isFalse();
        assertThat(skewed.status("active")).contains(RunStatus.ACTIVE);
        assertThat(Duration.between(Instant.now(), skewed.now()).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void aFailedPurgeIsRecordedAndClaimableAgain() {
        registry.register(run("r1", Duration.ofMinutes(-1)));
        registry.claim("r1", "purger-a", Duration.ofMinutes(1), false);

        registry.markFailed("r1", "purger-a", "disk full");

        RunRecord r = registry.record("r1").orElseThrow();
        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
        assertThat(r.failure()).isEqualTo("disk full");
        assertThat(registry.claimable(10)).containsExactly("r1");
        assertThat(registry.claim("r1", "purger-b", Duration.ofMinutes(1), false)).isTrue();
        assertThat(registry.record("r1").orElseThrow().failure()).isNull();
    }

    @Test
    void aTableCreatedByTheFirstVersionIsMigratedInPlaceKeepingItsRuns() throws SQLException {
        ShadowTestDatabases.execute(dataSource(), "DROP TABLE " + TABLE, "CREATE TABLE " + TABLE + " (run_id VARCHAR(40) NOT NULL PRIMARY KEY,"
                + " created BIGINT NOT NULL, expires BIGINT NOT NULL, status VARCHAR(10) NOT NULL, purged_at BIGINT,"
                + " lease_owner VARCHAR(200), lease_until BIGINT)",
                "INSERT INTO " + TABLE + " VALUES ('old-run', 1000, " + dbNow.minusSeconds(60).toEpochMilli()
                        + ", 'ACTIVE', NULL, NULL, NULL)",
                "INSERT INTO " + TABLE + " VALUES ('old-purged', 1000, 2000, 'PURGED', 3000, NULL, NULL)");
        JdbcRunRegistry upgraded = JdbcRunRegistry.builder(dataSource()).table(TABLE).build();

        assertThat(upgraded.record("old-run").orElseThrow().status()).isEqualTo(RunStatus.EXPIRED);
        assertThat(upgraded.record("old-purged").orElseThrow().rowsPurged()).isZero();
        assertThat(upgraded.claim("old-run", "purger-a", Duration.ofMinutes(1), false)).isTrue();
        assertThat(upgraded.renew("old-run", "purger-a", Duration.ofMinutes(1), 4)).isTrue();
        assertThat(upgraded.record("old-run").orElseThrow().rowsPurged()).isEqualTo(4);
        assertThat(JdbcRunRegistry.builder(dataSource()).table(TABLE).build().records()).hasSize(2);
    }
}
