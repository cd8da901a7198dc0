package io.tipdata.agent.bootstrap;

import java.util.concurrent.Callable;

/**
 * The static entry points that the agent's advice, inlined into JDK and Jetty classes, calls.
 * Loaded by the bootstrap class loader; until the agent sets the propagation every method leaves
 * the work as it is. Not an API: used by the agent's instrumentation only.
 */
public final class TipBridge {

    private static volatile Propagation propagation;

    private TipBridge() {
    }

    /** Sets the propagation once; later calls are ignored. Returns whether this call set it. */
    public static synchronized boolean install(Propagation p) {
        if (propagation != null) {
            return false;
        }
        propagation = p;
        return true;
    }

    /** Tells whether a propagation is installed. */
    public static boolean installed() {
        return propagation != null;
    }

    public static Runnable wrap(Runnable task) {
        Propagation p = propagation;
        return p == null || task == null ? task : p.wrap(task);
    }

    public static Runnable wrapForForkJoinPool(Runnable task) {
        Propagation p = propagation;
        return p == null || task == null ? task : p.wrapForForkJoinPool(task);
    }

    public static Runnable wrapPeriodic(Runnable task) {
        Propagation p = propagation;
        return p == null || task == null ? task : p.wrapPeriodic(task);
    }

    public static <T> Callable<T> wrap(Callable<T> task) {
        Propagation p = propagation;
        return p == null || task == null ? task : p.wrap(task);
    }

    public static Object wrapAll(Object callables) {
        Propagation p = propagation;
        return p == null || callables == null ? callables : p.wrapAll(callables);
    }

    public static void capture(Object task) {
        Propagation p = propagation;
        if (p != null && task != null) {
            p.capture(task);
        }
    }

    public static void captureAll(Object tasks) {
        Propagation p = propagation;
        if (p != null && tasks != null) {
            p.captureAll(tasks);
        }
    }

    public static Object enterForkJoinTask(Object task) {
        Propagation p = propagation;
        return p == null ? null : p.enterForkJoinTask(task);
    }

    public static Object enterTimerTask(Object task) {
        Propagation p = propagation;
        return p == null ? null : p.enterTimerTask(task);
    }

    public static Object enterJob() {
        Propagation p = propagation;
        return p == null ? null : p.enterJob();
    }

    public static void exit(Object token) {
        Propagation p = propagation;
        if (p != null && token != null) {
            p.exit(token);
        }
    }

    public static void resetWorker() {
        Propagation p = propagation;
        if (p != null) {
            p.resetWorker();
        }
    }

    public static void threadStarting(Thread thread) {
        Propagation p = propagation;
        if (p != null) {
            p.threadStarting(thread);
        }
    }

    public static void threadStartFailed(Thread thread) {
        Propagation p = propagation;
        if (p != null) {
            p.threadStartFailed(thread);
        }
    }

    public static Object enterThread() {
        Propagation p = propagation;
        return p == null ? null : p.enterThread();
    }

    public static void beginWorkerCreation() {
        Propagation p = propagation;
        if (p != null) {
            p.beginWorkerCreation();
        }
    }

    public static void endWorkerCreation() {
        Propagation p = propagation;
        if (p != null) {
            p.endWorkerCreation();
        }
    }
}
