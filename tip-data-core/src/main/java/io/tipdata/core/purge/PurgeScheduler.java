package io.tipdata.core.purge;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link PurgeTask} in-process: every {@code interval} plus a random delay of up to {@code jitter}
 * (so instances started together do not purge in lock step), on one daemon thread, one pass at a time.
 * A pass that throws is logged and the schedule goes on. Register it next to the servlet filter:
 *
 * <pre>{@code
 * PurgeScheduler scheduler = PurgeScheduler.builder(purgeJob).interval(Duration.ofMinutes(5)).build();
 * scheduler.start();   // and scheduler.stop() at shutdown
 * }</pre>
 */
public final class PurgeScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PurgeScheduler.class);

    private final PurgeTask task;
    private final Duration interval;
    private final Duration jitter;
    private final Duration initialDelay;
    private ScheduledExecutorService executor;

    private PurgeScheduler(Builder b) {
        this.task = b.task;
        this.interval = b.interval;
        this.jitter = b.jitter;
        this.initialDelay = b.initialDelay;
    }

    /** A builder of a scheduler for the task. */
    public static Builder builder(PurgeTask task) {
        return new Builder(Objects.requireNonNull(task, "task"));
    }

    /** Starts the schedule; the first pass runs after the initial delay plus jitter. */
    public synchronized void start() {
        if (executor != null) {
            throw new IllegalStateException("purge scheduler is started already; stop() it first");
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tip-purge");
            t.setDaemon(true);
            return t;
        });
        schedule(executor, initialDelay);
    }

    /** Stops the schedule and waits up to ten seconds for a running pass to end; idempotent. */
    public synchronized void stop() {
        ScheduledExecutorService e = executor;
        executor = null;
        if (e == null) {
            return;
        }
        e.shutdownNow();
        try {
            e.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    /** Tells whether the schedule is started. */
    public synchronized boolean isRunning() {
        return executor != null;
    }

    @Override
    public void close() {
        stop();
    }

    private void schedule(ScheduledExecutorService e, Duration delay) {
        long jitterNanos = jitter.isZero() ? 0 : ThreadLocalRandom.current().nextLong(jitter.toNanos() + 1);
        try {
            e.schedule(() -> pass(e), delay.toNanos() + jitterNanos, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            LOG.debug("purge scheduler stopped; no further pass");
        }
    }

    private void pass(ScheduledExecutorService e) {
        try {
            PurgeReport r = task.purgeExpired();
            LOG.debug("purge pass: {} run(s), {} row(s), {} failed", r.purged().size(), r.rows(), r.failed().size());
        } catch (RuntimeException ex) {
            LOG.warn("tip-data purge pass failed ({}); the next one runs in {}", ex.toString(), interval);
            LOG.debug("purge pass failure", ex);
        }
        if (!e.isShutdown()) {
            schedule(e, interval);
        }
    }

    @Override
    public String toString() {
        return "PurgeScheduler[every " + interval + " + up to " + jitter + "]";
    }

    /** Settings of a scheduler; {@link #build()} checks them. */
    public static final class Builder {
        private final PurgeTask task;
        private Duration interval = Duration.ofMinutes(5);
        private Duration jitter = Duration.ofSeconds(30);
        private Duration initialDelay = Duration.ofSeconds(30);

        private Builder(PurgeTask task) {
            this.task = task;
        }

        /** Time between the end of a pass and the next (default five minutes). */
        public Builder interval(Duration interval) {
            this.interval = interval;
            return this;
        }

        /** Largest random delay added before each pass (default 30 seconds). */
        public Builder jitter(Duration jitter) {
            this.jitter = jitter;
            return this;
        }

        /** Delay before the first pass (default 30 seconds). */
        public Builder initialDelay(Duration initialDelay) {
            this.initialDelay = initialDelay;
            return this;
        }

        /** The scheduler, not started. */
        public PurgeScheduler build() {
            if (interval == null || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("purge interval " + interval + " must be positive, e.g. PT5M");
            }
            if (jitter == null || jitter.isNegative() || jitter.compareTo(interval) > 0) {
                throw new IllegalArgumentException("purge jitter " + jitter + " must be between PT0S and the interval "
                        + interval + ", e.g. PT30S");
            }
            if (initialDelay == null || initialDelay.isNegative()) {
                throw new IllegalArgumentException("purge initial delay " + initialDelay
                        + " must not be negative, e.g. PT30S");
            }
            return new PurgeScheduler(this);
        }
    }
}
