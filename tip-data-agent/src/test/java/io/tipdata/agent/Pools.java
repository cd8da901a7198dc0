package io.tipdata.agent;

import java.lang.reflect.Method;
import java.util.Timer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** One unwrapped pool of every kind the agent instruments; virtual threads only on Java 21+. */
final class Pools implements AutoCloseable {

    final ExecutorService fixed = Executors.newFixedThreadPool(4);
    final ScheduledExecutorService scheduled = Executors.newScheduledThreadPool(2);
    final ForkJoinPool forkJoin = new ForkJoinPool(4);
    final Timer timer = new Timer("tip-timer", true);
    final QueuedThreadPool jetty = new QueuedThreadPool(8, 2);
    final ExecutorService virtualPerTask = newVirtualThreadPerTaskExecutor();
    private final Method ofVirtual;
    private final Method builderStart;

    Pools() throws Exception {
        jetty.setName("tip-jetty");
        jetty.start();
        Method of = null;
        Method start = null;
        try {
            of = Thread.class.getMethod("ofVirtual");
            start = Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class);
        } catch (NoSuchMethodException | ClassNotFoundException e) {
            // Java 17: no virtual threads
        }
        ofVirtual = of;
        builderStart = start;
    }

    boolean hasVirtualThreads() {
        return virtualPerTask != null;
    }

    /** {@code Thread.ofVirtual().start(task)}, on Java 21+. */
    Thread startVirtual(Runnable task) {
        try {
            return (Thread) builderStart.invoke(ofVirtual.invoke(null), task);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ExecutorService newVirtualThreadPerTaskExecutor() {
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        fixed.shutdownNow();
        scheduled.shutdownNow();
        forkJoin.shutdownNow();
        timer.cancel();
        jetty.stop();
        if (virtualPerTask != null) {
            virtualPerTask.shutdownNow();
        }
        fixed.awaitTermination(5, TimeUnit.SECONDS);
        scheduled.awaitTermination(5, TimeUnit.SECONDS);
        forkJoin.awaitTermination(5, TimeUnit.SECONDS);
    }
}
