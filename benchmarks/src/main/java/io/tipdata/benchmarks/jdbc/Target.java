package io.tipdata.benchmarks.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.tipdata.core.TestRun;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/** What the JDBC workload goes through; the benchmark's {@code target} parameter names one in lower case. */
public enum Target {
    /** HikariCP alone: the baseline. */
    RAW,
    /** TipDataSource over the same pool, production traffic (no test context). */
    TIP_PRODUCTION,
    /** TipDataSource over the same pool, test traffic: a test context is bound around each operation. */
    TIP_TEST,
    /**
     * As {@link #TIP_TEST}, with the second wall: test connections come from a second pool that logs in as the
     * test identity (granted by ShadowSchema).
     */
    TIP_TEST_IDENTITY,
    /**
     * Control for {@link #TIP_TEST}: HikariCP alone sending the SQL tip-data would send for the run (to the
     * shadow twin, run stamped and filtered). It separates the database's cost of the twin from tip-data's.
     */
    RAW_TWIN_SQL,
    /** ShardingSphere-JDBC shadow rule over the same pool, production traffic (no hint). */
    SHARDINGSPHERE_PRODUCTION,
    /** ShardingSphere-JDBC shadow rule, test traffic: every statement carries the SQL_HINT shadow hint. */
    SHARDINGSPHERE_SHADOW;

    /** The target with that (case-insensitive) name, or an error that lists the names. */
    static Target named(String name) {
        for (Target t : values()) {
            if (t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown target '" + name + "'; use one of "
                + Arrays.toString(values()).toLowerCase(Locale.ROOT));
    }

    /**
     * Builds this target's data source on fresh tables with {@link Workload#ROWS} rows where its
     * traffic reads them, and checks that its routing is right before anything is measured.
     */
    Opened open(BenchDatabase db, TestRun run) throws SQLException {
        db.prepareServer();
        List<AutoCloseable> resources = new ArrayList<>();
        HikariDataSource production = db.productionPool("bench-production");
        resources.add(production);
        Workload.createTable(production);
        switch (this) {
            case RAW:
                Workload.load(production, Workload.INSERT, Workload.ROWS);
                return new Opened(production, "", null, resources).insertsLandIn(production, Workload.TABLE);
            case RAW_TWIN_SQL: {
                DataSource tip = TipTargets.open(db, production);
                TipTargets.loadInTest(tip, production, run);
                return new Opened(production, TipTargets.rewritten(db, Workload.SELECT, run),
                        TipTargets.rewritten(db, Workload.INSERT, run), TipTargets.rewritten(db, Workload.UPDATE, run),
                        null, resources).insertsLandIn(production, TipTargets.TWIN);
            }
            case TIP_TEST_IDENTITY: {
                HikariDataSource testPool = db.testIdentityPool("bench-test-identity");
                resources.add(0, testPool);
                DataSource tip = TipTargets.open(db, production, testPool);
                TipTargets.verifyRouting(tip, production, run);
                TipTargets.loadInTest(tip, production, run);
                return new Opened(tip, "", run, resources).insertsLandIn(production, TipTargets.TWIN);
            }
            case TIP_PRODUCTION:
            case TIP_TEST: {
                DataSource tip = TipTargets.open(db, production);
                TipTargets.verifyRouting(tip, production, run);
                if (this == TIP_PRODUCTION) {
                    Workload.load(tip, Workload.INSERT, Workload.ROWS);
                    return new Opened(tip, "", null, resources).insertsLandIn(production, Workload.TABLE);
                }
                TipTargets.loadInTest(tip, production, run);
                return new Opened(tip, "", run, resources).insertsLandIn(production, TipTargets.TWIN);
            }
            case SHARDINGSPHERE_PRODUCTION:
            case SHARDINGSPHERE_SHADOW: {
                HikariDataSource shadow = db.peerShadowPool("bench-peer-shadow");
                resources.add(shadow);
                Workload.createTable(shadow);
                DataSource sharding = ShardingSphereShadow.create(production, shadow);
                resources.add(0, (AutoCloseable) sharding);
                ShardingSphereShadow.verifyRouting(sharding, production, shadow);
                String hint = this == SHARDINGSPHERE_SHADOW ? ShardingSphereShadow.HINT : "";
                Workload.load(sharding, hint + Workload.INSERT, Workload.ROWS);
                return new Opened(sharding, hint, null, resources)
                        .insertsLandIn(this == SHARDINGSPHERE_SHADOW ? shadow : production, Workload.TABLE);
            }
            default:
                throw new IllegalStateException("unknown target " + this);
        }
    }

    /** A target ready to measure: its data source, the prefix its statements carry, and its test run. */
    static final class Opened implements AutoCloseable {
        final DataSource dataSource;
        final String select;
        final String insert;
        final String update;
        /** The test run to bind around each operation, or null for production traffic. */
        final TestRun run;
        private final List<AutoCloseable> resources;
        private DataSource insertStore;
        private String insertTable;

        Opened(DataSource dataSource, String prefix, TestRun run, List<AutoCloseable> resources) {
            this(dataSource, prefix + Workload.SELECT, prefix + Workload.INSERT, prefix + Workload.UPDATE, run,
                    resources);
        }

        Opened(DataSource dataSource, String select, String insert, String update, TestRun run,
                List<AutoCloseable> resources) {
            this.dataSource = dataSource;
            this.select = select;
            this.insert = insert;
            this.update = update;
            this.run = run;
            this.resources = resources;
        }

        /** Records where this target's measured inserts land (read and cleared directly, never through it). */
        Opened insertsLandIn(DataSource direct, String table) {
            this.insertStore = direct;
            this.insertTable = table;
            return this;
        }

        /**
         * Deletes the rows inserted while measuring, directly, so every iteration inserts into a table of
         * {@link Workload#ROWS} rows instead of one that grows by millions of rows per fork.
         */
        void removeMeasuredInserts() throws SQLException {
            Workload.deleteFrom(insertStore, insertTable, Workload.FIRST_INSERT_ID);
        }

        @Override
        public void close() throws Exception {
            for (AutoCloseable r : resources) {
                r.close();
            }
        }
    }
}
