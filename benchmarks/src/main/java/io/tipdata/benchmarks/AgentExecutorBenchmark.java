package io.tipdata.benchmarks;

import com.alibaba.ttl.TransmittableThreadLocal;
import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
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
 * Per-task cost of unwrapped executors in a JVM started with an agent: the same code, run by
 * {@link AgentOverheadMain} in forks without an agent, with {@code -javaagent:tip-data-agent.jar}
 * and with TransmittableThreadLocal's agent. {@code execute*} and {@code submit*} give 64 tasks to a
 * plain single-thread {@code ThreadPoolExecutor} and wait for the last; {@code forkJoin} gives them to
 * a one-worker {@code ForkJoinPool}. Scores are per task. With {@code context=run} a test run is
 * bound at submission (and, for TTL, one {@code TransmittableThreadLocal} holds it); with
 * {@code none} the submitter is production.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AgentExecutorBenchmark {

    private static final int BATCH = 64;
    private static final TransmittableThreadLocal<TestRun> TTL_RUN = new TransmittableThreadLocal<>();

    /** {@code run}: a test run is bound at submission; {@code none}: production. */
    @Param({"none", "run"})
    public String context;

    private ExecutorService pool;
    private ForkJoinPool forkJoin;
    private TipContext.Scope scope;
    private long count;
    private final Runnable task = () -> count++;

    @Setup(Level.Trial)
    public void setUp() {
        pool = Executors.newSingleThreadExecutor();
        forkJoin = new ForkJoinPool(1);
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
        forkJoin.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object submit() throws ExecutionException, InterruptedException {
        return batch(pool);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object execute() throws ExecutionException, InterruptedException {
        for (int i = 1; i < BATCH; i++) {
            pool.execute(task);
        }
        return pool.submit(task).get();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object forkJoin() throws ExecutionException, InterruptedException {
        return batch(forkJoin);
    }

    private Object batch(ExecutorService executor) throws ExecutionException, InterruptedException {
        Future<?> last = null;
        for (int i = 0; i < BATCH; i++) {
            last = executor.submit(task);
        }
        return last.get();
    }
}
