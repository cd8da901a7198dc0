package io.tipdata.agent.bootstrap;

import java.util.concurrent.Callable;

/**
 * What the instrumented JDK and Jetty code asks of the agent. The implementation lives beside
 * tip-data-core, in the class loader that holds the application's {@code TipContext}; this type is
 * loaded by the bootstrap class loader so that code in {@code java.base} can call it.
 * Not an API: used by the agent's instrumentation only.
 */
public abstract class Propagation {

    /** Wraps a one-shot task with the context current at submission, or returns it unchanged. */
    public abstract Runnable wrap(Runnable task);

    /** Like {@link #wrap(Runnable)}, for a pool that runs fork/join tasks through their own {@code exec}. */
    public abstract Runnable wrapForForkJoinPool(Runnable task);

    /** Wraps a task that runs many times, each run with the context current now. */
    public abstract Runnable wrapPeriodic(Runnable task);

    /** Wraps a callable with the context current at submission, or returns it unchanged. */
    public abstract <T> Callable<T> wrap(Callable<T> task);

    /** A collection of callables, each wrapped; the collection itself if nothing is to be wrapped. */
    public abstract Object wrapAll(Object callables);

    /** Remembers the current context for a fork/join or timer task that will run later. */
    public abstract void capture(Object task);

    /** Remembers the current context for each task of an array or collection of fork/join tasks. */
    public abstract void captureAll(Object tasks);

    /** Before a fork/join task runs: binds its captured context, none if it had none. Returns the token for exit. */
    public abstract Object enterForkJoinTask(Object task);

    /** Before a timer task runs: binds its captured context if it has one. Returns the token for exit. */
    public abstract Object enterTimerTask(Object task);

    /** Before a job runs on a thread that is clean between jobs. Returns the token for exit. */
    public abstract Object enterJob();

    /** After the work: restores the binding the thread had when the work was entered. */
    public abstract void exit(Object token);

    /** Between two tasks of a pool worker: the worker runs the next task without any context. */
    public abstract void resetWorker();

    /** A thread is being started: it will carry the current context, if any. */
    public abstract void threadStarting(Thread thread);

    /** A thread failed to start: forgets what {@link #threadStarting} remembered. */
    public abstract void threadStartFailed(Thread thread);

    /** The run method of a thread begins: binds what the thread was started with. Returns the token for exit. */
    public abstract Object enterThread();

    /** A pool is creating a worker thread: the worker must not carry the context of the creating task. */
    public abstract void beginWorkerCreation();

    /** The pool has created its worker. */
    public abstract void endWorkerCreation();
}
