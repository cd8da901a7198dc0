package io.tipdata.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tipdata.core.micrometer.TipMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunQuarantineTest {

    private final KillSwitch kill = KillSwitch.create();

    /** A clock moved by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aQuarantinedRunIsRefusedAloneUntilReleased() {
        RunQuarantine q = RunQuarantine.builder().killSwitch(kill).build();

        assertThat(q.quarantine("run-a", "check failed")).isTrue();
        assertThat(q.quarantine("run-a", "again")).isFalse();

        assertThat(q.isQuarantined("run-a")).isTrue();
        assertThat(q.reason("run-a")).isEqualTo("check failed");
        assertThat(q.isQuarantined("run-b")).isFalse();
        assertThat(q.quarantinedRuns()).containsOnlyKeys("run-a");
        assertThat(kill.isEngaged()).isFalse();
        assertThat(q.release("run-a")).isTrue();
        assertThat(q.isQuarantined("run-a")).isFalse();
        assertThat(q.release("run-a")).isFalse();
    }

    @Test
    void severalRunsWithinTheWindowEngageTheKillSwitchAndOldOnesDoNotCount() {
        HandClock clock = new HandClock();
        RunQuarantine q = RunQuarantine.builder().killSwitch(kill).killSwitchAfter(2, Duration.ofMinutes(5))
                .clock(clock).build();
        q.quarantine("run-a", "x");
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        q.quarantine("run-b", "x");
        assertThat(kill.isEngaged()).as("run-a is outside the window").isFalse();
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        q.quarantine("run-c", "x");
        assertThat(kill.isEngaged()).isTrue();
        assertThat(kill.reason()).contains("2 or more runs", "run-c");
    }

    @Test
    void listenersAndMetricsHearEachQuarantine() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        TipMetrics metrics = new TipMetrics();
        metrics.bindTo(meters);
        List<String> heard = new ArrayList<>();
        RunQuarantine q = RunQuarantine.builder().killSwitch(kill).killSwitchAfter(2, Duration.ofMinutes(5)).build();
        q.addListener((run, killed) -> {
            throw new IllegalStateException("a failing listener changes nothing");
        });
        q.addListener((run, killed) -> heard.add(run + " " + killed));
        q.addListener(metrics);

        q.quarantine("run-a", "x");
        q.quarantine("run-a", "x");
        q.quarantine("run-b", "x");

        assertThat(heard).containsExactly("run-a false", "run-b true");
        assertThat(meters.get(TipMetrics.QUARANTINE_METER_NAME).tag(TipMetrics.OUTCOME_TAG, "quarantined")
                .counter().count()).isEqualTo(1);
        assertThat(meters.get(TipMetrics.QUARANTINE_METER_NAME).tag(TipMetrics.OUTCOME_TAG, "kill-switch")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void theBuilderNamesABadSetting() {
        assertThatThrownBy(() -> RunQuarantine.builder().killSwitchAfter(0, Duration.ofMinutes(1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runs 0");
        assertThatThrownBy(() -> RunQuarantine.builder().killSwitchAfter(3, Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window PT0S");
    }
}
