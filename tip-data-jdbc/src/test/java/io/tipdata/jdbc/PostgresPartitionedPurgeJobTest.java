package io.tipdata.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipdata.core.KillSwitch;
import io.tipdata.core.RunRegistry.RunStatus;
import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import io.tipdata.core.purge.PurgeReport;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The purge contract on PostgreSQL twins partitioned by run: partitions made at registration by the owner,
 * detached and dropped at purge, DEFAULT for everything else; plus what only partitioned twins do.
 */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class PostgresPartitionedPurgeJobTest extends PurgeJobContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgresPartitioned("tdpj_pgp");
    }

    @Override
    JdbcRunRegistry.Builder registryBuilder() {
        return super.registryBuilder().runPartitions(db.shadowSchema());
    }

    @Override
    boolean dropsPartitions() {
        return true;
    }

    /** The bounds of the partitions of the twin, sorted. */
    List<String> bounds(String table) throws SQLException {
        return db.rows("SELECT pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i JOIN pg_class c ON c.oid ="
                + " i.inhrelid WHERE i.inhparent = '" + db.shadow + "." + table + "'::regclass AND c.relkind = 'r'"
                + " ORDER BY 1");
    }

    /** The name of the run's partition of the twin. */
    String partition(String table, String runId) throws SQLException {
        return db.rows("SELECT c.oid::regclass::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                + " WHERE i.inhparent = '" + db.shadow + "." + table + "'::regclass AND pg_get_expr(c.relpartbound,"
                + " c.oid) = 'FOR VALUES IN (''" + runId + "'')'").get(0);
    }

    long inDefault(String table) throws SQLException {
        String def = db.rows("SELECT partdefid::regclass::text FROM pg_partitioned_table WHERE partrelid = '"
                + db.shadow + "." + table + "'::regclass").get(0);
        return db.count("SELECT 1 FROM " + def);
    }

    @Test
    void theTwinsArePartitionedByRunWithADefaultAndTheSchemaChecksClean() throws SQLException {
        assertThat(db.rows("SELECT p.partstrat FROM pg_partitioned_table p WHERE p.partrelid = '" + db.shadow
                + ".orders'::regclass")).containsExactly("l");
        assertThat(bounds("orders")).contains("DEFAULT");
        assertThat(db.shadowSchema().check()).isEmpty();
    }

    @Test
    void aRunGetsItsPartitionAtRegistrationAndLosesItAtPurge() throws SQLException {
        long rows = seedRun("part-a", Duration.ofMinutes(-5), 4);
        seedRun("part-b", Duration.ofHours(1), 2);
        assertThat(bounds("orders")).contains("FOR VALUES IN ('part-a')", "FOR VALUES IN ('part-b')", "DEFAULT");
        assertThat(bounds("order_items")).contains("FOR VALUES IN ('part-a')", "FOR VALUES IN ('part-b')");
        assertThat(inDefault("orders") + inDefault("order_items")).isZero();
        String before = kept("part-b");

        PurgeReport report = job(db.raw, registry).build().purgeExpired();

        assertThat(report.purged()).containsExactly(java.util.Map.entry("part-a", rows));
        assertThat(bounds("orders")).doesNotContain("FOR VALUES IN ('part-a')").contains("FOR VALUES IN ('part-b')");
        assertThat(bounds("order_items")).doesNotContain("FOR VALUES IN ('part-a')");
        assertThat(db.rows("SELECT 1 FROM pg_class WHERE relname LIKE '%\\_r\\_part-a'")).isEmpty();
        assertThat(kept("part-b")).isEqualTo(before);
        assertThat(registry.record("part-a").orElseThrow().rowsPurged()).isEqualTo(rows);
    }

    @Override
    @Test
    void aPurgeKilledAfterSomeBatchesIsFinishedByTheNextWithCountsAddingUp() throws Exception {
        long rows = seedRun("killed", Duration.ofMinutes(-5), 30);
        String before = kept();
        // statements: DETACH of the first twin's partition, its (empty) DEFAULT batch, then DETACH of the second
        FlakyDataSource dying = new FlakyDataSource(db.raw).beforeDelete(3, n -> {
            throw new FlakyDataSource.Crash();
        });
        PurgeJob first = job(dying, registry).owner("dies").lease(Duration.ofMillis(900))
                .lockTimeout(Duration.ofMillis(300)).build();

        assertThatThrownBy(first::purgeExpired).isInstanceOf(FlakyDataSource.Crash.class);
        long deletedBeforeCrash = rows - twinRows("killed");
        assertThat(deletedBeforeCrash).isIn(30L, 60L);   // exactly one twin's partition: 30 orders or 60 items
        assertThat(registry.record("killed").orElseThrow().rowsPurged()).isEqualTo(deletedBeforeCrash);
        assertThat(registry.record("killed").orElseThrow().status()).isEqualTo(RunStatus.PURGING);

        PurgeJob second = job(db.raw, registry).owner("takes-over").build();
        Thread.sleep(1000);
        PurgeReport report = second.purgeExpired();

        assertThat(report.purged()).containsEntry("killed", rows - deletedBeforeCrash);
        assertThat(twinRows("killed")).isZero();
        assertThat(registry.record("killed").orElseThrow().rowsPurged()).isEqualTo(rows);
        assertThat(kept()).isEqualTo(before);
    }

    @Test
    void aStragglerOfADroppedRunLandsInDefaultIsReportedAndPurgedByBatches() throws SQLException {
        long rows = seedRun("late-row", Duration.ofMinutes(-5), 2);
        PurgeJob job = job(db.raw, registry).build();
        job.purgeExpired();
        long defaultBefore = inDefault("orders");

        db.exec("INSERT INTO " + db.shadow + ".orders (id, customer, amount, tip_run) VALUES (77, 'late', 1, 'late-row')");

        assertThat(inDefault("orders")).isEqualTo(defaultBefore + 1);
        assertThat(job.audit().leftBehind()).extracting(PurgeAudit.Rows::runId).containsExactly("late-row");
        assertThat(job.purgeExpired().purged()).containsEntry("late-row", 1L);
        assertThat(inDefault("orders")).isEqualTo(defaultBefore);
        assertThat(registry.record("late-row").orElseThrow().rowsPurged()).isEqualTo(rows + 1);
        assertThat(job.audit().isClean()).isTrue();
    }

    @Test
    void aRunWhoseRowsAreInDefaultBeforeItsRegistrationStaysThereAndIsPurgedByBatches() throws SQLException {
        seedRun("bystander", Duration.ofHours(1), 6);   // its own partition: the same ctids as the DEFAULT rows
        String before = kept("bystander");
        db.exec("INSERT INTO " + db.shadow + ".orders (id, customer, amount, tip_run) VALUES (500, 'early', 1, 'early')");
        long rows = seedRun("early", Duration.ofMinutes(-5), 4) + 1;

        assertThat(bounds("orders")).doesNotContain("FOR VALUES IN ('early')");   // DEFAULT held a row of it
        assertThat(bounds("order_items")).contains("FOR VALUES IN ('early')");
        assertThat(inDefault("orders")).isEqualTo(5);
        PurgeReport report = job(db.raw, registry).build().purgeExpired();

        assertThat(report.purged()).containsEntry("early", rows);
        assertThat(twinRows("early")).isZero();
        assertThat(kept("bystander")).isEqualTo(before);
        assertThat(registry.record("early").orElseThrow().rowsPurged()).isEqualTo(rows);
    }

    @Test
    void theTestIdentityReachesPartitionsOnlyThroughTheParentAndNeedsNoDdl() throws SQLException {
        seedRun("ident", Duration.ofHours(1), 1);
        String partition = partition("orders", "ident");
        try (Connection c = db.testPool.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO " + db.shadow + ".orders (id, customer, amount, tip_run)"
                    + " VALUES (2, 'via-parent', 1, 'ident')");
            assertThat(st.executeUpdate("UPDATE " + db.shadow + ".orders SET amount = 2 WHERE tip_run = 'ident'"))
                    .isEqualTo(2);
            for (String direct : List.of("SELECT * FROM " + partition, "INSERT INTO " + partition
                    + " (id, customer, amount, tip_run) VALUES (3, 'direct', 1, 'ident')", "DELETE FROM " + partition,
                    "ALTER TABLE " + db.shadow + ".orders DETACH PARTITION " + partition, "DROP TABLE " + partition,
                    "CREATE TABLE " + db.shadow + ".evil PARTITION OF " + db.shadow + ".orders FOR VALUES IN ('evil')")) {
                assertThatThrownBy(() -> st.execute(direct)).as(direct).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("42501", "42P01"));
            }
        }
        assertThat(twinRows("ident")).isEqualTo(4);
        assertThat(db.shadowSchema().check()).isEmpty();
    }

    @Test
    void checkAndUpdateFollowTheParentAndRestoreAMissingDefault() throws SQLException {
        seedRun("drift", Duration.ofHours(1), 1);
        String partition = partition("orders", "drift");
        db.exec("ALTER TABLE orders ADD COLUMN note VARCHAR(20)");
        String def = db.rows("SELECT partdefid::regclass::text FROM pg_partitioned_table WHERE partrelid = '"
                + db.shadow + ".orders'::regclass").get(0);
        try {
            assertThat(db.shadowSchema().check()).anySatisfy(p -> assertThat(p.toString()).contains("note"));
            db.exec("DROP TABLE " + def);
            assertThat(db.shadowSchema().check()).anySatisfy(p -> assertThat(p.toString())
                    .contains("no DEFAULT partition"));

            ShadowUpdate update = db.shadowSchema().update();

            assertThat(update.refused()).isEmpty();
            assertThat(db.shadowSchema().check()).isEmpty();
            assertThat(db.rows("SELECT 1 FROM pg_attribute WHERE attrelid = '" + partition + "'::regclass"
                    + " AND attname = 'note' AND NOT attisdropped")).hasSize(1);
            assertThat(bounds("orders")).contains("DEFAULT");
            db.exec("INSERT INTO " + db.shadow + ".orders (id, customer, amount, tip_run, note) VALUES (9, 'x', 1,"
                    + " 'no-partition', 'n')");
        } finally {
            db.exec("ALTER TABLE orders DROP COLUMN note");
            db.shadowSchema().update();
        }
    }

    @Test
    void testTrafficThroughTipDataSourceWritesAndReadsItsPartitionAndNeverProduction() throws Exception {
        seedRun("traffic", Duration.ofHours(1), 0);
        TestRun run = TestRun.of("traffic", dbNow, dbNow.plus(Duration.ofHours(1)));
        TipDataSource tip = TipDataSource.wrap(db.raw).testConnections(db.testPool).policies(db.policies())
                .shadowSchema(db.shadow).killSwitch(KillSwitch.create()).build();
        String production = kept();

        List<String> seen = TipContext.call(run, () -> {
            try (Connection c = tip.getConnection(); Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO orders (customer, amount) VALUES ('t-1', 5), ('t-2', 6)");
                st.executeUpdate("UPDATE orders SET amount = amount + 1 WHERE customer = 't-1'");
                st.executeUpdate("INSERT INTO order_items (order_id, sku, qty) VALUES (1, 'a', 1)"
                        + " ON CONFLICT (order_id, sku) DO UPDATE SET qty = order_items.qty + 1");
                st.executeUpdate("INSERT INTO order_items (order_id, sku, qty) VALUES (1, 'a', 1)"
                        + " ON CONFLICT (order_id, sku) DO UPDATE SET qty = order_items.qty + 1");
                List<String> rows = new java.util.ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT o.customer, o.amount FROM orders o ORDER BY o.customer")) {
                    while (rs.next()) {
                        rows.add(rs.getString(1) + "=" + rs.getInt(2));
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT qty FROM order_items WHERE order_id = 1 AND sku = 'a'")) {
                    rs.next();
                    rows.add("qty=" + rs.getInt(1));
                }
                return rows;
            }
        });

        assertThat(seen).containsExactly("t-1=6", "t-2=6", "qty=2");
        assertThat(kept()).isEqualTo(production);
        String partition = partition("orders", "traffic");
        assertThat(db.count("SELECT 1 FROM " + partition)).isEqualTo(2);
        assertThat(inDefault("orders")).isZero();
        assertThat(job(db.raw, registry).testIdentity(db.testPool).inFlightAllowance(Duration.ZERO).build()
                .purgeNow("traffic").purged())
                .containsEntry("traffic", 3L);
        assertThat(kept()).isEqualTo(production);
    }
}
