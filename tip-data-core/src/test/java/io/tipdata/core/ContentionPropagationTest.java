package io.tipdata.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ContentionPropagationTest {

    @Test
    @Timeout(30)
    void twentyThousandTasksWithMixedContextsEachSeeTheirOwn() throws Exception {
        ExecutorService fixed = Executors.newFixedThreadPool(4);
        ScheduledExecutorService scheduled = Executors.newScheduledThreadPool(2);
        ForkJoinPool forkJoin = new ForkJoinPool(4);
        try {
            ContentionHarness harness = new ContentionHarness(fixed, scheduled, forkJoin, null);
            harness.dirtyWorkers();
            harness.submitAndAwait(20_000, 4, Thread::new, Duration.ofSeconds(20));
            harness.assertNoMismatch();
        } finally {
            fixed.shutdownNow();
            scheduled.shutdownNow();
            forkJoin.shutdownNow();
            assertThat(fixed.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
            assertThat(scheduled.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
            assertThat(forkJoin.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
    }
}
