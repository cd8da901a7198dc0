package io.tipdata.core;

import static io.tipdata.core.Probe.expected;
import static io.tipdata.core.Probe.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class VirtualThreadPropagationTest {

    @Test
    @Timeout(30)
    void twentyThousandTasksWithMixedContextsOnVirtualThreadsEachSeeTheirOwn() throws Exception {
        ThreadFactory virtual = Thread.ofVirtual().name("tip-virtual-", 0).factory();
        ExecutorService fixed = Executors.newFixedThreadPool(4, virtual);
        ScheduledExecutorService scheduled = Executors.newScheduledThreadPool(2, virtual);
        ForkJoinPool forkJoin = new ForkJoinPool(4);
        ExecutorService perTask = Executors.newThreadPerTaskExecutor(virtual);
        try {
            ContentionHarness harness = new ContentionHarness(fixed, scheduled, forkJoin, perTask);
            harness.dirtyWorkers();
            harness.submitAndAwait(20_000, 8, virtual, Duration.ofSeconds(20));
            harness.assertNoMismatch();
        } finally {
            for (ExecutorService pool : new ExecutorService[] {fixed, scheduled, forkJoin, perTask}) {
                pool.shutdownNow();
                assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    @Test
    void aCleanVirtualThreadFactoryStartsThreadsWithoutTheCreatorsMdcEntry() throws Exception {
        ThreadFactory clean = TipExecutors.cleanThreadFactory(Thread.ofVirtual().factory());
        AtomicReference<String> plainChild = new AtomicReference<>();
        AtomicReference<String> cleanChild = new AtomicReference<>();
        try (TipContext.Scope ignored = TipContext.bind(run("run-virtual"))) {
            Thread plain = Thread.ofVirtual().start(() -> plainChild.set(Probe.seen()));
            Thread cleaned = clean.newThread(() -> cleanChild.set(Probe.seen()));
            cleaned.start();
            plain.join(5000);
            cleaned.join(5000);
        }
        assertThat(plainChild.get()).as("virtual threads inherit the MDC entry by default")
                .isEqualTo("production|run-virtual");
        assertThat(cleanChild.get()).isEqualTo(expected(null));
    }

    @Test
    void aTaskOnAThreadPerTaskExecutorSeesItsSubmissionContextNotTheInheritedMdc() throws Exception {
        ExecutorService perTask = TipExecutors.wrap(Executors.newVirtualThreadPerTaskExecutor());
        try {
            java.util.concurrent.Callable<String> production = TipExecutors.wrap(Probe::seen);
            try (TipContext.Scope ignored = TipContext.bind(run("run-virtual"))) {
                assertThat(perTask.submit(Probe::seen).get()).isEqualTo(expected(run("run-virtual")));
                assertThat(perTask.submit(production).get())
                        .as("wrapped in production, submitted under a run: first capture wins, no inherited MDC")
                        .isEqualTo(expected(null));
            }
        } finally {
            perTask.shutdownNow();
        }
    }
}
