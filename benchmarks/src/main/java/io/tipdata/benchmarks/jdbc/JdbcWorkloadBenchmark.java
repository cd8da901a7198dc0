package io.tipdata.benchmarks.jdbc;

import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same JDBC workload (point select, insert, update) through raw HikariCP, TipDataSource in
 * production and in test context (with the production login, and with the test identity's pool), and ShardingSphere-JDBC's shadow router without and with its hint.
 *
 * <p>Each operation borrows a pooled connection, prepares its statement, executes and closes, as an
 * application with statement caching off does; so tip-data's per-prepare work (context check, rewrite
 * cache lookup) is counted on every operation. Test traffic binds its context around each operation,
 * as a request would.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class JdbcWorkloadBenchmark {

    @Param({"H2", "POSTGRESQL"})
    public BenchDatabase database;

    @Param({"raw", "tip_production", "tip_test", "tip_test_identity", "raw_twin_sql", "shardingsphere_production", "shardingsphere_shadow"})
    public String target;

    private Target.Opened opened;
    private long cursor;
    private long nextInsertId = Workload.FIRST_INSERT_ID;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        Instant now = Instant.now();
        TestRun run = TestRun.of("bench-run", now, now.plus(Duration.ofHours(1)));
        opened = Target.named(target).open(database, run);
    }

    /** Outside the measurement: the inserts of the previous iteration are removed (see {@link Workload#deleteFrom}). */
    @Setup(Level.Iteration)
    public void removeMeasuredInserts() throws SQLException {
        opened.removeMeasuredInserts();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        opened.close();
    }

    @Benchmark
    public int pointSelect() throws SQLException {
        long id = nextExistingId();
        if (opened.run == null) {
            return Workload.select(opened.dataSource, opened.select, id);
        }
        try (TipContext.Scope ignored = TipContext.bind(opened.run)) {
            return Workload.select(opened.dataSource, opened.select, id);
        }
    }

    @Benchmark
    public int insert() throws SQLException {
        long id = nextInsertId++;
        if (opened.run == null) {
            return Workload.insert(opened.dataSource, opened.insert, id);
        }
        try (TipContext.Scope ignored = TipContext.bind(opened.run)) {
            return Workload.insert(opened.dataSource, opened.insert, id);
        }
    }

    @Benchmark
    public int update() throws SQLException {
        long id = nextExistingId();
        if (opened.run == null) {
            return Workload.update(opened.dataSource, opened.update, id);
        }
        try (TipContext.Scope ignored = TipContext.bind(opened.run)) {
            return Workload.update(opened.dataSource, opened.update, id);
        }
    }

    private long nextExistingId() {
        cursor = cursor % Workload.ROWS + 1;
        return cursor;
    }
}
