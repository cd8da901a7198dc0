package io.tipdata.core.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.tipdata.core.RejectReason;
import io.tipdata.core.RunQuarantine;
import io.tipdata.core.servlet.TipFilter;
import io.tipdata.core.servlet.TipListener;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the marked requests seen by {@link TipFilter}, as the counter {@value #METER_NAME} with the tags
 * {@value #OUTCOME_TAG} ({@code accepted}, {@code rejected} or {@code killed}) and {@value #REASON_TAG}
 * (the reject reason code; {@code none} when accepted, {@code kill-switch} when killed). Production
 * requests are not counted. Register it as a listener of the filter and bind it to a registry:
 *
 * <pre>{@code
 * TipMetrics metrics = new TipMetrics();
 * metrics.bindTo(meterRegistry);
 * TipFilter filter = TipFilter.builder(verifier).listener(metrics).build();
 * }</pre>
 *
 * <p>Also a {@link RunQuarantine.Listener}: added to a quarantine ({@code RunQuarantine.global().addListener(metrics)}),
 * it counts quarantined runs as {@value #QUARANTINE_METER_NAME}, tagged {@value #OUTCOME_TAG} {@code quarantined}
 * or {@code kill-switch} (this quarantine engaged the kill switch).
 *
 * <p>Counters exist for every known reason from binding on, so they report zero before the first event.
 * Events before {@link #bindTo} are not counted. Bound to several registries, the last one counts.
 */
public final class TipMetrics implements TipListener, RunQuarantine.Listener, MeterBinder {

    /** Name of the counter. */
    public static final String METER_NAME = "tip.requests";
    /** Name of the counter of quarantined runs. */
    public static final String QUARANTINE_METER_NAME = "tip.runs.quarantined";
    /** Tag telling what the filter did: accepted, rejected or killed. */
    public static final String OUTCOME_TAG = "outcome";
    /** Tag holding the reason code. */
    public static final String REASON_TAG = "reason";

    private static final String[] FILTER_REASONS = {TipFilter.REASON_DUPLICATE_HEADER, TipFilter.REASON_RUN_PURGED,
        TipFilter.REASON_REGISTRY_UNAVAILABLE, TipFilter.REASON_RUN_QUARANTINED};

    private final Tags extraTags;
    private volatile Bound bound;

    /** Metrics without extra tags. */
    public TipMetrics() {
        this(Tags.empty());
    }

    /** Metrics with extra tags on every counter (e.g. the application name). */
    public TipMetrics(Iterable<Tag> extraTags) {
        this.extraTags = Tags.of(Objects.requireNonNull(extraTags, "extraTags"));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        Bound b = new Bound(registry, extraTags);
        for (RejectReason r : RejectReason.values()) {
            b.rejected(r.code());
        }
        for (String r : FILTER_REASONS) {
            b.rejected(r);
        }
        bound = b;
    }

    @Override
    public void onAccepted(String runId, HttpServletRequest request) {
        Bound b = bound;
        if (b != null) {
            b.accepted.increment();
        }
    }

    @Override
    public void onRejected(String reason, HttpServletRequest request) {
        Bound b = bound;
        if (b != null) {
            b.rejected(reason).increment();
        }
    }

    @Override
    public void onKilled(HttpServletRequest request) {
        Bound b = bound;
        if (b != null) {
            b.killed.increment();
        }
    }

    @Override
    public void onQuarantined(String runId, boolean killSwitchEngaged) {
        Bound b = bound;
        if (b != null) {
            (killSwitchEngaged ? b.quarantineKilled : b.quarantined).increment();
        }
    }

    private static final class Bound {
        final MeterRegistry registry;
        final Tags tags;
        final Counter accepted;
        final Counter killed;
        final Counter quarantined;
        final Counter quarantineKilled;
        final Map<String, Counter> rejected = new ConcurrentHashMap<>();

        Bound(MeterRegistry registry, Tags tags) {
            this.registry = registry;
            this.tags = tags;
            this.accepted = counter("accepted", "none");
            this.killed = counter("killed", TipFilter.REASON_KILL_SWITCH);
            this.quarantined = quarantineCounter("quarantined");
            this.quarantineKilled = quarantineCounter(TipFilter.REASON_KILL_SWITCH);
        }

        Counter rejected(String reason) {
            return rejected.computeIfAbsent(reason == null ? "unknown" : reason, r -> counter("rejected", r));
        }

        private Counter quarantineCounter(String outcome) {
            return Counter.builder(QUARANTINE_METER_NAME)
                    .description("Test runs quarantined because tip-data could not confine one of their statements")
                    .tags(tags)
                    .tag(OUTCOME_TAG, outcome)
                    .register(registry);
        }

        private Counter counter(String outcome, String reason) {
            return Counter.builder(METER_NAME)
                    .description("Requests marked with a run header, by what the tip-data filter did")
                    .tags(tags)
                    .tag(OUTCOME_TAG, outcome)
                    .tag(REASON_TAG, reason)
                    .register(registry);
        }
    }
}
