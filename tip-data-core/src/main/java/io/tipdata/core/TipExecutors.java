package io.tipdata.core;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/**
 * Carries the {@link TipContext} from where work is submitted to where it runs.
 *
 * <p>The rules, for every wrapper here:
 * <ul>
 *   <li>The context is captured when the task is wrapped or submitted, and made current only
 *       while the task runs; the binding the worker had before is restored in {@code finally},
 *       also when the task throws.</li>
 *   <li>Absent means absent: a task submitted in production runs in production, even on a worker
 *       that has a run bound (say, left over by unwrapped code), and without a stale run id in the
 *       MDC.</li>
 *   <li>Wrapping is idempotent: wrapping a wrapper returns it, and a task that is already wrapped
 *       keeps the context it captured first, wherever it is submitted later.</li>
 *   <li>A one-shot task forgets its run once it has run, so a task an executor or caller keeps
 *       does not keep the run alive. Running it a second time is refused with an
 *       {@link IllegalStateException} (it would otherwise run as production); wrap it again for
 *       each run. Periodic tasks keep their context while they are scheduled.</li>
 *   <li>Production costs no MDC write and no allocation beyond the wrapper itself.</li>
 * </ul>
 */
public final class TipExecutors {

    private TipExecutors() {
    }

    /** Wraps the task so that it runs with the context current now. */
    public static Runnable wrap(Runnable task) {
        return ContextRunnable.of(task);
    }

    /** Wraps the task so that it runs with the context current now. */
    public static <T> Callable<T> wrap(Callable<T> task) {
        return ContextCallable.of(task);
    }

    /** Wraps the supplier so that it runs with the context current now. */
    public static <T> Supplier<T> wrapSupplier(Supplier<T> supplier) {
        return ContextFunctions.supplier(supplier);
    }

    /** An executor that runs each task with the context current when it was submitted. */
    public static Executor wrap(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        if (executor instanceof ContextExecutor || executor instanceof ContextExecutorService) {
            return executor;
        }
        return new ContextExecutor(executor);
    }

    /** An executor service that runs each task with the context current when it was submitted. */
    public static ExecutorService wrap(ExecutorService executor) {
        Objects.requireNonNull(executor, "executor");
        if (executor instanceof ContextExecutorService) {
            return executor;
        }
        return new ContextExecutorService(executor);
    }

    /** A scheduled executor service whose tasks, periodic ones at every run, get the scheduling context. */
    public static ScheduledExecutorService wrap(ScheduledExecutorService executor) {
        Objects.requireNonNull(executor, "executor");
        if (executor instanceof ContextScheduledExecutorService) {
            return executor;
        }
        return new ContextScheduledExecutorService(executor);
    }

    /**
     * The pool as an executor service whose tasks run with the context current at submission.
     *
     * <p>Covered: every {@code Runnable} and {@code Callable} submitted through the returned
     * service, and any {@link ForkJoinTask} wrapped with {@link #wrap(ForkJoinTask)} before it is
     * given to the pool. Not covered: subtasks that a running task {@code fork()}s; see
     * {@link #wrap(ForkJoinTask)}.
     */
    public static ExecutorService wrap(ForkJoinPool pool) {
        return wrap((ExecutorService) pool);
    }

    /**
     * Wraps a fork/join task (a {@code RecursiveTask}, say) so that it runs with the context
     * current now; submit, execute or invoke the result instead of the task.
     *
     * <p>The task's own {@code compute} runs with the context, and so do subtasks it forks and
     * then joins in the same worker. A forked subtask that another worker steals runs with that
     * worker's binding, which may be production or, while that worker helps with a join, another
     * task's run. Wrap each subtask before forking it ({@code wrap(subtask).fork()}) when it must
     * see the run.
     */
    public static <T> ForkJoinTask<T> wrap(ForkJoinTask<T> task) {
        return ContextForkJoinTask.of(task);
    }

    /** A thread factory whose threads start with no run bound and no run id in the MDC. */
    public static ThreadFactory cleanThreadFactory(ThreadFactory factory) {
        Objects.requireNonNull(factory, "factory");
        return factory instanceof CleanThreadFactory ? factory : new CleanThreadFactory(factory);
    }

    /** {@link Executors#defaultThreadFactory()}, with threads that start with no context. */
    public static ThreadFactory cleanThreadFactory() {
        return new CleanThreadFactory(Executors.defaultThreadFactory());
    }

    /**
     * Like {@link CompletableFuture#supplyAsync(Supplier)}; this future and every stage created
     * from it run their functions with the context current when each stage was created.
     */
    public static <T> CompletableFuture<T> supplyAsync(Supplier<T> supplier) {
        Objects.requireNonNull(supplier, "supplier");
        return new ContextFuture<T>().completeAsync(supplier);
    }

    /** Like {@link #supplyAsync(Supplier)}, running the supplier on the given executor. */
    public static <T> CompletableFuture<T> supplyAsync(Supplier<T> supplier, Executor executor) {
        Objects.requireNonNull(supplier, "supplier");
        Objects.requireNonNull(executor, "executor");
        return new ContextFuture<T>().completeAsync(supplier, executor);
    }

    /** Like {@link CompletableFuture#runAsync(Runnable)}, propagating as {@link #supplyAsync(Supplier)}. */
    public static CompletableFuture<Void> runAsync(Runnable task) {
        Objects.requireNonNull(task, "task");
        return supplyAsync(() -> {
            task.run();
            return null;
        });
    }

    /** Like {@link #runAsync(Runnable)}, running the task on the given executor. */
    public static CompletableFuture<Void> runAsync(Runnable task, Executor executor) {
        Objects.requireNonNull(task, "task");
        return supplyAsync(() -> {
            task.run();
            return null;
        }, executor);
    }

    /** A completed future whose stages propagate as {@link #supplyAsync(Supplier)}. */
    public static <T> CompletableFuture<T> completedFuture(T value) {
        CompletableFuture<T> future = new ContextFuture<>();
        future.complete(value);
        return future;
    }

    /** An incomplete future, to be completed by the caller, whose stages propagate. */
    public static <T> CompletableFuture<T> newFuture() {
        return new ContextFuture<>();
    }

    /** A future completed as the stage is, whose own stages propagate; for {@code allOf} and others. */
    public static <T> CompletableFuture<T> propagating(CompletionStage<T> stage) {
        Objects.requireNonNull(stage, "stage");
        if (stage instanceof ContextFuture) {
            return (ContextFuture<T>) stage;
        }
        CompletableFuture<T> future = new ContextFuture<>();
        stage.whenComplete((value, failure) -> {
            if (failure == null) {
                future.complete(value);
            } else {
                future.completeExceptionally(failure);
            }
        });
        return future;
    }
}
