package io.tipdata.core.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tipdata.core.purge.PurgeReport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PurgeMetricsTest {

    @Test
    void countsRunsRowsFailuresLeaksAndTheOldestOverdueAge() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        PurgeMetrics metrics = new PurgeMetrics();
        metrics.bindTo(registry);

        metrics.onRunPurged("a", 120, Duration.ofMillis(300));
        metrics.onRunPurged("b", 30, Duration.ofMillis(100));
        metrics.onRunFailed("c", "lost");
        metrics.onLeak("left-behind", "1 row");
        metrics.onPass(new PurgeReport(Map.of(), Map.of(), List.of(), Duration.ZERO, false), Duration.ofMinutes(7));

        assertThat(registry.get(PurgeMetrics.RUNS).counter().count()).isEqualTo(2);
        assertThat(registry.get(PurgeMetrics.ROWS).counter().count()).isEqualTo(150);
        assertThat(registry.get(PurgeMetrics.FAILURES).counter().count()).isEqualTo(1);
        assertThat(registry.get(PurgeMetrics.LEAKS).tag("kind", "left-behind").counter().count()).isEqualTo(1);
        assertThat(registry.get(PurgeMetrics.DURATION).timer().count()).isEqualTo(2);
        assertThat(registry.get(PurgeMetrics.OLDEST_OVERDUE).gauge().value()).isEqualTo(420);
    }
}
