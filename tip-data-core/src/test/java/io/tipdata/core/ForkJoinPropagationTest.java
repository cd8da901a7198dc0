package io.tipdata.core;

import static io.tipdata.core.Probe.expected;
import static io.tipdata.core.Probe.run;
import static io.tipdata.core.Probe.seen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ForkJoinPropagationTest {

    private final TestRun a = run("run-a");
    private final TestRun b = run("run-b");
    private final ForkJoinPool pool = new ForkJoinPool(4);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void poolAsExecutorServiceCarriesTheSubmissionContext() throws Exception {
        ExecutorService service = TipExecutors.wrap(pool);
        try (TipContext.Scope ignored = TipContext.bind(a)) {
            assertThat(service.submit(Probe::seen).get()).isEqualTo(expected(a));
            assertThat(service.invokeAll(List.of(Probe::seen, Probe::seen)))
                    .extracting(f -> f.get()).containsOnly(expected(a));
        }
        assertThat(service.submit(Probe::seen).get()).isEqualTo(expected(null));
        assertThat(TipExecutors.wrap(service)).isSameAs(service);
    }

    @Test
    void wrappedRecursiveTaskAndItsWrappedSubtasksSeeTheContextOnEveryWorker() {
        Queue<String> leaves = new ConcurrentLinkedQueue<>();
        ForkJoinTask<Integer> task;
        try (TipContext.Scope ignored = TipContext.bind(a)) {
            task = TipExecutors.wrap(new Count(0, 4096, leaves));
        }
        try (TipContext.Scope ignored = TipContext.bind(b)) {
            assertThat(pool.invoke(task)).isEqualTo(4096);
            assertThat(seen()).isEqualTo(expected(b));
        }
        assertThat(leaves).hasSize(4096 / 16).containsOnly(expected(a));
        assertThat(TipExecutors.wrap(task)).isSameAs(task);
    }

    @Test
    void productionRecursiveTaskRunsWithoutContextOnDirtyWorkers() throws Exception {
        for (int i = 0; i < 8; i++) {
            pool.submit(() -> Probe.leak(a)).get();
        }
        Queue<String> leaves = new ConcurrentLinkedQueue<>();
        assertThat(pool.submit(TipExecutors.wrap(new Count(0, 1024, leaves))).get()).isEqualTo(1024);
        assertThat(leaves).hasSize(1024 / 16).containsOnly(expected(null));
    }

    @Test
    void aThrowingWrappedTaskFailsAndRestoresTheWorker() {
        ForkJoinTask<Integer> failing;
        try (TipContext.Scope ignored = TipContext.bind(a)) {
            failing = TipExecutors.wrap(new RecursiveTask<Integer>() {
                @Override
                protected Integer compute() {
                    throw new IllegalStateException("compute failed");
                }
            });
        }
        assertThatThrownBy(() -> pool.invoke(failing)).hasMessageContaining("compute failed");
        assertThat(seen()).isEqualTo(expected(null));
        assertThat(pool.invoke(TipExecutors.wrap(new Count(0, 16, new ConcurrentLinkedQueue<>())))).isEqualTo(16);
    }

    /** Counts a range, splitting it and forking each half wrapped, so stolen halves carry the context. */
    private static final class Count extends RecursiveTask<Integer> {
        private final int from;
        private final int to;
        private final Queue<String> leaves;

        Count(int from, int to, Queue<String> leaves) {
            this.from = from;
            this.to = to;
            this.leaves = leaves;
        }

        @Override
        protected Integer compute() {
            if (to - from <= 16) {
                leaves.add(seen());
                Thread.yield();
                return to - from;
            }
            int mid = (from + to) >>> 1;
            ForkJoinTask<Integer> left = TipExecutors.wrap(new Count(from, mid, leaves)).fork();
            int right = new Count(mid, to, leaves).compute();
            return left.join() + right;
        }
    }
}
