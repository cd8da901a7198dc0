package io.tipdata.core.purge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PurgeSchedulerTest {

    static PurgeReport empty() {
        return new PurgeReport(Map.of(), Map.of(), List.of(), Duration.ZERO, false);
    }

    @Test
    void runsAtTheIntervalKeepsGoingAfterAFailingPassAndStops() throws Exception {
        AtomicInteger passes = new AtomicInteger();
        PurgeTask task = () -> {
            if (passes.incrementAndGet() == 2) {
                throw new IllegalStateException("database down");
            }
            return empty();
        };
        PurgeScheduler scheduler = PurgeScheduler.builder(task).initialDelay(Duration.ZERO)
                .interval(Duration.ofMillis(30)).jitter(Duration.ofMillis(10)).build();

        scheduler.start();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (passes.get() < 4 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        scheduler.stop();
        int afterStop = passes.get();
        Thread.sleep(150);

        assertThat(afterStop).isGreaterThanOrEqualTo(4);
        assertThat(passes.get()).isEqualTo(afterStop);
        assertThat(scheduler.isRunning()).isFalse();
        scheduler.stop();   // idempotent
    }

    @Test
    void builderNamesTheBadValue() {
        assertThatThrownBy(() -> PurgeScheduler.builder(PurgeSchedulerTest::empty).interval(Duration.ZERO).build())
                .hasMessageContaining("interval PT0S");
        assertThatThrownBy(() -> PurgeScheduler.builder(PurgeSchedulerTest::empty).interval(Duration.ofSeconds(1))
                .jitter(Duration.ofSeconds(2)).build()).hasMessageContaining("jitter PT2S");
        PurgeScheduler s = PurgeScheduler.builder(PurgeSchedulerTest::empty).build();
        s.start();
        try {
            assertThatThrownBy(s::start).hasMessageContaining("started already");
        } finally {
            s.stop();
        }
    }

    @Test
    void aReportAddsUpRowsAndRate() {
        PurgeReport r = new PurgeReport(Map.of("a", 10L, "b", 30L), Map.of("c", "x"), List.of(), Duration.ofSeconds(2),
                false);
        assertThat(r.rows()).isEqualTo(40);
        assertThat(r.rowsPerSecond()).isEqualTo(20.0);
        assertThat(r.isComplete()).isFalse();
    }
}
