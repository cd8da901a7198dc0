package io.tipdata.core;

import static io.tipdata.core.Probe.expected;
import static io.tipdata.core.Probe.run;
import static io.tipdata.core.Probe.seen;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class ThreadFactoryPropagationTest {

    private final TestRun a = run("run-a");

    @AfterEach
    void cleanThread() {
        TipContext.switchTo(null);
        MDC.clear();
    }

    @Test
    void theMdcOfThisTestSetupIsInheritedByPlainThreads() throws Exception {
        AtomicReference<String> inChild = new AtomicReference<>();
        try (TipContext.Scope ignored = TipContext.bind(a)) {
            Thread child = Executors.defaultThreadFactory().newThread(() -> inChild.set(seen()));
            child.start();
            child.join(5000);
        }
        assertThat(inChild.get()).as("plain threads inherit the MDC entry but not the binding")
                .isEqualTo("production|run-a");
    }

    @Test
    void threadsOfACleanFactoryStartWithoutContextOrMdcEntry() throws Exception {
        ThreadFactory factory = TipExecutors.cleanThreadFactory();
        AtomicReference<String> inChild = new AtomicReference<>();
        try (TipContext.Scope ignored = TipContext.bind(a)) {
            Thread child = factory.newThread(() -> inChild.set(seen()));
            child.start();
            child.join(5000);
            assertThat(seen()).isEqualTo(expected(a));
        }
        assertThat(inChild.get()).isEqualTo(expected(null));
    }

    @Test
    void poolThreadsCreatedUnderARunDoNotCarryItIntoLaterUnwrappedWork() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2, TipExecutors.cleanThreadFactory());
        try {
            try (TipContext.Scope ignored = TipContext.bind(a)) {
                pool.submit(() -> { }).get();
            }
            assertThat(pool.submit(Probe::seen).get()).isEqualTo(expected(null));
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void wrappingACleanFactoryReturnsIt() {
        ThreadFactory factory = TipExecutors.cleanThreadFactory(Executors.defaultThreadFactory());
        assertThat(TipExecutors.cleanThreadFactory(factory)).isSameAs(factory);
    }
}
