package io.tipdata.core;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.MDC;

/**
 * The test run bound to the current thread; no run means production.
 *
 * <p>Bindings are scoped: {@link #bind(TestRun)} returns a {@link Scope} whose {@code close()}
 * restores exactly what was bound before, so scopes nest. While a run is bound its id is in the
 * SLF4J MDC under {@value #MDC_KEY}. To carry the context to another thread, {@link #capture()} it
 * where the work is submitted and {@link Snapshot#restore()} it where the work runs, or use
 * {@link TipExecutors}, which does both.
 */
public final class TipContext {

    /** The MDC key that holds the run id while a run is bound. */
    public static final String MDC_KEY = "tip.run";

    private static final ThreadLocal<Frame> CURRENT = new ThreadLocal<>();
    private static final Scope NOOP = () -> { };

    private TipContext() {
    }

    /** The run bound to this thread, or empty in production. */
    public static Optional<TestRun> current() {
        Frame f = CURRENT.get();
        return f == null ? Optional.empty() : Optional.of(f.run);
    }

    /** The run bound to this thread, or {@code null} in production. */
    public static TestRun currentOrNull() {
        Frame f = CURRENT.get();
        return f == null ? null : f.run;
    }

    /** Tells whether a test run is bound to this thread. */
    public static boolean isTest() {
        return CURRENT.get() != null;
    }

    /**
     * The verified run token that marked the current request, if the run was bound by the servlet
     * filter; used to forward the mark to allowed downstream services. Never log it.
     */
    public static Optional<String> currentToken() {
        Frame f = CURRENT.get();
        return f == null ? Optional.empty() : Optional.ofNullable(f.token);
    }

    /** Binds the run to this thread until the returned scope is closed. */
    public static Scope bind(TestRun run) {
        return bind(run, null);
    }

    /** Binds the run, and the token that proved it, to this thread until the scope is closed. */
    public static Scope bind(TestRun run, String token) {
        Objects.requireNonNull(run, "run; to run as production use TipContext.clear()");
        return install(new Frame(run, token));
    }

    /** Runs this thread as production until the returned scope is closed. */
    public static Scope clear() {
        return install(null);
    }

    /** Runs the task with the run bound, then restores what was bound before. */
    public static void run(TestRun run, Runnable task) {
        try (Scope ignored = bind(run)) {
            task.run();
        }
    }

    /** Calls the task with the run bound, then restores what was bound before. */
    public static <T> T call(TestRun run, Callable<T> task) throws Exception {
        try (Scope ignored = bind(run)) {
            return task.call();
        }
    }

    /** Captures the current binding (possibly none) to restore on another thread. */
    public static Snapshot capture() {
        Frame f = CURRENT.get();
        return f == null ? Snapshot.NONE : f.snapshot;
    }

    /** The frame bound to this thread, or {@code null}; for the wrappers in this package. */
    static Frame frame() {
        return CURRENT.get();
    }

    /** Makes the frame current without allocating a scope; for the wrappers in this package. */
    static void switchTo(Frame frame) {
        set(frame);
    }

    /**
     * Removes a run id left in the MDC of a thread that has no run bound. Some MDC adapters keep
     * their map in an {@code InheritableThreadLocal}, so a thread created under a run starts with
     * that run's id in its MDC although no run is bound to it.
     */
    static void dropStaleMdc() {
        if (MDC.get(MDC_KEY) != null) {
            MDC.remove(MDC_KEY);
        }
    }

    private static Scope install(Frame next) {
        Frame previous = CURRENT.get();
        if (previous == next) {
            if (next == null) {
                dropStaleMdc();
            }
            return NOOP;
        }
        set(next);
        return new Restore(previous);
    }

    private static void set(Frame frame) {
        if (frame == null) {
            // set(null), not remove(): a pooled thread that keeps switching between a run and
            // production would otherwise allocate a new thread-local entry at every switch
            CURRENT.set(null);
            MDC.remove(MDC_KEY);
        } else {
            CURRENT.set(frame);
            MDC.put(MDC_KEY, frame.run.runId());
        }
    }

    /** A binding that ends when closed. Closing twice has no further effect. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        /** Restores the binding that was current when this scope was opened. */
        @Override
        void close();
    }

    /** A captured binding, or the absence of one. Holds no reference to any thread. */
    public static final class Snapshot {

        /** The snapshot of production: restoring it runs the work without a test run. */
        public static final Snapshot NONE = new Snapshot(null);

        private final Frame frame;

        private Snapshot(Frame frame) {
            this.frame = frame;
        }

        /** The captured run, or empty if production was captured. */
        public Optional<TestRun> run() {
            return frame == null ? Optional.empty() : Optional.of(frame.run);
        }

        /** Makes the captured binding current on this thread until the scope is closed. */
        public Scope restore() {
            return install(frame);
        }

        @Override
        public String toString() {
            return frame == null ? "Snapshot[production]" : "Snapshot[" + frame.run.runId() + "]";
        }
    }

    /** One binding: the run, the token that proved it, and its snapshot (so capture is free). */
    static final class Frame {
        final TestRun run;
        final String token;
        final Snapshot snapshot;

        Frame(TestRun run, String token) {
            this.run = run;
            this.token = token;
            this.snapshot = new Snapshot(this);
        }
    }

    private static final class Restore implements Scope {
        private Frame previous;
        private boolean closed;

        Restore(Frame previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                set(previous);
                previous = null;
            }
        }
    }
}
