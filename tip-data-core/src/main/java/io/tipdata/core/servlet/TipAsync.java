package io.tipdata.core.servlet;

import io.tipdata.core.TipContext;
import jakarta.servlet.AsyncContext;
import java.util.Objects;

/**
 * Carries the request's test run into work started with {@link AsyncContext#start(Runnable)}.
 *
 * <p>The container runs such work on another thread, where {@link TipFilter} has bound nothing. Wrap
 * the task where it is submitted: the binding current there (possibly production) is captured and
 * restored around the task, then the thread is left as it was found.
 */
public final class TipAsync {

    private TipAsync() {
    }

    /** Starts the task on a container thread with the calling thread's binding. */
    public static void start(AsyncContext asyncContext, Runnable task) {
        Objects.requireNonNull(asyncContext, "asyncContext");
        asyncContext.start(wrap(task));
    }

    /** The task, made to run with the binding that is current now. */
    public static Runnable wrap(Runnable task) {
        Objects.requireNonNull(task, "task");
        TipContext.Snapshot snapshot = TipContext.capture();
        return () -> {
            try (TipContext.Scope ignored = snapshot.restore()) {
                task.run();
            }
        };
    }
}
