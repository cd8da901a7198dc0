package io.tipdata.benchmarks.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.tipdata.core.TestRun;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
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
 * What H2 itself charges for a twin's key, with tip-data out of the path: raw HikariCP sends the
 * workload's statements (the twin's as tip-data writes them) to the production table and to twins of
 * several key layouts. It answers whether another twin layout would bring test traffic on H2 closer to
 * production's speed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TwinKeyCostBenchmark {

    /**
     * {@code production}: the production table, key {@code (id)}; {@code provisioned}: the twin as
     * {@code ShadowSchema.create()} makes it, key {@code (id, tip_run)} plus an index on {@code tip_run};
     * {@code run_first}: key {@code (tip_run, id)}, no other index; {@code key_only}: key
     * {@code (id, tip_run)}, no other index.
     */
    @Param({"production", "provisioned", "run_first", "key_only"})
    public String layout;

    private HikariDataSource pool;
    private String select;
    private String insert;
    private String update;
    private String table;
    private long cursor;
    private long nextInsertId = Workload.FIRST_INSERT_ID;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        BenchDatabase db = BenchDatabase.H2;
        db.prepareServer();
        pool = db.productionPool("twin-key-cost");
        Workload.createTable(pool);
        Instant now = Instant.now();
        TestRun run = TestRun.of("bench-run", now, now.plus(Duration.ofHours(1)));
        if (layout.equals("production")) {
            table = Workload.TABLE;
            select = Workload.SELECT;
            insert = Workload.INSERT;
            update = Workload.UPDATE;
            Workload.load(pool, insert, Workload.ROWS);
            return;
        }
        DataSource tip = TipTargets.open(db, pool);
        rekey(pool, layout);
        TipTargets.loadInTest(tip, pool, run);
        table = TipTargets.TWIN;
        select = TipTargets.rewritten(db, Workload.SELECT, run);
        insert = TipTargets.rewritten(db, Workload.INSERT, run);
        update = TipTargets.rewritten(db, Workload.UPDATE, run);
    }

    /** Replaces the provisioned twin's key and run index by the layout's (the twin is still empty). */
    private static void rekey(DataSource pool, String layout) throws SQLException {
        if (layout.equals("provisioned")) {
            return;
        }
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE " + TipTargets.TWIN);
            String columns = "id BIGINT NOT NULL, name VARCHAR(64) NOT NULL, qty INT NOT NULL, "
                    + "tip_run VARCHAR(40) NOT NULL";
            String key = switch (layout) {
                case "run_first" -> "PRIMARY KEY (tip_run, id)";
                case "key_only" -> "PRIMARY KEY (id, tip_run)";
                default -> throw new IllegalArgumentException("unknown layout '" + layout
                        + "'; use production, provisioned, run_first or key_only");
            };
            s.execute("CREATE TABLE " + TipTargets.TWIN + " (" + columns + ", " + key + ")");
        }
    }

    @Setup(Level.Iteration)
    public void removeMeasuredInserts() throws SQLException {
        Workload.deleteFrom(pool, table, Workload.FIRST_INSERT_ID);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.close();
    }

    @Benchmark
    public int pointSelect() throws SQLException {
        cursor = cursor % Workload.ROWS + 1;
        return Workload.select(pool, select, cursor);
    }

    @Benchmark
    public int insert() throws SQLException {
        return Workload.insert(pool, insert, nextInsertId++);
    }

    @Benchmark
    public int update() throws SQLException {
        cursor = cursor % Workload.ROWS + 1;
        return Workload.update(pool, update, cursor);
    }
}
