package io.tipdata.agent;

import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import io.tipdata.core.TipExecutors;
import java.util.ArrayList;
import java.util.List;
import java.util.TimerTask;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * The mixed workload of the core propagation tests, on unwrapped pools: tasks with several runs
 * and production, submitted from several threads, to pools whose workers were left dirty by
 * leaky code; every task checks that it sees exactly its submission context, in the binding and
 * in the MDC.
 */
final class MixedLoad {

    private static final int RUNS = 5;
    /** Which kind of submission task i makes: mostly cheap ones, threads and periodic tasks now and then. */
    private static final int[] KINDS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 3, 7, 8, 9, 0, 1, 3, 4, 7, 8, 9, 0,
        1, 3, 7, 8, 0, 1, 3, 7, 10, 11, 12, 13, 14, 15};

    private final Pools pools;
    private final Checks checks;
    private final TestRun[] contexts = new TestRun[RUNS + 1];
    private final ExecutorService wrappedFixed;

    MixedLoad(Pools pools, Checks checks) {
        this.pools = pools;
        this.checks = checks;
        for (int i = 0; i < RUNS; i++) {
            contexts[i] = Checks.run("mixed-" + i);
        }
        this.wrappedFixed = TipExecutors.wrap(pools.fixed);
    }

    /** Leaves runs bound on workers of every pool, then makes production the first work after the leaks. */
    void dirtyWorkers() throws Exception {
        List<Future<?>> leaks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            TestRun run = contexts[i % RUNS];
            Runnable leak = () -> Checks.leak(run);
            leaks.add(pools.fixed.submit(leak));
            leaks.add(pools.scheduled.submit(leak));
            leaks.add(pools.forkJoin.submit(leak));
            leaks.add(ForkJoinPool.commonPool().submit(leak));
            pools.jetty.execute(leak);
            pools.timer.schedule(timerTask(leak), 0);
        }
        for (Future<?> leak : leaks) {
            leak.get(10, TimeUnit.SECONDS);
        }
        try (TipContext.Scope ignored = TipContext.clear()) {
            for (int i = 0; i < 16; i++) {
                pools.fixed.execute(checks.check(null, "production-after-leak fixed"));
                pools.scheduled.execute(checks.check(null, "production-after-leak scheduled"));
                pools.forkJoin.execute(checks.check(null, "production-after-leak forkjoin"));
                ForkJoinPool.commonPool().execute(checks.check(null, "production-after-leak common"));
                pools.jetty.execute(checks.check(null, "production-after-leak jetty"));
                pools.timer.schedule(timerTask(checks.check(null, "production-after-leak timer")), 0);
            }
        }
    }

    /** Submits {@code tasks} submissions from {@code submitters} platform threads. */
    void submit(int tasks, int submitters) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int s = 0; s < submitters; s++) {
            int first = s;
            Thread t = new Thread(() -> {
                try {
                    for (int i = first; i < tasks; i += submitters) {
                        submitOne(i);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "tip-submitter-" + s);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a submitter failed", failure.get());
        }
    }

    private void submitOne(int i) {
        TestRun context = contexts[i % contexts.length];
        try (TipContext.Scope ignored = context == null ? TipContext.clear() : TipContext.bind(context)) {
            int kind = KINDS[(i / contexts.length) % KINDS.length];
            switch (kind) {
                case 0 -> pools.fixed.execute(checks.check(context, "fixed-execute"));
                case 1 -> {
                    Runnable check = checks.check(context, "fixed-submit-callable");
                    pools.fixed.submit(() -> {
                        check.run();
                        return i;
                    });
                }
                case 2 -> pools.scheduled.schedule(checks.check(context, "scheduled"), i % 3, TimeUnit.MILLISECONDS);
                case 3 -> pools.forkJoin.execute(checks.check(context, "forkjoin-execute"));
                case 4 -> pools.forkJoin.submit(new Split(context, 4));
                case 5 -> {
                    Runnable a = checks.check(context, "cf-supplyAsync");
                    Runnable b = checks.check(context, "cf-thenApplyAsync");
                    Runnable c = checks.check(context, "cf-thenApply");
                    Runnable d = checks.check(context, "cf-whenCompleteAsync");
                    CompletableFuture.supplyAsync(() -> {
                        a.run();
                        return i;
                    }).thenApplyAsync(v -> {
                        b.run();
                        return v;
                    }, pools.fixed).thenApply(v -> {
                        c.run();
                        return v;
                    }).whenCompleteAsync((v, e) -> d.run(), pools.forkJoin);
                }
                case 6 -> {
                    Runnable[] each = new Runnable[8];
                    for (int k = 0; k < each.length; k++) {
                        each[k] = checks.check(context, "parallel-stream");
                    }
                    IntStream.range(0, each.length).parallel().forEach(k -> each[k].run());
                }
                case 7 -> pools.jetty.execute(checks.check(context, "jetty"));
                case 8 -> sameTaskTwice(context, i);
                case 9 -> wrappedFixed.execute(checks.check(context, "tip-executors-wrapped"));
                case 10 -> new Thread(checks.check(context, "thread-start")).start();
                case 11 -> {
                    if (pools.hasVirtualThreads()) {
                        pools.virtualPerTask.execute(checks.check(context, "virtual-per-task"));
                    } else {
                        pools.fixed.execute(checks.check(context, "fixed-execute"));
                    }
                }
                case 12 -> {
                    if (pools.hasVirtualThreads()) {
                        pools.startVirtual(checks.check(context, "thread-of-virtual"));
                    } else {
                        pools.fixed.execute(checks.check(context, "fixed-execute"));
                    }
                }
                case 13 -> pools.timer.schedule(timerTask(checks.check(context, "timer")), i % 2);
                case 14 -> periodic(context);
                default -> prewrappedElsewhere(context, i);
            }
        }
    }

    /** One task object submitted from this context and from the next one: each run sees its own. */
    private void sameTaskTwice(TestRun context, int i) {
        TestRun other = contexts[(i + 1) % contexts.length];
        String want = Checks.expected(context);
        String wantOther = Checks.expected(other);
        checks.expected.addAndGet(2);
        List<String> seen = new ArrayList<>(2);
        Runnable shared = () -> {
            String saw = Checks.seen();
            String earlier;
            synchronized (seen) {
                seen.add(saw);
                if (seen.size() == 1) {
                    checks.checked.incrementAndGet();
                    return;
                }
                earlier = seen.get(0);
            }
            boolean ok = (earlier.equals(want) && saw.equals(wantOther))
                    || (earlier.equals(wantOther) && saw.equals(want));
            checks.verify(ok ? Checks.seen() : "two runs saw " + earlier + " and " + saw, "same-task-twice");
        };
        ExecutorService pool = i % 2 == 0 ? pools.fixed : pools.forkJoin;
        pool.execute(shared);
        try (TipContext.Scope ignored = other == null ? TipContext.clear() : TipContext.bind(other)) {
            pool.execute(shared);
        }
    }

    /** Wrapped by TipExecutors under this context, submitted to a raw pool under another: the first capture wins. */
    private void prewrappedElsewhere(TestRun context, int i) {
        Runnable wrapped = TipExecutors.wrap(checks.check(context, "prewrapped"));
        TestRun other = contexts[(i + 1) % contexts.length];
        try (TipContext.Scope ignored = other == null ? TipContext.clear() : TipContext.bind(other)) {
            pools.fixed.execute(wrapped);
        }
    }

    /** A periodic task that checks on each of its three runs, then cancels itself. */
    private void periodic(TestRun context) {
        AtomicInteger runs = new AtomicInteger();
        AtomicReference<ScheduledFuture<?>> future = new AtomicReference<>();
        Runnable[] each = {checks.check(context, "periodic-1"), checks.check(context, "periodic-2"),
            checks.check(context, "periodic-3")};
        future.set(pools.scheduled.scheduleAtFixedRate(() -> {
            int n = runs.getAndIncrement();
            if (n < each.length) {
                each[n].run();
            }
            if (n == each.length - 1) {
                while (future.get() == null) {
                    Thread.onSpinWait();
                }
                future.get().cancel(false);
            }
        }, 1, 1, TimeUnit.MILLISECONDS));
    }

    static TimerTask timerTask(Runnable body) {
        return new TimerTask() {
            @Override
            public void run() {
                body.run();
            }
        };
    }

    /** Splits with plain, unwrapped forks down to leaves that check the context. */
    private final class Split extends RecursiveTask<Integer> {
        private static final long serialVersionUID = 1L;
        private final transient TestRun context;
        private final int size;
        private final transient Runnable leaf;

        Split(TestRun context, int size) {
            this.context = context;
            this.size = size;
            this.leaf = size == 1 ? checks.check(context, "forkjoin-task") : null;
        }

        @Override
        protected Integer compute() {
            if (size == 1) {
                leaf.run();
                return 1;
            }
            Split left = new Split(context, size / 2);
            left.fork();
            int right = new Split(context, size - size / 2).compute();
            return left.join() + right;
        }
    }
}
