package io.tipdata.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipdata.core.RunRecord;
import io.tipdata.core.RunRegistry.RunStatus;
import io.tipdata.core.TestRun;
import io.tipdata.core.purge.PurgeListener;
import io.tipdata.core.purge.PurgeReport;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The purge job against a real database seeded with production rows and rows of expired and active runs,
 * compared before and after; subclasses give the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PurgeJobContract {

    static final String REGISTRY = "tdpj_runs";

    TestDatabase db;
    JdbcRunRegistry registry;
    Instant dbNow;

    abstract TestDatabase newDatabase();

    @BeforeAll
    void openDatabase() throws SQLException {
        db = newDatabase();
        db.open();
        db.createTables();
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    @BeforeEach
    void seedProduction() throws SQLException {
        db.reset();
        db.exec("DROP TABLE IF EXISTS " + REGISTRY);
        registry = registryBuilder().build();
        dbNow = registry.now();
        StringBuilder orders = new StringBuilder();
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            orders.append(i > 1 ? ", " : "").append("(").append(i).append(", 'customer-").append(i).append("', ")
                    .append(i * 3).append(")");
            items.append(i > 1 ? ", " : "").append("(").append(i).append(", 'sku-").append(i).append("', ").append(i)
                    .append(")");
        }
        db.exec("INSERT INTO orders (id, customer, amount) VALUES " + orders);
        db.exec("INSERT INTO order_items (order_id, sku, qty) VALUES " + items);
    }

    /** The registry of the tests; subclasses may add to it. */
    JdbcRunRegistry.Builder registryBuilder() {
        return JdbcRunRegistry.builder(db.raw).table(REGISTRY);
    }

    /** Whether the twins are partitioned by run, so that a run's partition goes before its batches. */
    boolean dropsPartitions() {
        return false;
    }

    /** Registers the run expiring {@code fromNow} from database time, with {@code orders} orders of two items. */
    long seedRun(String runId, Duration fromNow, int orders) throws SQLException {
        registry.register(TestRun.of(runId, dbNow.minus(Duration.ofHours(3)), dbNow.plus(fromNow)));
        StringBuilder o = new StringBuilder();
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= orders; i++) {
            o.append(i > 1 ? ", " : "").append("(").append(i).append(", '").append(runId).append("', ").append(i)
                    .append(", '").append(runId).append("')");
            items.append(i > 1 ? ", " : "").append("(").append(i).append(", 'a', 1, '").append(runId).append("'), (")
                    .append(i).append(", 'b', 2, '").append(runId).append("')");
        }
        if (orders > 0) {
            db.exec("INSERT INTO " + db.shadow + ".orders (id, customer, amount, tip_run) VALUES " + o);
            db.exec("INSERT INTO " + db.shadow + ".order_items (order_id, sku, qty, tip_run) VALUES " + items);
        }
        return orders * 3L;
    }

    PurgeJob.Builder job(DataSource ds, JdbcRunRegistry reg) {
        return PurgeJob.builder(ds, reg).policies(db.policies()).shadowSchema(db.shadow).batchSize(7)
                .pause(Duration.ZERO).lockTimeout(Duration.ofSeconds(1)).lease(Duration.ofSeconds(5))
                .retry(Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(15));
    }

    long twinRows(String runId) throws SQLException {
        return db.count("SELECT 1 FROM " + db.shadow + ".orders WHERE tip_run = '" + runId + "'")
                + db.count("SELECT 1 FROM " + db.shadow + ".order_items WHERE tip_run = '" + runId + "'");
    }

    /** Production rows and the rows of the given runs, in order: equal strings mean untouched. */
    String kept(String... runs) throws SQLException {
        StringBuilder b = new StringBuilder();
        b.append(db.rows("SELECT * FROM orders ORDER BY id")).append(db.rows("SELECT * FROM order_items ORDER BY 1, 2"))
                .append(db.rows("SELECT * FROM countries ORDER BY 1"));
        for (String r : runs) {
            b.append(db.rows("SELECT id, customer, amount, tip_run FROM " + db.shadow + ".orders WHERE tip_run = '" + r
                    + "' ORDER BY id"));
            b.append(db.rows("SELECT order_id, sku, qty, tip_run FROM " + db.shadow + ".order_items WHERE tip_run = '"
                    + r + "' ORDER BY 1, 2"));
        }
        return b.toString();
    }

    @Test
    void onlyTheRowsOfExpiredRunsGoAndTheRunsAreMarkedPurgedWithCounts() throws SQLException {
        long e1 = seedRun("exp-1", Duration.ofMinutes(-10), 20);
        long e2 = seedRun("exp-2", Duration.ofMinutes(-1), 11);
        seedRun("act-1", Duration.ofHours(1), 15);
        String before = kept("act-1");
        int productionRows = db.rows("SELECT * FROM orders").size();

        PurgeReport report = job(db.raw, registry).build().purgeExpired();

        assertThat(report.purged()).containsExactlyInAnyOrderEntriesOf(Map.of("exp-1", e1, "exp-2", e2));
        assertThat(report.failed()).isEmpty();
        assertThat(twinRows("exp-1") + twinRows("exp-2")).isZero();
        assertThat(kept("act-1")).isEqualTo(before);
        assertThat(db.rows("SELECT * FROM orders")).hasSize(productionRows);
        assertThat(twinRows("act-1")).isEqualTo(45);
        RunRecord r = registry.record("exp-1").orElseThrow();
        assertThat(r.status()).isEqualTo(RunStatus.PURGED);
        assertThat(r.rowsPurged()).isEqualTo(e1);
        assertThat(r.purgeStarted()).isNotNull();
        assertThat(r.purgedAt()).isNotNull();
        assertThat(registry.status("act-1")).contains(RunStatus.ACTIVE);
        assertThat(job(db.raw, registry).build().purgeExpired().purged()).isEmpty();
    }

    @Test
    void twoPurgersAtOncePurgeEveryRunExactlyOnceEvenWithOneClockHoursOff() throws Exception {
        Map<String, Long> seeded = new HashMap<>();
        for (int i = 1; i <= 6; i++) {
            seeded.put("many-" + i, seedRun("many-" + i, Duration.ofMinutes(-i), 5 + i * 3));
        }
        seedRun("act-1", Duration.ofHours(1), 4);
        String before = kept("act-1");
        JdbcRunRegistry skewedRegistry = JdbcRunRegistry.builder(db.raw).table(REGISTRY)
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(-7))).build();
        List<PurgeJob> jobs = List.of(job(db.raw, registry).owner("purger-a").build(),
                job(db.raw, skewedRegistry).owner("purger-b-7h-behind").build());
        List<PurgeReport> reports = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> fs = new ArrayList<>();
            for (PurgeJob j : jobs) {
                fs.add(pool.submit(() -> {
                    start.await();
                    for (int pass = 0; pass < 3; pass++) {
                        reports.add(j.purgeExpired());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : fs) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        Map<String, Long> purged = new HashMap<>();
        for (PurgeReport r : reports) {
            assertThat(r.failed()).isEmpty();
            r.purged().forEach((run, rows) -> assertThat(purged.put(run, rows)).as("purged twice: " + run).isNull());
        }
        assertThat(purged).isEqualTo(seeded);
        for (String run : seeded.keySet()) {
            assertThat(twinRows(run)).isZero();
            assertThat(registry.record(run).orElseThrow().rowsPurged()).isEqualTo(seeded.get(run));
        }
        assertThat(kept("act-1")).isEqualTo(before);
    }

    @Test
    void aPurgeKilledAfterSomeBatchesIsFinishedByTheNextWithCountsAddingUp() throws Exception {
        long rows = seedRun("killed", Duration.ofMinutes(-5), 30);
        String before = kept();
        FlakyDataSource dying = new FlakyDataSource(db.raw).beforeDelete(4, n -> {
            throw new FlakyDataSource.Crash();
        });
        PurgeJob first = job(dying, registry).owner("dies").lease(Duration.ofMillis(900)).lockTimeout(Duration.ofMillis(300)).build();

        assertThatThrownBy(first::purgeExpired).isInstanceOf(FlakyDataSource.Crash.class);
        long deletedBeforeCrash = rows - twinRows("killed");
        assertThat(deletedBeforeCrash).isEqualTo(21);   // three batches of 7 committed
        assertThat(registry.record("killed").orElseThrow().status()).isEqualTo(RunStatus.PURGING);

        PurgeJob second = job(db.raw, registry).owner("takes-over").build();
        assertThat(second.purgeExpired().skipped()).isEmpty();   // not yet claimable: lease still held
        Thread.sleep(1000);
        PurgeReport report = second.purgeExpired();

        assertThat(report.purged()).containsEntry("killed", rows - deletedBeforeCrash);
        assertThat(twinRows("killed")).isZero();
        assertThat(registry.record("killed").orElseThrow().rowsPurged()).isEqualTo(rows);
        assertThat(registry.status("killed")).contains(RunStatus.PURGED);
        assertThat(kept()).isEqualTo(before);
    }

    @Test
    void aDatabaseThatGoesAwayMidPurgeIsRetriedWithBackoffAndThePurgeResumes() throws SQLException {
        long rows = seedRun("flaky", Duration.ofMinutes(-5), 25);
        FlakyDataSource flaky = new FlakyDataSource(db.raw);
        flaky.beforeDelete(3, n -> flaky.goAway(700));

        PurgeReport report = job(flaky, registry).build().purgeExpired();

        assertThat(flaky.refused.get()).isPositive();
        assertThat(report.failed()).isEmpty();
        assertThat(report.purged()).containsEntry("flaky", rows);
        assertThat(twinRows("flaky")).isZero();
        assertThat(registry.record("flaky").orElseThrow().rowsPurged()).isEqualTo(rows);
    }

    @Test
    void aRunExtendedWhileExpiredIsNotPurgedUntilItsNewExpiry() throws SQLException {
        seedRun("late", Duration.ofMinutes(-5), 6);
        registry.admit(TestRun.of("late", dbNow, dbNow.plus(Duration.ofMinutes(30))));
        String before = kept("late");

        PurgeReport report = job(db.raw, registry).build().purgeExpired();

        assertThat(report.purged()).isEmpty();
        assertThat(kept("late")).isEqualTo(before);
        assertThat(registry.status("late")).contains(RunStatus.ACTIVE);
    }

    @Test
    void aStragglerRowIsFoundByTheAuditAndPurgedByTheNextPass() throws SQLException {
        long rows = seedRun("strag", Duration.ofMinutes(-5), 3);
        PurgeJob job = job(db.raw, registry).build();
        job.purgeExpired();
        assertThat(job.audit().isClean()).isTrue();
        db.exec("INSERT INTO " + db.shadow + ".orders (id, customer, amount, tip_run) VALUES (99, 'late', 1, 'strag')");
        List<String> leaks = new CopyOnWriteArrayList<>();
        PurgeJob listened = job(db.raw, registry).listener(new PurgeListener() {
            @Override
            public void onLeak(String kind, String detail) {
                leaks.add(kind);
            }
        }).build();

        PurgeAudit audit = listened.audit();
        assertThat(audit.leftBehind()).extracting(PurgeAudit.Rows::runId, PurgeAudit.Rows::rows)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("strag", 1L));
        assertThat(leaks).containsExactly("left-behind");

        PurgeReport report = job.purgeExpired();
        assertThat(report.purged()).containsEntry("strag", 1L);
        assertThat(twinRows("strag")).isZero();
        assertThat(registry.record("strag").orElseThrow().rowsPurged()).isEqualTo(rows + 1);
        assertThat(job.audit().isClean()).isTrue();
    }

    @Test
    void theAuditReportsRowsOfUnknownRunsAndOverdueRuns() throws SQLException {
        db.exec("INSERT INTO " + db.shadow + ".orders (id, customer, amount, tip_run) VALUES (1, 'x', 1, 'ghost')");
        seedRun("overdue", Duration.ofHours(-2), 1);
        seedRun("fresh", Duration.ofMinutes(-1), 1);

        PurgeAudit audit = job(db.raw, registry).overdueAfter(Duration.ofHours(1)).build().audit();

        assertThat(audit.unknownRuns()).extracting(PurgeAudit.Rows::runId).containsExactly("ghost");
        assertThat(audit.overdue()).extracting(RunRecord::runId).containsExactly("overdue");
        assertThat(audit.drift()).isEmpty();
        assertThat(audit.isClean()).isFalse();
        assertThat(audit.lines()).anyMatch(l -> l.contains("ghost"));
    }

    @Test
    void aDryRunTellsWhatWouldGoAndDeletesNothing() throws SQLException {
        long rows = seedRun("dry", Duration.ofMinutes(-1), 4);
        String before = kept("dry");

        PurgeReport report = job(db.raw, registry).build().dryRun();

        assertThat(report.dryRun()).isTrue();
        assertThat(report.purged()).containsExactly(Map.entry("dry", rows));
        assertThat(kept("dry")).isEqualTo(before);
        assertThat(registry.status("dry")).contains(RunStatus.EXPIRED);
    }

    @Test
    void purgeNowPurgesAnActiveRunAndItsTokensAreRefusedFromTheStart() throws SQLException {
        long rows = seedRun("harness", Duration.ofHours(1), 5);
        seedRun("other", Duration.ofHours(1), 2);
        String before = kept("other");

        PurgeReport report = job(db.raw, registry).inFlightAllowance(Duration.ofMillis(200)).build().purgeNow("harness");

        assertThat(report.purged()).containsExactly(Map.entry("harness", rows));
        assertThat(twinRows("harness")).isZero();
        assertThat(kept("other")).isEqualTo(before);
        assertThat(registry.admit(TestRun.of("harness", dbNow, dbNow.plus(Duration.ofHours(2)))).status())
                .isEqualTo(RunStatus.PURGED);
    }

    @Test
    void thePurgeAsTheTestIdentityDeletesOnlyTheRowsOfExpiredRuns() throws SQLException {
        long e1 = seedRun("tid-exp", Duration.ofMinutes(-3), 12);
        long e2 = seedRun("tid-exp2", Duration.ofMinutes(-2), 4);
        seedRun("tid-act", Duration.ofHours(1), 5);
        String before = kept("tid-act");

        PurgeReport report = job(db.raw, registry).testIdentity(db.testPool).build().purgeExpired();

        assertThat(report.failed()).isEmpty();
        assertThat(report.purged()).containsExactlyInAnyOrderEntriesOf(Map.of("tid-exp", e1, "tid-exp2", e2));
        assertThat(twinRows("tid-exp") + twinRows("tid-exp2")).isZero();
        assertThat(kept("tid-act")).isEqualTo(before);
        assertThat(registry.record("tid-exp").orElseThrow().rowsPurged()).isEqualTo(e1);
        assertThat(registry.status("tid-exp2")).contains(RunStatus.PURGED);
        assertThat(registry.status("tid-act")).contains(RunStatus.ACTIVE);
    }

    @Test
    void aWrongDeleteOfThePurgeAsTheTestIdentityIsRefusedByTheDatabaseAndNoProductionRowGoes() throws Exception {
        long rows = seedRun("wrong", Duration.ofMinutes(-3), 6);
        String production = db.productionSchema() + ".orders";
        String before = kept();
        try (Connection c = db.testPool.getConnection(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM " + production)).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM " + db.productionSchema() + ".order_items WHERE 1 = 1"))
                    .isInstanceOf(SQLException.class);
        }
        assertThat(kept()).isEqualTo(before);
        FlakyDataSource wrong = new FlakyDataSource(db.testPool).rewriteDeletes(sql -> {
            long params = sql.chars().filter(ch -> ch == '?').count();
            return "DELETE FROM " + production + " WHERE customer NOT IN (" + "?, ".repeat((int) params - 1) + "?)";
        });

        PurgeReport report = job(db.raw, registry).testIdentity(wrong).build().purgeExpired();

        assertThat(wrong.deletes.get()).isPositive();
        assertThat(report.purged()).isEmpty();
        assertThat(report.failed()).containsKey("wrong");
        assertThat(kept()).isEqualTo(before);
        if (!dropsPartitions()) {   // partitioned: the first twin's partition went (as the owner) before the refusal
            assertThat(twinRows("wrong")).isEqualTo(rows);
        }
        assertThat(registry.status("wrong")).contains(RunStatus.FAILED);
    }

    @Test
    void builderNamesTheBadValue() {
        assertThatThrownBy(() -> PurgeJob.builder(db.raw, registry).build())
                .hasMessageContaining("policies(TablePolicies)");
        assertThatThrownBy(() -> job(db.raw, registry).batchSize(0).build()).hasMessageContaining("batch size 0");
        assertThatThrownBy(() -> job(db.raw, registry).shadowSchema("x;y").build()).hasMessageContaining("'x;y'");
        assertThatThrownBy(() -> job(db.raw, registry).lease(Duration.ofSeconds(1)).lockTimeout(Duration.ofSeconds(2))
                .build()).hasMessageContaining("lease PT1S");
        assertThatThrownBy(() -> job(db.raw, registry).testIdentity(db.raw).build())
                .hasMessageContaining("testIdentity(...)");
    }
}
