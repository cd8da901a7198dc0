package io.tipdata.core;

import static io.tipdata.core.Probe.expected;
import static io.tipdata.core.Probe.seen;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Submits many tasks with mixed contexts (several runs and production) from several threads to
 * shared pools whose workers were left dirty, and records every task that saw another context
 * than the one it was submitted with.
 */
final class ContentionHarness {

    private static final int RUNS = 5;

    private final TestRun[] contexts = new TestRun[RUNS + 1];
    private final Queue<String> mismatches = new ConcurrentLinkedQueue<>();
    private final AtomicLong checked = new AtomicLong();
    private final AtomicLong expectedChecks = new AtomicLong();
    private final Queue<Future<?>> pending = new ConcurrentLinkedQueue<>();

    private final ExecutorService fixed;
    private final ScheduledExecutorService scheduled;
    private final ForkJoinPool forkJoin;
    private final ExecutorService fixedWrapped;
    private final ScheduledExecutorService scheduledWrapped;
    private final ExecutorService forkJoinWrapped;
    private final ExecutorService perTaskWrapped;

    /** Pools to share; {@code perTask} (a thread-per-task executor) may be null. */
    ContentionHarness(ExecutorService fixed, ScheduledExecutorService scheduled, ForkJoinPool forkJoin,
            ExecutorService perTask) {
        for (int i = 0; i < RUNS; i++) {
            contexts[i] = Probe.run("contention-" + i);
        }
        contexts[RUNS] = null;
        this.fixed = fixed;
        this.scheduled = scheduled;
        this.forkJoin = forkJoin;
        this.fixedWrapped = TipExecutors.wrap(fixed);
        this.scheduledWrapped = TipExecutors.wrap(scheduled);
        this.forkJoinWrapped = TipExecutors.wrap(forkJoin);
        this.perTaskWrapped = perTask == null ? null : TipExecutors.wrap(perTask);
    }

    /**
     * Leaves runs bound on workers of each pool, as unwrapped test work would, and then on some a
     * bare MDC entry without a binding, as an inheriting MDC adapter would; then runs production
     * tasks first on those workers.
     */
    void dirtyWorkers() throws Exception {
        List<Future<?>> leaks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            TestRun run = contexts[i % RUNS];
            Runnable leak = i >= 12 ? () -> Probe.leakMdcOnly(run.runId()) : () -> Probe.leak(run);
            leaks.add(fixed.submit(leak));
            leaks.add(scheduled.submit(leak));
            leaks.add(forkJoin.submit(leak));
        }
        for (Future<?> leak : leaks) {
            leak.get(5, TimeUnit.SECONDS);
        }
        List<Future<?>> firstAfterLeaks = new ArrayList<>();
        try (TipContext.Scope ignored = TipContext.clear()) {
            for (int i = 0; i < 16; i++) {
                firstAfterLeaks.add(fixedWrapped.submit(check(null, "production-after-leak", i)));
                firstAfterLeaks.add(scheduledWrapped.submit(check(null, "production-after-leak", i)));
                firstAfterLeaks.add(forkJoinWrapped.submit(check(null, "production-after-leak", i)));
            }
        }
        for (Future<?> f : firstAfterLeaks) {
            f.get(5, TimeUnit.SECONDS);
        }
    }

    /** Submits {@code tasks} tasks from {@code submitters} threads made by the factory, and waits for all. */
    void submitAndAwait(int tasks, int submitters, ThreadFactory submitterThreads, Duration timeout)
            throws Exception {
        List<Thread> threads = new ArrayList<>();
        Queue<Throwable> submitFailures = new ConcurrentLinkedQueue<>();
        for (int s = 0; s < submitters; s++) {
            int first = s;
            Thread t = submitterThreads.newThread(() -> {
                try {
                    for (int i = first; i < tasks; i += submitters) {
                        submitOne(i);
                    }
                } catch (Throwable e) {
                    submitFailures.add(e);
                }
            });
            threads.add(t);
            t.start();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : threads) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        assertThat(submitFailures).isEmpty();
        for (Future<?> f : pending) {
            f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    /** Asserts that every task saw exactly the context it was submitted with, and that all ran. */
    void assertNoMismatch() {
        assertThat(mismatches).as("tasks that saw another context than their submission's").isEmpty();
        assertThat(checked.get()).as("checks made").isEqualTo(expectedChecks.get()).isPositive();
    }

    private void submitOne(int i) {
        TestRun context = contexts[i % contexts.length];
        try (TipContext.Scope ignored = context == null ? TipContext.clear() : TipContext.bind(context)) {
            int kind = (i / contexts.length) % (perTaskWrapped == null ? 6 : 7);
            switch (kind) {
                case 0 -> pending.add(fixedWrapped.submit(check(context, "fixed", i)));
                case 1 -> pending.add(scheduledWrapped.schedule(check(context, "scheduled", i), i % 3,
                        TimeUnit.MILLISECONDS));
                case 2 -> pending.add(forkJoinWrapped.submit(check(context, "forkjoin-service", i)));
                case 3 -> pending.add(forkJoin.submit(TipExecutors.wrap(new Split(context, i, 4))));
                case 4 -> pending.add(TipExecutors.supplyAsync(() -> {
                            check(context, "cf-supplyAsync", i).run();
                            return i;
                        })
                        .thenApplyAsync(v -> {
                            check(context, "cf-thenApplyAsync", i).run();
                            return v;
                        }, fixed)
                        .thenApply(v -> {
                            check(context, "cf-thenApply", i).run();
                            return v;
                        })
                        .whenCompleteAsync((v, e) -> check(context, "cf-whenCompleteAsync", i).run(), forkJoin));
                case 5 -> {
                    CompletableFuture<Integer> source = TipExecutors.newFuture();
                    pending.add(source.thenApply(v -> {
                        check(context, "cf-completed-elsewhere", i).run();
                        return v;
                    }));
                    TestRun other = contexts[(i + 1) % contexts.length];
                    try (TipContext.Scope completer = other == null ? TipContext.clear() : TipContext.bind(other)) {
                        pending.add(fixedWrapped.submit(() -> {
                            check(other, "cf-completer", i).run();
                            source.complete(i);
                        }));
                    }
                }
                default -> pending.add(perTaskWrapped.submit(check(context, "per-task", i)));
            }
        }
    }

    private Runnable check(TestRun context, String where, int task) {
        expectedChecks.incrementAndGet();
        String want = expected(context);
        return () -> {
            String saw = seen();
            if (!saw.equals(want)) {
                mismatches.add(where + " task " + task + " on " + Thread.currentThread() + ": expected "
                        + want + " but saw " + saw);
            }
            checked.incrementAndGet();
        };
    }

    /** Splits into wrapped, forked halves down to leaves that check the context. */
    private final class Split extends RecursiveTask<Integer> {
        private final TestRun context;
        private final int task;
        private final int size;
        private final Runnable leafCheck;

        Split(TestRun context, int task, int size) {
            this.context = context;
            this.task = task;
            this.size = size;
            this.leafCheck = size == 1 ? check(context, "forkjoin-task", task) : null;
        }

        @Override
        protected Integer compute() {
            if (size == 1) {
                leafCheck.run();
                return 1;
            }
            ForkJoinTask<Integer> left = TipExecutors.wrap(new Split(context, task, size / 2)).fork();
            int right = new Split(context, task, size - size / 2).compute();
            return left.join() + right;
        }
    }
}
