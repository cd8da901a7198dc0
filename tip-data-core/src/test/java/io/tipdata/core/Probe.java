package io.tipdata.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.slf4j.MDC;

/** What a task sees of the context, and test runs to bind. */
final class Probe {

    static final String PRODUCTION = "production";

    private Probe() {
    }

    static TestRun run(String id) {
        Instant now = Instant.now();
        return TestRun.of(id, now, now.plusSeconds(3600));
    }

    /** The run bound to this thread and the MDC value, as "run|mdc"; production is "production|production". */
    static String seen() {
        TestRun run = TipContext.currentOrNull();
        String mdc = MDC.get(TipContext.MDC_KEY);
        return (run == null ? PRODUCTION : run.runId()) + "|" + (mdc == null ? PRODUCTION : mdc);
    }

    /** What {@link #seen()} returns when exactly this run (or production, for null) is bound. */
    static String expected(TestRun run) {
        String id = run == null ? PRODUCTION : run.runId();
        return id + "|" + id;
    }

    /** Binds the run on this thread and never unbinds it, as careless code would. */
    static void leak(TestRun run) {
        TipContext.bind(run);
    }

    /** Leaves only a stale MDC entry, as an inheriting MDC adapter does in a child thread. */
    static void leakMdcOnly(String runId) {
        TipContext.switchTo(null);
        MDC.put(TipContext.MDC_KEY, runId);
    }

    /** Runs the garbage collector until the referent is gone, failing after a bounded wait. */
    static void awaitCollected(WeakReference<?> ref) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (ref.get() != null && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(10);
        }
        assertThat(ref.get()).as("the run is still reachable").isNull();
    }

    /** Runs the garbage collector a few times and checks that the referent is still there. */
    static void assertStillReachable(WeakReference<?> ref) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertThat(ref.get()).as("the run should still be reachable here").isNotNull();
    }
}
