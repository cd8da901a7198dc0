package io.tipdata.core.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipdata.core.KillSwitch;
import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The production path in isolation: what the filter touches when the header is absent. */
class TipFilterProductionPathTest {

    @Test
    void withoutHeaderOnlyTheHeaderIsReadAndTheChainGetsTheSameObjects() throws Exception {
        KillSwitch kill = KillSwitch.create();
        kill.engage("production must not care");
        TipFilter filter = TipFilter.builder(TipServer.verifier(TipServer.ring("k1"))).killSwitch(kill)
                .listener(new TipListener() {
                    @Override
                    public void onKilled(HttpServletRequest request) {
                        throw new AssertionError("production request reported");
                    }
                }).build();
        List<String> requestCalls = new ArrayList<>();
        List<String> responseCalls = new ArrayList<>();
        HttpServletRequest request = recording(HttpServletRequest.class, requestCalls);
        HttpServletResponse response = recording(HttpServletResponse.class, responseCalls);
        AtomicReference<Object[]> seen = new AtomicReference<>();

        filter.doFilter(request, response, (req, res) -> seen.set(new Object[] {req, res}));

        assertThat(seen.get()).containsExactly(request, response);
        assertThat(requestCalls).containsExactly("getHeader(X-Tip-Run)");
        assertThat(responseCalls).isEmpty();
    }

    @Test
    void withoutHeaderALeakedBindingIsClearedAndNotRestored() throws Exception {
        TipFilter filter = TipFilter.builder(TipServer.verifier(TipServer.ring("k1"))).build();
        TestRun outer = TestRun.of("outer-run", Instant.now(), Instant.now().plus(Duration.ofMinutes(1)));
        AtomicReference<TestRun> inChain = new AtomicReference<>(outer);
        FilterChain chain = (req, res) -> inChain.set(TipContext.currentOrNull());

        try (TipContext.Scope ignored = TipContext.bind(outer)) {
            filter.doFilter(recording(HttpServletRequest.class, new ArrayList<>()),
                    recording(HttpServletResponse.class, new ArrayList<>()), chain);
            assertThat(TipContext.currentOrNull()).isNull();
        }
        assertThat(inChain.get()).isNull();
    }

    @Test
    void tipAsyncWrapCarriesTheBindingAndRestoresTheThread() throws Exception {
        TestRun run = TestRun.of("wrapped-run", Instant.now(), Instant.now().plus(Duration.ofMinutes(1)));
        Runnable wrapped;
        AtomicReference<String> inTask = new AtomicReference<>();
        try (TipContext.Scope ignored = TipContext.bind(run, "token-value")) {
            wrapped = TipAsync.wrap(() -> inTask.set(TipContext.currentOrNull().runId()
                    + "/" + TipContext.currentToken().orElse("none")));
        }
        Runnable production = TipAsync.wrap(() -> inTask.set(String.valueOf(TipContext.currentOrNull())));

        Thread t = new Thread(wrapped);
        t.start();
        t.join();
        assertThat(inTask.get()).isEqualTo("wrapped-run/token-value");

        TestRun stale = TestRun.of("stale-run", Instant.now(), Instant.now().plus(Duration.ofMinutes(1)));
        try (TipContext.Scope ignored = TipContext.bind(stale)) {
            production.run();
            assertThat(inTask.get()).as("captured production runs as production").isEqualTo("null");
            assertThat(TipContext.currentOrNull()).isSameAs(stale);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T recording(Class<T> type, List<String> calls) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                case "toString":
                    return type.getSimpleName();
                default:
                    calls.add(method.getName() + (args == null ? "()" : "(" + args[0] + ")"));
                    return null;
            }
        });
    }
}
