package io.tipdata.core;

import io.tipdata.core.TipContext.Frame;
import java.util.Objects;
import java.util.concurrent.Callable;

/** A callable that runs with the context captured when it was wrapped. */
final class ContextCallable<T> extends ContextCarrier implements Callable<T> {

    private final Callable<T> task;

    private ContextCallable(Callable<T> task, Frame frame) {
        super(frame, false);
        this.task = task;
    }

    /** Wraps the task with the current context, or returns it if it already carries one. */
    static <T> Callable<T> of(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        return task instanceof ContextCallable ? task : new ContextCallable<>(task, TipContext.frame());
    }

    @Override
    public T call() throws Exception {
        Frame previous = open();
        try {
            return task.call();
        } finally {
            close(previous);
        }
    }

    @Override
    public String toString() {
        return "ContextCallable[" + describeContext() + ", " + task + "]";
    }
}
