package io.tipdata.core;

import io.tipdata.core.TipContext.Frame;
import java.util.Objects;
import java.util.concurrent.ForkJoinTask;

/**
 * A fork/join task that runs another one in this thread, with the context captured when it was
 * wrapped. Subtasks the inner task forks are not wrapped (see {@link TipExecutors#wrap(ForkJoinTask)}).
 */
final class ContextForkJoinTask<T> extends ForkJoinTask<T> {

    private static final long serialVersionUID = 1L;

    private final ForkJoinTask<T> task;
    private final transient Carrier carrier;
    private T result;

    private ContextForkJoinTask(ForkJoinTask<T> task, Frame frame) {
        this.task = task;
        this.carrier = new Carrier(frame);
    }

    static <T> ForkJoinTask<T> of(ForkJoinTask<T> task) {
        Objects.requireNonNull(task, "task");
        return task instanceof ContextForkJoinTask ? task : new ContextForkJoinTask<>(task, TipContext.frame());
    }

    @Override
    public T getRawResult() {
        return result;
    }

    @Override
    protected void setRawResult(T value) {
        this.result = value;
    }

    @Override
    protected boolean exec() {
        Frame previous = carrier.open();
        try {
            result = task.invoke();
            return true;
        } finally {
            carrier.close(previous);
        }
    }

    @Override
    public String toString() {
        return "ContextForkJoinTask[" + carrier.describeContext() + ", " + task + "]";
    }

    private static final class Carrier extends ContextCarrier {
        Carrier(Frame frame) {
            super(frame, false);
        }
    }
}
