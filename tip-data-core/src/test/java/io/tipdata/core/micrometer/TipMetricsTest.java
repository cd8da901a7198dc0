package io.tipdata.core.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tipdata.core.RejectReason;
import io.tipdata.core.servlet.TipFilter;
import org.junit.jupiter.api.Test;

class TipMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void countersExistFromBindingForEveryOutcomeAndReason() {
        new TipMetrics().bindTo(registry);

        assertThat(count("accepted", "none")).isZero();
        assertThat(count("killed", TipFilter.REASON_KILL_SWITCH)).isZero();
        for (RejectReason r : RejectReason.values()) {
            assertThat(count("rejected", r.code())).isZero();
        }
        for (String r : new String[] {TipFilter.REASON_DUPLICATE_HEADER, TipFilter.REASON_RUN_PURGED,
            TipFilter.REASON_REGISTRY_UNAVAILABLE, TipFilter.REASON_RUN_QUARANTINED}) {
            assertThat(count("rejected", r)).isZero();
        }
        assertThat(registry.find(TipMetrics.METER_NAME).counters())
                .hasSize(2 + RejectReason.values().length + 4);
        assertThat(registry.find(TipMetrics.QUARANTINE_METER_NAME).counters()).hasSize(2);
    }

    @Test
    void eventsAreCountedByOutcomeAndReason() {
        TipMetrics metrics = new TipMetrics();
        metrics.bindTo(registry);

        metrics.onAccepted("run-1", null);
        metrics.onAccepted("run-2", null);
        metrics.onRejected(RejectReason.BAD_SIGNATURE.code(), null);
        metrics.onRejected(TipFilter.REASON_RUN_PURGED, null);
        metrics.onRejected(RejectReason.BAD_SIGNATURE.code(), null);
        metrics.onKilled(null);

        assertThat(count("accepted", "none")).isEqualTo(2);
        assertThat(count("rejected", "bad-signature")).isEqualTo(2);
        assertThat(count("rejected", "run-purged")).isEqualTo(1);
        assertThat(count("rejected", "expired")).isZero();
        assertThat(count("killed", "kill-switch")).isEqualTo(1);
    }

    @Test
    void runIdsNeverBecomeTags() {
        TipMetrics metrics = new TipMetrics();
        metrics.bindTo(registry);

        metrics.onAccepted("run-with-a-name", null);

        assertThat(registry.getMeters()).allSatisfy(m -> assertThat(m.getId().getTags().toString())
                .doesNotContain("run-with-a-name"));
    }

    @Test
    void extraTagsAreOnEveryCounter() {
        new TipMetrics(Tags.of("application", "orders")).bindTo(registry);

        assertThat(registry.find(TipMetrics.METER_NAME).counters())
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.getId().getTag("application")).isEqualTo("orders"));
    }

    @Test
    void eventsBeforeBindingAreNotCounted() {
        TipMetrics metrics = new TipMetrics();
        metrics.onAccepted("early", null);
        metrics.onKilled(null);

        metrics.bindTo(registry);

        assertThat(count("accepted", "none")).isZero();
        assertThat(count("killed", "kill-switch")).isZero();
    }

    private double count(String outcome, String reason) {
        Counter c = registry.find(TipMetrics.METER_NAME).tag(TipMetrics.OUTCOME_TAG, outcome)
                .tag(TipMetrics.REASON_TAG, reason).counter();
        assertThat(c).as("counter %s/%s", outcome, reason).isNotNull();
        return c.count();
    }
}
