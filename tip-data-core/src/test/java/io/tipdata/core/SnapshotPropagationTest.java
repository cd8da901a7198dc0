package io.tipdata.core;

import static io.tipdata.core.Probe.expected;
import static io.tipdata.core.Probe.run;
import static io.tipdata.core.Probe.seen;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class SnapshotPropagationTest {

    private final TestRun a = run("run-a");

    @AfterEach
    void cleanThread() {
        TipContext.switchTo(null);
        MDC.clear();
    }

    @Test
    void captureOfTheSameBindingReturnsTheSameSnapshot() {
        assertThat(TipContext.capture()).isSameAs(TipContext.Snapshot.NONE);
        try (TipContext.Scope ignored = TipContext.bind(a)) {
            TipContext.Snapshot first = TipContext.capture();
            assertThat(TipContext.capture()).isSameAs(first);
            assertThat(first.run()).contains(a);
            assertThat(first).hasToString("Snapshot[run-a]");
        }
    }

    @Test
    void snapshotRestoredOnAnotherThreadBindsTheRunThenRestores() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            TipContext.Snapshot snapshot;
            try (TipContext.Scope ignored = TipContext.bind(a, "secret-token")) {
                snapshot = TipContext.capture();
            }
            assertThat(pool.submit(() -> {
                try (TipContext.Scope ignored = snapshot.restore()) {
                    return seen() + "|" + TipContext.currentToken().orElse("none");
                }
            }).get()).isEqualTo(expected(a) + "|secret-token");
            assertThat(pool.submit(Probe::seen).get()).isEqualTo(expected(null));
            assertThat(snapshot.toString()).doesNotContain("secret-token");
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void clearAndRestoringProductionDropAStaleMdcEntry() {
        Probe.leakMdcOnly("run-stale");
        try (TipContext.Scope ignored = TipContext.clear()) {
            assertThat(seen()).isEqualTo(expected(null));
        }
        Probe.leakMdcOnly("run-stale");
        try (TipContext.Scope ignored = TipContext.Snapshot.NONE.restore()) {
            assertThat(seen()).isEqualTo(expected(null));
        }
    }
}
