package io.tipdata.agent.internal;

import io.tipdata.core.TipContext;
import java.util.concurrent.Callable;

/** A callable submitted under a test run, with that run; see {@link CapturedRunnable}. */
final class CapturedCallable<T> implements Callable<T> {

    private final Callable<T> task;
    private final TipContext.Snapshot context;

    CapturedCallable(Callable<T> task, TipContext.Snapshot context) {
        this.task = task;
        this.context = context;
    }

    @Override
    public T call() throws Exception {
        try (TipContext.Scope ignored = context.restore()) {
            return task.call();
        }
    }

    @Override
    public String toString() {
        return task.toString();
    }
}
