package io.tipdata.core;

import java.util.concurrent.Executor;

/** An executor that runs each task with the context current when the task was submitted. */
final class ContextExecutor implements Executor {

    private final Executor delegate;

    ContextExecutor(Executor delegate) {
        this.delegate = delegate;
    }

    @Override
    public void execute(Runnable command) {
        delegate.execute(ContextRunnable.of(command));
    }

    @Override
    public String toString() {
        return "ContextExecutor[" + delegate + "]";
    }
}
