package io.tipdata.core;

import static io.tipdata.core.Probe.expected;
import static io.tipdata.core.Probe.run;
import static io.tipdata.core.Probe.seen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CompletableFuturePropagationTest {

    private final TestRun a = run("run-a");
    private final TestRun b = run("run-b");
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void supplyAsyncRunsWithTheCallersContextOnTheDefaultAndOnAGivenExecutor() {
        try (TipContext.Scope ignored = TipContext.bind(a)) {
            assertThat(TipExecutors.supplyAsync(Probe::seen).join()).isEqualTo(expected(a));
            assertThat(TipExecutors.supplyAsync(Probe::seen, pool).join()).isEqualTo(expected(a));
            StringBuilder out = new StringBuilder();
            TipExecutors.runAsync(() -> out.append(seen())).join();
            TipExecutors.runAsync(() -> out.append(';').append(seen()), pool).join();
            assertThat(out).hasToString(expected(a) + ";" + expected(a));
        }
        assertThat(TipExecutors.supplyAsync(Probe::seen, pool).join()).isEqualTo(expected(null));
    }

    @Test
    void everyKindOfStageRunsWithTheContextOfItsCreation() throws Exception {
        CompletableFuture<String> source = TipExecutors.newFuture();
        CompletableFuture<String> other = TipExecutors.completedFuture("other");
        CompletableFuture<String> failed = TipExecutors.newFuture();
        Map<String, String> seenBy = new ConcurrentHashMap<>();
        Consumer<String> rec = name -> seenBy.put(name, seen());
        List<CompletableFuture<?>> stages;
        try (TipContext.Scope ignored = TipContext.bind(a)) {
            stages = List.of(
                    source.thenApply(v -> { rec.accept("thenApply"); return v; }),
                    source.thenApplyAsync(v -> { rec.accept("thenApplyAsync"); return v; }),
                    source.thenApplyAsync(v -> { rec.accept("thenApplyAsync(e)"); return v; }, pool),
                    source.thenAccept(v -> rec.accept("thenAccept")),
                    source.thenAcceptAsync(v -> rec.accept("thenAcceptAsync"), pool),
                    source.thenRun(() -> rec.accept("thenRun")),
                    source.thenRunAsync(() -> rec.accept("thenRunAsync")),
                    source.thenCombine(other, (x, y) -> { rec.accept("thenCombine"); return x; }),
                    source.thenCombineAsync(other, (x, y) -> { rec.accept("thenCombineAsync"); return x; }),
                    source.thenAcceptBoth(other, (x, y) -> rec.accept("thenAcceptBoth")),
                    source.runAfterBoth(other, () -> rec.accept("runAfterBoth")),
                    source.applyToEither(TipExecutors.newFuture(), v -> { rec.accept("applyToEither"); return v; }),
                    source.acceptEitherAsync(TipExecutors.newFuture(), v -> rec.accept("acceptEitherAsync"), pool),
                    source.runAfterEither(TipExecutors.newFuture(), () -> rec.accept("runAfterEither")),
                    source.thenCompose(v -> { rec.accept("thenCompose"); return CompletableFuture.completedFuture(v); }),
                    source.thenComposeAsync(v -> { rec.accept("thenComposeAsync"); return CompletableFuture.completedFuture(v); }),
                    source.handle((v, e) -> { rec.accept("handle"); return v; }),
                    source.handleAsync((v, e) -> { rec.accept("handleAsync"); return v; }, pool),
                    source.whenComplete((v, e) -> rec.accept("whenComplete")),
                    source.whenCompleteAsync((v, e) -> rec.accept("whenCompleteAsync")),
                    failed.exceptionally(e -> { rec.accept("exceptionally"); return "x"; }),
                    failed.exceptionallyAsync(e -> { rec.accept("exceptionallyAsync"); return "x"; }, pool),
                    failed.exceptionallyCompose(e -> { rec.accept("exceptionallyCompose"); return other; }),
                    failed.exceptionallyComposeAsync(e -> { rec.accept("exceptionallyComposeAsync"); return other; }));
        }
        try (TipContext.Scope ignored = TipContext.bind(b)) {
            pool.submit(() -> {
                source.complete("v");
                failed.completeExceptionally(new IllegalStateException("failed"));
            }).get();
            CompletableFuture.allOf(stages.toArray(new CompletableFuture<?>[0])).get(5, TimeUnit.SECONDS);
            assertThat(seen()).isEqualTo(expected(b));
        }
        assertThat(seenBy).hasSize(stages.size());
        assertThat(seenBy.values()).containsOnly(expected(a));
    }

    @Test
    void productionStagesRunWithoutContextWhenCompletedUnderARun() throws Exception {
        CompletableFuture<String> source = TipExecutors.newFuture();
        CompletableFuture<String> inline = source.thenApply(v -> seen());
        CompletableFuture<String> async = source.thenApplyAsync(v -> seen(), pool);
        try (TipContext.Scope ignored = TipContext.bind(b)) {
            source.complete("v");
            assertThat(seen()).isEqualTo(expected(b));
        }
        assertThat(inline.get(5, TimeUnit.SECONDS)).isEqualTo(expected(null));
        assertThat(async.get(5, TimeUnit.SECONDS)).isEqualTo(expected(null));
    }

    @Test
    void dependentFuturesPropagateTooEachWithItsOwnCreationContext() {
        CompletableFuture<String> first;
        try (TipContext.Scope ignored = TipContext.bind(a)) {
            first = TipExecutors.supplyAsync(Probe::seen, pool);
        }
        CompletableFuture<String> second;
        try (TipContext.Scope ignored = TipContext.bind(b)) {
            second = first.thenApplyAsync(v -> v + ";" + seen(), pool);
        }
        CompletableFuture<String> third = second.thenApplyAsync(v -> v + ";" + seen());
        assertThat(third.join()).isEqualTo(expected(a) + ";" + expected(b) + ";" + expected(null));
        assertThat(third.toCompletableFuture().copy().thenApply(v -> seen()).join()).isEqualTo(expected(null));
    }

    @Test
    void aThrowingStageLeavesTheCompletingThreadAsItWas() {
        CompletableFuture<String> source = TipExecutors.newFuture();
        CompletableFuture<String> stage;
        try (TipContext.Scope ignored = TipContext.bind(a)) {
            stage = source.thenApply(v -> {
                throw new IllegalArgumentException("stage failed");
            });
        }
        try (TipContext.Scope ignored = TipContext.bind(b)) {
            source.complete("v");
            assertThat(seen()).isEqualTo(expected(b));
        }
        assertThatThrownBy(stage::join).isInstanceOf(CompletionException.class).hasRootCauseMessage("stage failed");
        assertThat(seen()).isEqualTo(expected(null));
    }

    @Test
    void propagatingAdoptsAPlainStage() {
        CompletableFuture<String> plain = new CompletableFuture<>();
        CompletableFuture<String> adopted = TipExecutors.propagating(plain);
        CompletableFuture<String> stage;
        try (TipContext.Scope ignored = TipContext.bind(a)) {
            stage = adopted.thenApplyAsync(v -> seen(), pool);
        }
        plain.complete("v");
        assertThat(stage.join()).isEqualTo(expected(a));
        assertThat(TipExecutors.propagating(adopted)).isSameAs(adopted);

        CompletableFuture<String> plainFailed = new CompletableFuture<>();
        CompletableFuture<String> adoptedFailed = TipExecutors.propagating(plainFailed);
        plainFailed.completeExceptionally(new IllegalStateException("source failed"));
        assertThatThrownBy(adoptedFailed::join).hasRootCauseMessage("source failed");
    }

    @Test
    void aStageThatRanDoesNotKeepItsRunReachable() throws InterruptedException {
        TestRun doomed = run("run-doomed");
        WeakReference<TestRun> ref = new WeakReference<>(doomed);
        CompletableFuture<String> source = TipExecutors.newFuture();
        CompletableFuture<Integer> stage;
        try (TipContext.Scope ignored = TipContext.bind(doomed)) {
            stage = source.thenApply(String::length);
        }
        doomed = null;
        Probe.assertStillReachable(ref);
        source.complete("four");
        assertThat(stage.join()).isEqualTo(4);
        Probe.awaitCollected(ref);
    }
}
