package io.tipdata.benchmarks.purge;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tipdata.core.TestRun;
import io.tipdata.core.purge.PurgeReport;
import io.tipdata.jdbc.JdbcRunRegistry;
import io.tipdata.jdbc.PurgeJob;
import io.tipdata.jdbc.ShadowSchema;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TablePolicy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Purge rate and production latency during the purge, in one run: seeds {@code prodRows} production rows and
 * {@code testRows} test rows of {@code runs} expired runs in a twin, measures the p50/p99 of a production
 * point select plus update workload ({@code threads} threads) in quiet windows (together {@code baselineSeconds})
 * and while {@link PurgeJob#purgeNow} deletes the runs one by one, quiet and purge windows in turn, and prints rows
 * per second and the p99 ratio. One workload runs throughout (a second of warm-up first); each operation counts in
 * the window it started in. The seeded tables are vacuumed, analyzed and checkpointed (PostgreSQL), or left until
 * InnoDB has flushed and purged the load (MariaDB), before anything is measured. Not JMH: the purge is one long
 * operation, measured once.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.tipdata.benchmarks.purge.PurgeLatencyHarness \
 *     pg|mariadb JDBC_URL USER PASSWORD [testRows prodRows runs threads baselineSeconds batchSize pauseMillis
 *     batched|partitioned]
 * </pre>
 * The URL names a database the harness may fill: it creates (and drops first) the schema or database
 * {@code tip_bench_purge} and its shadow {@code tip_bench_purge_shadow}. {@code partitioned} (PostgreSQL only)
 * makes the twin partitioned by run ({@code ShadowSchema.Builder.partitionByRun(true)}): the runs are registered
 * first, through a registry that creates their partitions, and the purge detaches and drops each run's partition;
 * {@code batched} (the default) is the plain twin purged by batched deletes. Seeding is one
 * {@code INSERT ... SELECT} per table from {@code generate_series} (PostgreSQL) or {@code seq_1_to_N} (MariaDB's
 * Sequence engine), so 1,000,000 rows take seconds. The last line is a Markdown row for docs/BENCHMARKS.md.
 */
public final class PurgeLatencyHarness {

    private PurgeLatencyHarness() {
    }

    public static void main(String[] a) throws Exception {
        boolean pg = a[0].equals("pg");
        String url = a[1];
        String user = a[2];
        String password = a.length > 3 ? a[3] : "";
        int testRows = arg(a, 4, 1_000_000);
        int prodRows = arg(a, 5, 1_000_000);
        int runs = arg(a, 6, 5);
        int threads = arg(a, 7, 4);
        int baselineSeconds = arg(a, 8, 20);
        int batch = arg(a, 9, 1000);
        int pause = arg(a, 10, 5);
        String form = a.length > 11 ? a[11] : "batched";
        if (!form.equals("batched") && !form.equals("partitioned") || form.equals("partitioned") && !pg) {
            throw new IllegalArgumentException("form '" + form + "': give batched, or partitioned on pg only");
        }
        boolean partitioned = form.equals("partitioned");
        String schema = "tip_bench_purge";
        String shadow = schema + "_shadow";
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            for (String s : pg ? List.of("DROP SCHEMA IF EXISTS " + schema + " CASCADE",
                    "DROP SCHEMA IF EXISTS " + shadow + " CASCADE", "CREATE SCHEMA " + schema)
                    : List.of("DROP DATABASE IF EXISTS " + schema, "DROP DATABASE IF EXISTS " + shadow,
                    "CREATE DATABASE " + schema)) {
                st.execute(s);
            }
        }
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(pg ? url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema
                : url.replaceFirst("(jdbc:mariadb://[^/]+/)[^?]*", "$1" + schema));
        cfg.setUsername(user);
        cfg.setPassword(password);
        cfg.setMaximumPoolSize(threads + 3);
        try (HikariDataSource ds = new HikariDataSource(cfg)) {
            exec(ds, "CREATE TABLE accounts (id BIGINT PRIMARY KEY, balance BIGINT NOT NULL, note VARCHAR(40))");
            TablePolicies policies = TablePolicies.builder().table(TablePolicy.ISOLATED, "accounts").build();
            ShadowSchema shadowSchema = ShadowSchema.builder(ds).policies(policies).shadowSchema(shadow)
                    .partitionByRun(partitioned).build();
            shadowSchema.create();
            JdbcRunRegistry.Builder registryBuilder = JdbcRunRegistry.builder(ds);
            JdbcRunRegistry registry = (partitioned ? registryBuilder.runPartitions(shadowSchema) : registryBuilder)
                    .build();
            registry.createTable();
            Instant now = registry.now();
            for (int r = 0; r < runs; r++) {
                registry.register(TestRun.of("bench-run-" + r, now.minusSeconds(7200), now.minusSeconds(60)));
            }
            String series = pg ? "generate_series(1, %d) AS s(g)" : "seq_1_to_%d AS s";
            String g = pg ? "g" : "s.seq";
            long t0 = System.nanoTime();
            exec(ds, "INSERT INTO accounts SELECT " + g + ", " + g + " * 10, 'customer' FROM "
                    + String.format(Locale.ROOT, series, prodRows));
            exec(ds, "INSERT INTO " + shadow + ".accounts (id, balance, note, tip_run) SELECT " + g + ", 0, 'test', "
                    + (pg ? "'bench-run-' || (g % " + runs + ")" : "CONCAT('bench-run-', s.seq % " + runs + ")")
                    + " FROM " + String.format(Locale.ROOT, series, testRows));
            settle(ds, pg, shadow);
            System.out.printf(Locale.ROOT, "seeded and settled %d production and %d test rows (%d runs) in %.1f s%n", prodRows,
                    testRows, runs, (System.nanoTime() - t0) / 1e9);
            PurgeJob job = PurgeJob.builder(ds, registry).policies(policies).shadowSchema(shadow).batchSize(batch)
                    .pause(Duration.ofMillis(pause)).build();

            // one workload throughout: a second of warm-up, then quiet windows and purge windows in turn (quiet, run
            // 1, quiet, run 2, ..., quiet), so that a drift of the workload over time (dead rows of its own updates,
            // the cache) falls on both phases alike; each operation counts in the window it started in
            Workload workload = new Workload(ds, prodRows, threads);
            Thread.sleep(1000);
            long quietMillis = baselineSeconds * 1000L / (runs + 1);
            List<long[]> quiet = new ArrayList<>();
            List<long[]> purge = new ArrayList<>();
            long rows = 0;
            int purged = 0;
            List<String> failed = new ArrayList<>();
            for (int r = 0; r <= runs; r++) {
                long q0 = System.nanoTime();
                Thread.sleep(quietMillis);
                quiet.add(new long[] {q0, System.nanoTime()});
                if (r == runs) {
                    break;
                }
                long p0 = System.nanoTime();
                PurgeReport report = job.purgeNow("bench-run-" + r);
                purge.add(new long[] {p0, System.nanoTime()});
                rows += report.rows();
                purged += report.purged().size();
                report.failed().forEach((run, why) -> failed.add(run + ": " + why));
            }
            workload.stop();
            double seconds = purge.stream().mapToLong(w -> w[1] - w[0]).sum() / 1e9;
            long[] before = workload.within(quiet);
            long[] purging = workload.within(purge);

            System.out.printf(Locale.ROOT, "purge: %d runs, %d rows in %.1f s = %.0f rows/s (batch %d, pause %d ms,"
                    + " failed %s)%n", purged, rows, seconds, rows / seconds, batch, pause, failed);
            System.out.printf(Locale.ROOT, "workload in the quiet windows: %d ops, p50 %.2f ms, p99 %.2f ms%n",
                    before.length, pct(before, 50), pct(before, 99));
            System.out.printf(Locale.ROOT, "workload during the purges:    %d ops, p50 %.2f ms, p99 %.2f ms%n",
                    purging.length, pct(purging, 50), pct(purging, 99));
            System.out.printf(Locale.ROOT, "p99 ratio during/without: %.2f (target <= 1.20)%n",
                    pct(purging, 99) / pct(before, 99));
            String version;
            try (Connection c = ds.getConnection()) {
                version = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion()
                        .replaceFirst("^(\\d+(\\.\\d+)*).*", "$1");
            }
            System.out.println("| database | form | test rows / production rows / runs | threads, baseline | batch, pause"
                    + " | purge rate | p99 without | p99 during | ratio |");
            System.out.printf(Locale.ROOT, "| %s | %s | %,d / %,d / %d | %d, %d s | %d, %d ms | %,.0f rows/s | %.2f ms"
                    + " | %.2f ms | %.2f |%n", version, form, testRows, prodRows, runs, threads, baselineSeconds, batch,
                    pause, rows / seconds, pct(before, 99), pct(purging, 99),
                    pct(purging, 99) / pct(before, 99));
        }
    }

    /** Point select plus update of a random production row, in a loop on each thread, start and latency recorded. */
    static final class Workload {
        private static final int MAX = 2_000_000;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final List<Thread> threads = new ArrayList<>();
        private final List<long[]> starts = new ArrayList<>();
        private final List<long[]> latencies = new ArrayList<>();
        private final int[] counts;

        Workload(HikariDataSource ds, int rows, int n) {
            counts = new int[n];
            for (int i = 0; i < n; i++) {
                long[] at = new long[MAX];
                long[] lat = new long[MAX];
                starts.add(at);
                latencies.add(lat);
                int me = i;
                Thread t = new Thread(() -> {
                    try (Connection c = ds.getConnection();
                         PreparedStatement sel = c.prepareStatement("SELECT balance FROM accounts WHERE id = ?");
                         PreparedStatement upd = c.prepareStatement("UPDATE accounts SET balance = balance + 1 WHERE id = ?")) {
                        while (!stop.get() && counts[me] < MAX) {
                            long id = 1 + ThreadLocalRandom.current().nextLong(rows);
                            long s = System.nanoTime();
                            sel.setLong(1, id);
                            try (ResultSet rs = sel.executeQuery()) {
                                rs.next();
                            }
                            upd.setLong(1, id);
                            upd.executeUpdate();
                            at[counts[me]] = s;
                            lat[counts[me]++] = System.nanoTime() - s;
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                threads.add(t);
                t.start();
            }
        }

        void stop() throws InterruptedException {
            stop.set(true);
            for (Thread t : threads) {
                t.join();
            }
        }

        /** The latencies, sorted, of the operations that started in one of the windows {@code [from, to)}. */
        long[] within(List<long[]> windows) {
            long[] out = new long[Arrays.stream(counts).sum()];
            int k = 0;
            for (int i = 0; i < counts.length; i++) {
                for (int j = 0; j < counts[i]; j++) {
                    long at = starts.get(i)[j];
                    for (long[] w : windows) {
                        if (at >= w[0] && at < w[1]) {
                            out[k++] = latencies.get(i)[j];
                            break;
                        }
                    }
                }
            }
            long[] sorted = Arrays.copyOf(out, k);
            Arrays.sort(sorted);
            return sorted;
        }
    }

    static double pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p / 100.0))] / 1e6;
    }

    static int arg(String[] a, int i, int def) {
        return a.length > i ? Integer.parseInt(a[i]) : def;
    }

    /**
     * Leaves the seeded tables as a production database's tables are between bulk loads: vacuumed, analyzed and
     * written out, so that neither phase pays for the seeding (hint bits set by the first reads, dirty pages of the
     * load flushed by the checkpointer, InnoDB's history of the load purged in the background).
     */
    static void settle(HikariDataSource ds, boolean pg, String shadow) throws SQLException, InterruptedException {
        if (pg) {
            exec(ds, "VACUUM (ANALYZE) accounts");
            exec(ds, "VACUUM (ANALYZE) " + shadow + ".accounts");
            exec(ds, "CHECKPOINT");
            return;
        }
        exec(ds, "ANALYZE TABLE accounts, " + shadow + ".accounts");
        long end = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < end) {
            long dirty;
            long history;
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS"
                        + " WHERE VARIABLE_NAME = 'INNODB_BUFFER_POOL_PAGES_DIRTY'")) {
                    dirty = rs.next() ? rs.getLong(1) : 0;
                }
                try (ResultSet rs = st.executeQuery("SELECT COUNT FROM information_schema.INNODB_METRICS"
                        + " WHERE NAME = 'trx_rseg_history_len'")) {
                    history = rs.next() ? rs.getLong(1) : 0;
                }
            }
            if (dirty < 100 && history < 100) {
                return;
            }
            Thread.sleep(1000);
        }
        System.out.println("MariaDB had not flushed and purged the load after 120 s; measuring anyway");
    }

    static void exec(HikariDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
