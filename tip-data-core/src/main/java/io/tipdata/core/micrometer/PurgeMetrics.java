package io.tipdata.core.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.tipdata.core.purge.PurgeListener;
import io.tipdata.core.purge.PurgeReport;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Meters of the purge: counters {@value #RUNS} and {@value #ROWS} (purged), {@value #FAILURES} (runs whose
 * purge gave up), {@value #LEAKS} (tag {@code kind}: what the audit found), the timer {@value #DURATION} (per
 * run) and the gauge {@value #OLDEST_OVERDUE} (seconds since the oldest expired run not yet purged expired,
 * as of the last pass). Register it as a listener of the purge job and bind it to a registry.
 */
public final class PurgeMetrics implements PurgeListener, MeterBinder {

    /** Runs purged. */
    public static final String RUNS = "tip.purge.runs";
    /** Rows purged. */
    public static final String ROWS = "tip.purge.rows";
    /** Runs whose purge gave up. */
    public static final String FAILURES = "tip.purge.failures";
    /** Leaks found by the audit, by kind. */
    public static final String LEAKS = "tip.purge.leaks";
    /** Duration of each run's purge. */
    public static final String DURATION = "tip.purge.duration";
    /** Age in seconds of the oldest expired run not purged yet. */
    public static final String OLDEST_OVERDUE = "tip.purge.oldest.overdue";

    private final Tags tags;
    private final AtomicLong oldestOverdueSeconds = new AtomicLong();
    private volatile Bound bound;

    /** Metrics without extra tags. */
    public PurgeMetrics() {
        this(Tags.empty());
    }

    /** Metrics with extra tags on every meter. */
    public PurgeMetrics(Iterable<Tag> extraTags) {
        this.tags = Tags.of(Objects.requireNonNull(extraTags, "extraTags"));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        Gauge.builder(OLDEST_OVERDUE, oldestOverdueSeconds, AtomicLong::get).tags(tags).baseUnit("seconds")
                .description("Age of the oldest expired test run not purged yet").register(registry);
        bound = new Bound(registry, tags);
    }

    @Override
    public void onRunPurged(String runId, long rows, Duration duration) {
        Bound b = bound;
        if (b != null) {
            b.runs.increment();
            b.rows.increment(rows);
            b.duration.record(duration);
        }
    }

    @Override
    public void onRunFailed(String runId, String reason) {
        Bound b = bound;
        if (b != null) {
            b.failures.increment();
        }
    }

    @Override
    public void onPass(PurgeReport report, Duration oldestOverdue) {
        oldestOverdueSeconds.set(oldestOverdue.toSeconds());
    }

    @Override
    public void onLeak(String kind, String detail) {
        Bound b = bound;
        if (b != null) {
            Counter.builder(LEAKS).tags(b.tags).tag("kind", kind).description("Leaks found by the tip-data audit")
                    .register(b.registry).increment();
        }
    }

    private static final class Bound {
        final MeterRegistry registry;
        final Tags tags;
        final Counter runs;
        final Counter rows;
        final Counter failures;
        final Timer duration;

        Bound(MeterRegistry registry, Tags tags) {
            this.registry = registry;
            this.tags = tags;
            this.runs = Counter.builder(RUNS).tags(tags).description("Test runs purged").register(registry);
            this.rows = Counter.builder(ROWS).tags(tags).description("Test rows purged").register(registry);
            this.failures = Counter.builder(FAILURES).tags(tags).description("Test run purges that gave up")
                    .register(registry);
            this.duration = Timer.builder(DURATION).tags(tags).description("Time to purge one test run")
                    .register(registry);
        }
    }
}
