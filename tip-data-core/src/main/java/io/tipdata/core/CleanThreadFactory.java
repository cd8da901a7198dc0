package io.tipdata.core;

import java.util.concurrent.ThreadFactory;

/**
 * A thread factory whose threads start with no run bound and no run id in the MDC, whatever the
 * thread that created them had bound (some MDC adapters hand their map down to child threads).
 */
final class CleanThreadFactory implements ThreadFactory {

    private final ThreadFactory delegate;

    CleanThreadFactory(ThreadFactory delegate) {
        this.delegate = delegate;
    }

    @Override
    public Thread newThread(Runnable task) {
        return delegate.newThread(new CleanStart(task));
    }

    @Override
    public String toString() {
        return "CleanThreadFactory[" + delegate + "]";
    }

    private static final class CleanStart implements Runnable {
        private final Runnable task;

        CleanStart(Runnable task) {
            this.task = task;
        }

        @Override
        public void run() {
            if (TipContext.frame() != null) {
                TipContext.switchTo(null);
            }
            TipContext.dropStaleMdc();
            task.run();
        }

        @Override
        public String toString() {
            return task.toString();
        }
    }
}
