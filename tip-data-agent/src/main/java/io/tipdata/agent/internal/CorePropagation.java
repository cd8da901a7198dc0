package io.tipdata.agent.internal;

import io.tipdata.agent.bootstrap.Propagation;
import io.tipdata.core.TipContext;
import io.tipdata.core.TipContext.Snapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.FutureTask;

/**
 * The contract of {@code TipExecutors} for code that does not use it: capture at submission, the
 * worker's previous binding restored in {@code finally}, absent means absent, no inheritance into
 * pooled threads. Built on {@link TipContext}'s public snapshot API, so the agent and the
 * application see one and the same context.
 *
 * <p>Production work costs one thread-local read at submission and nothing else: it is neither
 * wrapped nor recorded. The worker side makes "absent means absent" hold without a wrapper: a
 * pool worker is clean between tasks (the binding a task leaves behind is taken back when it
 * ends, and a thread a pool creates does not take the creating task's run), so an unwrapped task
 * starts without a run; fork/join tasks, which workers also run while joining inside another
 * task, start with none unless one was recorded for them.
 */
public final class CorePropagation extends Propagation {

    private static final String VIRTUAL_THREAD = "java.lang.VirtualThread";
    /** Jetty's reserved thread: a long-lived job that runs other jobs, so it must never take a run itself. */
    private static final String JETTY_RESERVED_THREAD = "org.eclipse.jetty.util.thread.ReservedThreadExecutor$ReservedThread";

    private final TaskTable tasks = new TaskTable();
    private final ConcurrentHashMap<Thread, Snapshot> startedThreads = new ConcurrentHashMap<>();
    private final ThreadLocal<int[]> creatingWorker = ThreadLocal.withInitial(() -> new int[1]);
    private final CoreWrappers coreWrappers = new CoreWrappers();

    @Override
    public Runnable wrap(Runnable task) {
        Snapshot context = TipContext.capture();
        if (context == Snapshot.NONE || task instanceof FutureTask || carries(task)
                || JETTY_RESERVED_THREAD.equals(task.getClass().getName())) {
            return task;
        }
        if (task instanceof ForkJoinTask) {
            Snapshot own = tasks.get(task);
            if (own != null) {
                context = own;
            }
        }
        return new CapturedRunnable(task, context);
    }

    @Override
    public Runnable wrapForForkJoinPool(Runnable task) {
        Snapshot context = TipContext.capture();
        if (context == Snapshot.NONE || carries(task)) {
            return task;
        }
        if (task instanceof ForkJoinTask) {
            tasks.putIfAbsent(task, context);
            return task;
        }
        if (task.getClass().getName().startsWith(VIRTUAL_THREAD)) {
            return task; // a virtual thread's continuation: the virtual thread carries its own context
        }
        return new CapturedRunnable(task, context);
    }

    @Override
    public Runnable wrapPeriodic(Runnable task) {
        Snapshot context = TipContext.capture();
        if (context == Snapshot.NONE || carries(task)) {
            return task;
        }
        return new CapturedRunnable(task, context);
    }

    @Override
    public <T> Callable<T> wrap(Callable<T> task) {
        Snapshot context = TipContext.capture();
        if (context == Snapshot.NONE || carries(task)) {
            return task;
        }
        return new CapturedCallable<>(task, context);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object wrapAll(Object callables) {
        if (TipContext.capture() == Snapshot.NONE || !(callables instanceof Collection)) {
            return callables;
        }
        Collection<Callable> given = (Collection<Callable>) callables;
        List<Callable> wrapped = new ArrayList<>(given.size());
        for (Callable task : given) {
            wrapped.add(task == null ? null : wrap(task));
        }
        return wrapped;
    }

    @Override
    public void capture(Object task) {
        Snapshot context = TipContext.capture();
        if (context != Snapshot.NONE && !carries(task)) {
            tasks.put(task, context);
        }
    }

    @Override
    public void captureAll(Object all) {
        if (TipContext.capture() == Snapshot.NONE) {
            return;
        }
        if (all instanceof Object[]) {
            for (Object task : (Object[]) all) {
                capture(task);
            }
        } else if (all instanceof Collection) {
            for (Object task : (Collection<?>) all) {
                capture(task);
            }
        }
    }

    @Override
    public Object enterForkJoinTask(Object task) {
        Snapshot previous = TipContext.capture();
        Snapshot captured = tasks.remove(task);
        Snapshot next = captured == null ? Snapshot.NONE : captured;
        if (next != previous) {
            next.restore();
        }
        return previous;
    }

    @Override
    public Object enterTimerTask(Object task) {
        Snapshot previous = TipContext.capture();
        Snapshot captured = tasks.get(task);
        if (captured != null && captured != previous) {
            captured.restore();
        }
        return previous;
    }

    @Override
    public Object enterJob() {
        return TipContext.capture();
    }

    @Override
    public void exit(Object token) {
        Snapshot previous = (Snapshot) token;
        if (TipContext.capture() != previous) {
            previous.restore();
        } else if (previous == Snapshot.NONE) {
            TipContext.clear(); // no binding: only drops a run id the work left in the MDC
        }
    }

    @Override
    public void resetWorker() {
        TipContext.clear();
    }

    @Override
    public void threadStarting(Thread thread) {
        Snapshot context = TipContext.capture();
        if (context == Snapshot.NONE || creatingWorker.get()[0] > 0 || thread instanceof ForkJoinWorkerThread
                || "java.util.TimerThread".equals(thread.getClass().getName())
                || thread.getState() != Thread.State.NEW) {
            return;
        }
        startedThreads.put(thread, context);
    }

    @Override
    public void threadStartFailed(Thread thread) {
        if (!startedThreads.isEmpty()) {
            startedThreads.remove(thread);
        }
    }

    @Override
    public Object enterThread() {
        Snapshot previous = TipContext.capture();
        Snapshot started = startedThreads.isEmpty() ? null : startedThreads.remove(Thread.currentThread());
        if (started != null) {
            if (started != previous) {
                started.restore();
            }
        } else if (previous == Snapshot.NONE) {
            TipContext.clear(); // a run id inherited in the MDC from the creating thread
        }
        return previous;
    }

    @Override
    public void beginWorkerCreation() {
        creatingWorker.get()[0]++;
    }

    @Override
    public void endWorkerCreation() {
        creatingWorker.get()[0]--;
    }

    /** Tasks waiting for their thread or fork/join run, for the tests. */
    int pending() {
        return tasks.size() + startedThreads.size();
    }

    private boolean carries(Object task) {
        return task instanceof CapturedRunnable || task instanceof CapturedCallable || coreWrappers.isWrapper(task);
    }
}
