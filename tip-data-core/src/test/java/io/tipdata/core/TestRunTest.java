package io.tipdata.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TestRunTest {

    @Test
    void aRunFromAnIdAndADurationStartsNowAndLastsThatLong() {
        Instant before = Instant.now();
        TestRun run = TestRun.of("load-1", Duration.ofMinutes(30));
        assertThat(run.runId()).isEqualTo("load-1");
        assertThat(run.created()).isBetween(before, Instant.now());
        assertThat(Duration.between(run.created(), run.expires())).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aRunNeedsAValidIdAndAPositiveDuration() {
        assertThatThrownBy(() -> TestRun.of("Load 1", Duration.ofMinutes(1))).hasMessageContaining("'Load 1'");
        assertThatThrownBy(() -> TestRun.of("load-1", Duration.ZERO)).hasMessageContaining("PT0S");
        assertThatThrownBy(() -> TestRun.of("load-1", Duration.ofSeconds(-1))).hasMessageContaining("PT-1S");
    }
}
