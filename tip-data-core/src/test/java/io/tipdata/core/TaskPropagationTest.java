package io.tipdata.core;

import static io.tipdata.core.Probe.expected;
import static io.tipdata.core.Probe.run;
import static io.tipdata.core.Probe.seen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.ref.WeakReference;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class TaskPropagationTest {

    private final TestRun a = run("run-a");
    private final TestRun b = run("run-b");

    @AfterEach
    void cleanThread() {
        TipContext.switchTo(null);
        MDC.clear();
    }

    @Test
    void runnableRunsWithTheContextCapturedAtWrapTimeAndRestoresThePreviousOne() {
        AtomicReference<String> inside = new AtomicReference<>();
        Runnable task;
        try (TipContext.Scope ignored = TipContext.bind(a)) {
            task = TipExecutors.wrap(() -> inside.set(seen()));
        }
        try (TipContext.Scope ignored = TipContext.bind(b)) {
            task.run();
            assertThat(seen()).isEqualTo(expected(b));
        }
        assertThat(inside.get()).isEqualTo(expected(a));
        assertThat(seen()).isEqualTo(expected(null));
    }

    @Test
    void callableAndSupplierReturnTheirValueUnderTheCapturedContext() throws Exception {
        Callable<String> callable;
        Supplier<String> supplier;
        try (TipContext.Scope ignored = TipContext.bind(a)) {
            callable = TipExecutors.wrap(Probe::seen);
            supplier = TipExecutors.wrapSupplier(Probe::seen);
        }
        assertThat(callable.call()).isEqualTo(expected(a));
        assertThat(supplier.get()).isEqualTo(expected(a));
        assertThat(seen()).isEqualTo(expected(null));
    }

    @Test
    void throwingTaskStillRestoresThePreviousBinding() {
        Runnable runnable;
        Callable<String> callable;
        Supplier<String> supplier;
        try (TipContext.Scope ignored = TipContext.bind(a)) {
            runnable = TipExecutors.wrap((Runnable) () -> {
                throw new IllegalStateException("boom");
            });
            callable = TipExecutors.wrap(() -> {
                throw new java.io.IOException("io");
            });
            supplier = TipExecutors.wrapSupplier(() -> {
                throw new IllegalArgumentException("bad");
            });
        }
        try (TipContext.Scope ignored = TipContext.bind(b)) {
            assertThatThrownBy(runnable::run).hasMessage("boom");
            assertThat(seen()).isEqualTo(expected(b));
            assertThatThrownBy(callable::call).hasMessage("io");
            assertThat(seen()).isEqualTo(expected(b));
            assertThatThrownBy(supplier::get).hasMessage("bad");
            assertThat(seen()).isEqualTo(expected(b));
        }
        assertThat(seen()).isEqualTo(expected(null));
    }

    @Test
    void productionTaskRunsWithoutContextOnADirtyThread() {
        AtomicReference<String> inside = new AtomicReference<>();
        Runnable task = TipExecutors.wrap(() -> {
            inside.set(seen());
        });
        Probe.leak(a);
        task.run();
        assertThat(inside.get()).isEqualTo(expected(null));
        assertThat(seen()).as("the stale binding is what was there before; it is restored").isEqualTo(expected(a));
    }

    @Test
    void productionTaskDropsAStaleMdcEntryLeftWithoutABinding() {
        AtomicReference<String> inside = new AtomicReference<>();
        Runnable task = TipExecutors.wrap(() -> inside.set(seen()));
        Probe.leakMdcOnly("run-stale");
        task.run();
        assertThat(inside.get()).isEqualTo(expected(null));
        assertThat(MDC.get(TipContext.MDC_KEY)).isNull();
    }

    @Test
    void nestedWrappedTasksEachSeeTheirOwnContext() {
        AtomicReference<String> outerBefore = new AtomicReference<>();
        AtomicReference<String> innerSeen = new AtomicReference<>();
        AtomicReference<String> outerAfter = new AtomicReference<>();
        Runnable inner;
        try (TipContext.Scope ignored = TipContext.bind(b)) {
            inner = TipExecutors.wrap(() -> innerSeen.set(seen()));
        }
        Runnable outer;
        try (TipContext.Scope ignored = TipContext.bind(a)) {
            outer = TipExecutors.wrap(() -> {
                outerBefore.set(seen());
                inner.run();
                outerAfter.set(seen());
            });
        }
        outer.run();
        assertThat(outerBefore.get()).isEqualTo(expected(a));
        assertThat(innerSeen.get()).isEqualTo(expected(b));
        assertThat(outerAfter.get()).isEqualTo(expected(a));
        assertThat(seen()).isEqualTo(expected(null));
    }

    @Test
    void wrappingAWrapperReturnsItAndTheFirstCaptureWins() {
        AtomicReference<String> inside = new AtomicReference<>();
        Runnable first;
        try (TipContext.Scope ignored = TipContext.bind(a)) {
            first = TipExecutors.wrap(() -> inside.set(seen()));
        }
        Runnable second;
        try (TipContext.Scope ignored = TipContext.bind(b)) {
            second = TipExecutors.wrap(first);
        }
        assertThat(second).isSameAs(first);
        second.run();
        assertThat(inside.get()).isEqualTo(expected(a));

        Callable<String> callable = TipExecutors.wrap(Probe::seen);
        assertThat(TipExecutors.wrap(callable)).isSameAs(callable);
        Supplier<String> supplier = TipExecutors.wrapSupplier(Probe::seen);
        assertThat(TipExecutors.wrapSupplier(supplier)).isSameAs(supplier);
    }

    @Test
    void aTestTaskThatAlreadyRanIsRefusedRatherThanRunAsProduction() {
        Runnable task;
        try (TipContext.Scope ignored = TipContext.bind(a)) {
            task = TipExecutors.wrap(() -> { });
        }
        task.run();
        assertThatThrownBy(task::run).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already run once").hasMessageContaining("Wrap the task again");
        assertThat(seen()).isEqualTo(expected(null));
    }

    @Test
    void aProductionTaskMayRunAgain() {
        int[] runs = new int[1];
        Runnable task = TipExecutors.wrap(() -> {
            runs[0]++;
        });
        task.run();
        task.run();
        assertThat(runs[0]).isEqualTo(2);
    }

    @Test
    void aTaskThatRanDoesNotKeepItsRunReachable() throws InterruptedException {
        TestRun doomed = run("run-doomed");
        WeakReference<TestRun> ref = new WeakReference<>(doomed);
        Runnable task;
        try (TipContext.Scope ignored = TipContext.bind(doomed)) {
            task = TipExecutors.wrap(() -> { });
        }
        doomed = null;
        Probe.assertStillReachable(ref);
        task.run();
        Probe.awaitCollected(ref);
        assertThat(task).isNotNull();
    }

    @Test
    void wrapRejectsNullWithTheArgumentName() {
        assertThatThrownBy(() -> TipExecutors.wrap((Runnable) null)).hasMessage("task");
        assertThatThrownBy(() -> TipExecutors.wrapSupplier(null)).hasMessage("supplier");
    }
}
