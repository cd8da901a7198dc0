package io.tipdata.core;

import static io.tipdata.core.Probe.expected;
import static io.tipdata.core.Probe.run;
import static io.tipdata.core.Probe.seen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutorPropagationTest {

    private final TestRun a = run("run-a");
    private final TestRun b = run("run-b");
    private final ExecutorService single = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);

    @AfterEach
    void stop() throws InterruptedException {
        single.shutdownNow();
        scheduler.shutdownNow();
        assertThat(single.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(scheduler.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void executorRunsEachTaskWithTheContextOfItsSubmission() throws Exception {
        Executor executor = TipExecutors.wrap((Executor) single);
        List<String> seenInTasks = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(3);
        Runnable record = () -> {
            seenInTasks.add(seen());
            done.countDown();
        };
        try (TipContext.Scope ignored = TipContext.bind(a)) {
            executor.execute(record);
        }
        executor.execute(record);
        try (TipContext.Scope ignored = TipContext.bind(b)) {
            executor.execute(record);
        }
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(seenInTasks).containsExactly(expected(a), expected(null), expected(b));
    }

    @Test
    void executorServiceCarriesTheContextThroughEverySubmissionMethod() throws Exception {
        ExecutorService service = TipExecutors.wrap(single);
        Callable<String> probe = Probe::seen;
        try (TipContext.Scope ignored = TipContext.bind(a)) {
            AtomicReference<String> viaRunnable = new AtomicReference<>();
            service.submit(() -> {
                viaRunnable.set(seen());
            }).get();
            assertThat(viaRunnable.get()).isEqualTo(expected(a));
            assertThat(service.submit(() -> viaRunnable.set(seen()), "result").get()).isEqualTo("result");
            assertThat(service.submit(probe).get()).isEqualTo(expected(a));
            assertThat(service.invokeAll(List.of(probe, probe))).extracting(Future::get)
                    .containsExactly(expected(a), expected(a));
            assertThat(service.invokeAll(List.of(probe), 5, TimeUnit.SECONDS)).extracting(Future::get)
                    .containsExactly(expected(a));
            assertThat(service.invokeAny(List.of(probe))).isEqualTo(expected(a));
            assertThat(service.invokeAny(List.of(probe), 5, TimeUnit.SECONDS)).isEqualTo(expected(a));
        }
        assertThat(service.submit(probe).get()).isEqualTo(expected(null));
    }

    @Test
    void productionTaskRunsWithoutContextOnAWorkerLeftDirty() throws Exception {
        single.submit(() -> Probe.leak(a)).get();
        assertThat(single.submit(Probe::seen).get()).as("the worker is dirty").isEqualTo(expected(a));

        ExecutorService service = TipExecutors.wrap(single);
        assertThat(service.submit(Probe::seen).get()).isEqualTo(expected(null));
        try (TipContext.Scope ignored = TipContext.bind(b)) {
            assertThat(service.submit(Probe::seen).get()).isEqualTo(expected(b));
        }
        assertThat(service.submit(Probe::seen).get()).isEqualTo(expected(null));
    }

    @Test
    void aThrowingTaskLeavesTheWorkerAsItFoundIt() throws Exception {
        ExecutorService service = TipExecutors.wrap(single);
        Future<?> failed;
        try (TipContext.Scope ignored = TipContext.bind(a)) {
            failed = service.submit(() -> {
                throw new IllegalStateException("task failed");
            });
        }
        assertThatThrownBy(failed::get).isInstanceOf(ExecutionException.class).hasRootCauseMessage("task failed");
        assertThat(single.submit(Probe::seen).get()).isEqualTo(expected(null));
    }

    @Test
    void scheduledTasksRunWithTheContextOfTheirScheduling() throws Exception {
        ScheduledExecutorService service = TipExecutors.wrap(scheduler);
        AtomicReference<String> viaRunnable = new AtomicReference<>();
        ScheduledFuture<String> viaCallable;
        ScheduledFuture<?> runnableDone;
        try (TipContext.Scope ignored = TipContext.bind(a)) {
            runnableDone = service.schedule(() -> viaRunnable.set(seen()), 1, TimeUnit.MILLISECONDS);
        }
        try (TipContext.Scope ignored = TipContext.bind(b)) {
            viaCallable = service.schedule(Probe::seen, 1, TimeUnit.MILLISECONDS);
        }
        runnableDone.get(5, TimeUnit.SECONDS);
        assertThat(viaRunnable.get()).isEqualTo(expected(a));
        assertThat(viaCallable.get(5, TimeUnit.SECONDS)).isEqualTo(expected(b));
    }

    @Test
    void everyRunOfAPeriodicTaskHasTheContextOfItsScheduling() throws Exception {
        ScheduledExecutorService service = TipExecutors.wrap(scheduler);
        List<String> atFixedRate = new CopyOnWriteArrayList<>();
        List<String> withFixedDelay = new CopyOnWriteArrayList<>();
        CountDownLatch rateRuns = new CountDownLatch(3);
        CountDownLatch delayRuns = new CountDownLatch(3);
        ScheduledFuture<?> rate;
        ScheduledFuture<?> delay;
        try (TipContext.Scope ignored = TipContext.bind(a)) {
            rate = service.scheduleAtFixedRate(() -> {
                atFixedRate.add(seen());
                rateRuns.countDown();
            }, 0, 2, TimeUnit.MILLISECONDS);
        }
        Runnable preWrappedUnderB;
        try (TipContext.Scope ignored = TipContext.bind(b)) {
            preWrappedUnderB = TipExecutors.wrap(() -> {
                withFixedDelay.add(seen());
                delayRuns.countDown();
            });
        }
        delay = service.scheduleWithFixedDelay(preWrappedUnderB, 0, 2, TimeUnit.MILLISECONDS);
        assertThat(rateRuns.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(delayRuns.await(5, TimeUnit.SECONDS)).isTrue();
        rate.cancel(false);
        delay.cancel(false);
        assertThat(atFixedRate).hasSizeGreaterThan(1).containsOnly(expected(a));
        assertThat(withFixedDelay).as("a task wrapped before scheduling keeps its first capture")
                .hasSizeGreaterThan(1).containsOnly(expected(b));
        assertThat(scheduler.submit(Probe::seen).get()).isEqualTo(expected(null));
    }

    @Test
    void aTestTaskThatAlreadyRanCannotBeScheduledAsPeriodic() {
        Runnable spent;
        try (TipContext.Scope ignored = TipContext.bind(a)) {
            spent = TipExecutors.wrap(() -> { });
        }
        spent.run();
        ScheduledExecutorService service = TipExecutors.wrap(scheduler);
        assertThatThrownBy(() -> service.scheduleAtFixedRate(spent, 0, 1, TimeUnit.MILLISECONDS))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already run once");
    }

    @Test
    void wrappingAWrappedExecutorReturnsIt() {
        ExecutorService service = TipExecutors.wrap(single);
        assertThat(TipExecutors.wrap(service)).isSameAs(service);
        assertThat(TipExecutors.wrap((Executor) service)).isSameAs(service);
        Executor executor = TipExecutors.wrap((Executor) Runnable::run);
        assertThat(TipExecutors.wrap(executor)).isSameAs(executor);
        ScheduledExecutorService scheduled = TipExecutors.wrap(scheduler);
        assertThat(TipExecutors.wrap(scheduled)).isSameAs(scheduled);
        assertThat(TipExecutors.wrap((ExecutorService) scheduled)).isSameAs(scheduled);
    }

    @Test
    void lifecycleCallsReachTheDelegate() throws InterruptedException {
        ExecutorService service = TipExecutors.wrap(single);
        service.shutdown();
        assertThat(single.isShutdown()).isTrue();
        assertThat(service.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(service.isTerminated()).isTrue();
    }
}
