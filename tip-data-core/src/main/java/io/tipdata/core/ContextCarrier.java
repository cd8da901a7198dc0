package io.tipdata.core;

import io.tipdata.core.TipContext.Frame;

/**
 * The part every propagating wrapper shares: the binding captured when the work was submitted,
 * made current around the work and replaced by the previous binding afterwards.
 *
 * <p>Production costs two thread-local reads and one MDC read: when neither the captured nor the
 * current binding is a run, nothing is written. A one-shot carrier forgets its run when the work
 * ends, so a task kept by an executor or a caller does not keep the run alive; running it again
 * after that is refused rather than run as production.
 */
abstract class ContextCarrier {

    private static final Frame SPENT = new Frame(null, null);

    private Frame frame;
    private final boolean periodic;

    ContextCarrier(Frame frame, boolean periodic) {
        this.frame = frame;
        this.periodic = periodic;
    }

    /** Binds the captured context and returns what was bound before, for {@link #close}. */
    final Frame open() {
        Frame captured = frame;
        if (captured == SPENT) {
            throw spent();
        }
        Frame previous = TipContext.frame();
        if (previous != captured) {
            TipContext.switchTo(captured);
        } else if (captured == null) {
            TipContext.dropStaleMdc();
        }
        return previous;
    }

    /** Restores the binding returned by {@link #open}; a one-shot carrier forgets its run. */
    final void close(Frame previous) {
        if (!periodic && frame != null) {
            frame = SPENT;
        }
        if (TipContext.frame() != previous) {
            TipContext.switchTo(previous);
        }
    }

    /** The captured binding, or {@code null} for production; refused once a one-shot task has run. */
    final Frame captured() {
        Frame f = frame;
        if (f == SPENT) {
            throw spent();
        }
        return f;
    }

    /** Describes the captured context without naming the token. */
    final String describeContext() {
        Frame f = frame;
        return f == SPENT ? "released" : f == null ? "production" : f.run.runId();
    }

    private static IllegalStateException spent() {
        return new IllegalStateException("this task was wrapped under a test run and has already run once;"
                + " its context was released when it finished. Wrap the task again for each execution,"
                + " or schedule it as a periodic task through TipExecutors.wrap(ScheduledExecutorService)");
    }
}
