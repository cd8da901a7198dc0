package io.tipdata.core;

import io.tipdata.core.TipContext.Frame;
import java.util.Objects;

/** A runnable that runs with the context captured when it was wrapped. */
final class ContextRunnable extends ContextCarrier implements Runnable {

    private final Runnable task;

    private ContextRunnable(Runnable task, Frame frame, boolean periodic) {
        super(frame, periodic);
        this.task = task;
    }

    /** Wraps the task with the current context, or returns it if it already carries one. */
    static Runnable of(Runnable task) {
        Objects.requireNonNull(task, "task");
        return task instanceof ContextRunnable ? task : new ContextRunnable(task, TipContext.frame(), false);
    }

    /** Wraps a task that runs many times, each run with the context captured now (or its own). */
    static Runnable periodic(Runnable task) {
        Objects.requireNonNull(task, "task");
        if (task instanceof ContextRunnable) {
            ContextRunnable wrapped = (ContextRunnable) task;
            return new ContextRunnable(wrapped.task, wrapped.captured(), true);
        }
        return new ContextRunnable(task, TipContext.frame(), true);
    }

    @Override
    public void run() {
        Frame previous = open();
        try {
            task.run();
        } finally {
            close(previous);
        }
    }

    @Override
    public String toString() {
        return "ContextRunnable[" + describeContext() + ", " + task + "]";
    }
}
