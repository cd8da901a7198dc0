package io.tipdata.benchmarks;

import com.alibaba.ttl.TransmittableThreadLocal;
import com.alibaba.ttl.threadpool.TtlExecutors;
import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import io.tipdata.core.TipExecutors;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Per-task cost of {@code TipExecutors.wrap(executor)} against the plain executor and against
 * TransmittableThreadLocal's {@code TtlExecutors}, with a run bound and in production.
 *
 * <p>{@code direct*} submit to a same-thread executor ({@code Runnable::run}), so the score is the
 * wrapping cost alone; {@code pool*} submit one task to a single-thread pool and wait for it, so
 * the handoff (queue, wake-up) is included; {@code batch*} submit 64 tasks to that pool and wait
 * for the last, reported per task, which keeps the worker awake and shows the cost per task with
 * less wake-up noise. For a fair comparison TTL carries one {@code TransmittableThreadLocal} holding the
 * run, bound exactly when the tip-data context is. The MDC is SLF4J's {@code BasicMDCAdapter}, so
 * tip-data pays for its MDC writes as it would with a logging backend.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dslf4j.provider=io.tipdata.benchmarks.BasicMdcProvider")
public class ExecutorBenchmark {

    /** {@code run}: a test run is bound at submission; {@code none}: production. */
    @Param({"none", "run"})
    public String context;

    private static final int BATCH = 64;

    private static final TransmittableThreadLocal<TestRun> TTL_RUN = new TransmittableThreadLocal<>();

    private final Executor direct = Runnable::run;
    private Executor directTip;
    private Executor directTtl;

    private ExecutorService pool;
    private ExecutorService poolTip;
    private ExecutorService poolTtl;

    private TipContext.Scope scope;
    private long count;
    private final Runnable task = () -> count++;

    @Setup(Level.Trial)
    public void setUp() {
        directTip = TipExecutors.wrap(direct);
        directTtl = TtlExecutors.getTtlExecutor(direct);
        pool = Executors.newSingleThreadExecutor();
        poolTip = TipExecutors.wrap(pool);
        poolTtl = TtlExecutors.getTtlExecutorService(pool);
        if ("run".equals(context)) {
            Instant now = Instant.now();
            TestRun run = TestRun.of("bench-run", now, now.plus(1, ChronoUnit.DAYS));
            scope = TipContext.bind(run);
            TTL_RUN.set(run);
        } else {
            scope = TipContext.clear();
            TTL_RUN.remove();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        scope.close();
        TTL_RUN.remove();
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Benchmark
    public long directPlain() {
        direct.execute(task);
        return count;
    }

    @Benchmark
    public long directTip() {
        directTip.execute(task);
        return count;
    }

    @Benchmark
    public long directTtl() {
        directTtl.execute(task);
        return count;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object batchPlain() throws ExecutionException, InterruptedException {
        return submitBatch(pool);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object batchTip() throws ExecutionException, InterruptedException {
        return submitBatch(poolTip);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object batchTtl() throws ExecutionException, InterruptedException {
        return submitBatch(poolTtl);
    }

    private Object submitBatch(ExecutorService executor) throws ExecutionException, InterruptedException {
        Future<?> last = null;
        for (int i = 0; i < BATCH; i++) {
            last = executor.submit(task);
        }
        return last.get();
    }

    @Benchmark
    public Object poolPlain() throws ExecutionException, InterruptedException {
        return pool.submit(task).get();
    }

    @Benchmark
    public Object poolTip() throws ExecutionException, InterruptedException {
        return poolTip.submit(task).get();
    }

    @Benchmark
    public Object poolTtl() throws ExecutionException, InterruptedException {
        return poolTtl.submit(task).get();
    }
}
