package io.tipdata.agent;

import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.MDC;

/** What tasks saw of the context, against what they were submitted with. */
final class Checks {

    static final String PRODUCTION = "production";

    final AtomicLong expected = new AtomicLong();
    final AtomicLong checked = new AtomicLong();
    final AtomicLong mismatched = new AtomicLong();
    private final Queue<String> mismatches = new ConcurrentLinkedQueue<>();

    static TestRun run(String id) {
        Instant now = Instant.now();
        return TestRun.of(id, now, now.plusSeconds(3600));
    }

    /** The run bound to this thread and the MDC value, as "run|mdc". */
    static String seen() {
        TestRun run = TipContext.currentOrNull();
        String mdc = MDC.get(TipContext.MDC_KEY);
        return (run == null ? PRODUCTION : run.runId()) + "|" + (mdc == null ? PRODUCTION : mdc);
    }

    static String expected(TestRun run) {
        String id = run == null ? PRODUCTION : run.runId();
        return id + "|" + id;
    }

    /** Binds the run on this thread and never unbinds it, as careless code would. */
    @SuppressWarnings("resource")
    static void leak(TestRun run) {
        TipContext.bind(run);
    }

    /** A check to run later, expecting the context (null: production). */
    Runnable check(TestRun context, String where) {
        expected.incrementAndGet();
        String want = expected(context);
        return () -> verify(want, where);
    }

    /** Checks now, on this thread; counts as one expected check. */
    void verifyNow(TestRun context, String where) {
        expected.incrementAndGet();
        verify(expected(context), where);
    }

    void verify(String want, String where) {
        String saw = seen();
        if (!saw.equals(want)) {
            mismatched.incrementAndGet();
            if (mismatches.size() < 20) {
                mismatches.add(where + " on " + Thread.currentThread() + ": expected " + want + " but saw " + saw);
            }
        }
        checked.incrementAndGet();
    }

    /** Waits until every expected check has run; false on time-out. */
    boolean await(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (checked.get() < expected.get() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        return checked.get() == expected.get();
    }

    /** Prints the result lines the tests read and returns whether all checks passed. */
    boolean report(String name, boolean completed) {
        System.out.println("RESULT " + name + " expected=" + expected.get() + " checked=" + checked.get()
                + " mismatched=" + mismatched.get() + " completed=" + completed);
        for (String m : mismatches) {
            System.out.println("MISMATCH " + name + " " + m);
        }
        return completed && mismatched.get() == 0 && checked.get() == expected.get() && checked.get() > 0;
    }
}
