package io.tipdata.agent;

import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import java.util.Timer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The program the agent tests run in JVMs of their own: {@code mixed <tasks>}, {@code late <tasks>}
 * (the agent installed with {@link TipAgent#install()} after the pools were made and used),
 * {@code leak} and {@code off}. Prints {@code RESULT} lines and exits with 0 when every check passed.
 */
public final class Workload {

    private Workload() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        boolean ok = switch (mode) {
            case "mixed" -> mixed(tasks);
            case "late" -> late(tasks);
            case "leak" -> leak();
            case "off" -> off();
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        };
        System.out.flush();
        System.exit(ok ? 0 : 1);
    }

    private static boolean mixed(int tasks) throws Exception {
        try (Pools pools = new Pools()) {
            return runMixed(pools, tasks, "mixed");
        }
    }

    private static boolean runMixed(Pools pools, int tasks, String name) throws Exception {
        Checks checks = new Checks();
        MixedLoad load = new MixedLoad(pools, checks);
        long start = System.nanoTime();
        load.dirtyWorkers();
        load.submit(tasks, 4);
        boolean completed = checks.await(60);
        System.out.println("TIME " + name + " " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
        return checks.report(name, completed);
    }

    /** The pools are created and used before the agent is installed into the running JVM. */
    private static boolean late(int tasks) throws Exception {
        try (Pools pools = new Pools()) {
            TestRun run = Checks.run("before-attach");
            for (int i = 0; i < 2_000; i++) {
                Runnable work = i % 2 == 0 ? () -> { } : () -> TipContext.run(run, () -> { });
                pools.fixed.execute(work);
                pools.scheduled.execute(work);
                pools.forkJoin.execute(work);
                ForkJoinPool.commonPool().execute(work);
                pools.jetty.execute(work);
                pools.timer.schedule(MixedLoad.timerTask(work), 0);
            }
            Checks before = new Checks();
            try (TipContext.Scope ignored = TipContext.bind(run)) {
                pools.fixed.execute(before.check(run, "before-attach"));
            }
            before.await(10);
            System.out.println("BEFORE-ATTACH propagated=" + (before.mismatched.get() == 0));
            boolean installed = TipAgent.install();
            System.out.println("INSTALLED " + installed + " again=" + TipAgent.install());
            return installed && runMixed(pools, tasks, "late");
        }
    }

    /** A leaky task on a raw single-thread pool, then production work on the same thread. */
    private static boolean leak() throws Exception {
        Checks checks = new Checks();
        TestRun run = Checks.run("leaky");
        ExecutorService single = Executors.newSingleThreadExecutor();
        ScheduledExecutorService scheduled = Executors.newSingleThreadScheduledExecutor();
        ForkJoinPool forkJoin = new ForkJoinPool(1);
        Timer timer = new Timer(true);
        QueuedThreadPool jetty = new QueuedThreadPool(4, 4);
        jetty.start();
        try {
            for (ExecutorService pool : new ExecutorService[] {single, scheduled, forkJoin}) {
                leakThenProduction(checks, pool::execute, run, pool.getClass().getSimpleName());
            }
            leakThenProduction(checks, task -> timer.schedule(MixedLoad.timerTask(task), 0), run, "Timer");
            for (int i = 0; i < 8; i++) {
                leakThenProduction(checks, jetty::execute, run, "QueuedThreadPool");
            }
            boolean completed = checks.await(20);
            return checks.report("leak", completed);
        } finally {
            single.shutdownNow();
            scheduled.shutdownNow();
            forkJoin.shutdownNow();
            timer.cancel();
            jetty.stop();
        }
    }

    private static void leakThenProduction(Checks checks, java.util.concurrent.Executor pool, TestRun run,
            String name) throws Exception {
        AtomicReference<Thread> leakedOn = new AtomicReference<>();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(4);
        try (TipContext.Scope ignored = TipContext.clear()) {
            pool.execute(() -> {
                leakedOn.set(Thread.currentThread());
                Checks.leak(run);
                done.countDown();
            });
            pool.execute(() -> {
                checks.verifyNow(null, name + " production after a leaked binding");
                done.countDown();
            });
            pool.execute(() -> {
                org.slf4j.MDC.put(TipContext.MDC_KEY, "leaked-mdc");
                done.countDown();
            });
            pool.execute(() -> {
                checks.verifyNow(null, name + " production after a leaked MDC entry");
                if (!name.equals("QueuedThreadPool") && Thread.currentThread() != leakedOn.get()) {
                    checks.verifyNow(run, name + " ran on another thread than the leak");
                }
                done.countDown();
            });
        }
        try (TipContext.Scope ignored = TipContext.bind(run)) {
            pool.execute(checks.check(run, name + " test task after the leaks"));
        }
        try (TipContext.Scope ignored = TipContext.clear()) {
            pool.execute(checks.check(null, name + " production after a test task"));
        }
        done.await(10, TimeUnit.SECONDS);
    }

    /** With -Dtip.agent=false the agent is present but does nothing. */
    private static boolean off() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        TestRun run = Checks.run("switched-off");
        AtomicReference<String> saw = new AtomicReference<>();
        try (TipContext.Scope ignored = TipContext.bind(run)) {
            pool.submit(() -> saw.set(Checks.seen())).get(10, TimeUnit.SECONDS);
        }
        pool.shutdownNow();
        System.out.println("RESULT off saw=" + saw.get() + " installed=" + TipAgent.isInstalled()
                + " install()=" + TipAgent.install());
        return true;
    }
}
