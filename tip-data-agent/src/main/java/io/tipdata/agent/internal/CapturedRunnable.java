package io.tipdata.agent.internal;

import io.tipdata.core.TipContext;

/**
 * A task submitted to an instrumented pool under a test run, with that run: the wrapper belongs to
 * one submission, so the same task object submitted again from another context gets a wrapper of
 * its own. Binds the run around the task and restores the worker's previous binding afterwards.
 */
final class CapturedRunnable implements Runnable {

    private final Runnable task;
    private final TipContext.Snapshot context;

    CapturedRunnable(Runnable task, TipContext.Snapshot context) {
        this.task = task;
        this.context = context;
    }

    @Override
    public void run() {
        try (TipContext.Scope ignored = context.restore()) {
            task.run();
        }
    }

    @Override
    public String toString() {
        return task.toString();
    }
}
