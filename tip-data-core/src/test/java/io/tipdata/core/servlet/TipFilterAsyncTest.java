package io.tipdata.core.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipdata.core.InMemoryRunRegistry;
import io.tipdata.core.KeyRing;
import io.tipdata.core.KillSwitch;
import io.tipdata.core.RejectReason;
import io.tipdata.core.TipContext;
import io.tipdata.core.TokenMinter;
import io.tipdata.core.TokenVerifier;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** Async servlets behind the filter, on a Jetty pool of eight threads, and what those threads keep afterwards. */
class TipFilterAsyncTest {

    private static final KeyRing RING = TipServer.ring("k1");
    private static final MutableClock CLOCK = new MutableClock();
    /** Names of the container threads that ran test work. */
    private static final Set<String> TEST_THREADS = ConcurrentHashMap.newKeySet();
    private static TipServer server;

    @BeforeAll
    static void start() throws Exception {
        TipFilter filter = TipFilter.builder(TipServer.verifier(RING)).killSwitch(KillSwitch.create()).build();
        TokenVerifier clocked = TokenVerifier.builder(RING).clock(CLOCK).build();
        TipFilter clockedFilter = TipFilter.builder(clocked).clock(CLOCK).killSwitch(KillSwitch.create()).build();
        server = new TipServer(8).filter(filter, "/async/*").filter(clockedFilter, "/clocked/*")
                .servlet(new StartServlet(true), "/async/start")
                .servlet(new StartServlet(false), "/async/raw")
                .servlet(new DispatchServlet(), "/async/dispatch")
                .servlet(new DispatchServlet(), "/clocked/dispatch")
                .servlet(new TipServer.EchoServlet(), "/async/plain")
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void workStartedWithTipAsyncSeesTheRunOnAContainerThread() throws Exception {
        String token = TipServer.mint(RING, "async-start", Duration.ofMinutes(5));

        HttpResponse<String> r = server.get("/async/start", token);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith(TipServer.expectedContext("async-start") + " on tip-test");
        assertNoContextLeftOnContainerThreads();
    }

    @Test
    void unwrappedAsyncStartRunsWithoutTheRunSoItMustBeWrapped() throws Exception {
        String token = TipServer.mint(RING, "async-raw", Duration.ofMinutes(5));

        HttpResponse<String> r = server.get("/async/raw", token);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith(TipServer.expectedContext(null) + " on tip-test");
    }

    @Test
    void asyncDispatchIsVerifiedAgainAndSeesTheRun() throws Exception {
        String token = TipServer.mint(RING, "async-dispatch", Duration.ofMinutes(5));

        HttpResponse<String> r = server.get("/async/dispatch", token);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("ASYNC " + TipServer.expectedContext("async-dispatch"));
        assertNoContextLeftOnContainerThreads();
    }

    @Test
    void productionAsyncDispatchStaysProduction() throws Exception {
        HttpResponse<String> r = server.get("/async/dispatch");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("ASYNC " + TipServer.expectedContext(null));
    }

    @Test
    void tokenThatExpiresBeforeTheAsyncDispatchIsRejectedThere() throws Exception {
        CLOCK.set(Instant.now());
        String token = TokenMinter.of(RING).mint("async-expiring", CLOCK.instant().plus(Duration.ofMinutes(1)));

        HttpResponse<String> r = server.get("/clocked/dispatch", token);

        TipFilterTest.assertProblem(r, 403, RejectReason.EXPIRED.code());
        assertThat(r.body()).doesNotContain("ASYNC").doesNotContain(token);
    }

    /** Production requests and plain tasks on every pool thread that ran test work see no run and no MDC entry. */
    private static void assertNoContextLeftOnContainerThreads() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            responses.add(server.client.sendAsync(java.net.http.HttpRequest.newBuilder(server.uri("/async/plain"))
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> f : responses) {
            assertThat(f.get(10, TimeUnit.SECONDS).body()).isEqualTo(TipServer.expectedContext(null));
        }
        assertThat(TEST_THREADS).isNotEmpty();
        Set<String> probed = ConcurrentHashMap.newKeySet();
        List<String> dirty = new ArrayList<>();
        for (int batch = 0; batch < 200 && !probed.containsAll(TEST_THREADS); batch++) {
            CountDownLatch done = new CountDownLatch(4);
            for (int i = 0; i < 4; i++) {
                server.pool.execute(() -> {
                    try {
                        Thread.sleep(2);
                        String seen = TipServer.describeContext();
                        if (!seen.equals("run=none mdc=none token=none") || MDC.get(TipContext.MDC_KEY) != null) {
                            synchronized (dirty) {
                                dirty.add(Thread.currentThread().getName() + ": " + seen);
                            }
                        }
                        probed.add(Thread.currentThread().getName());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                });
            }
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(probed).as("probed threads").containsAll(TEST_THREADS);
        assertThat(dirty).isEmpty();
    }

    private static void write(AsyncContext ac, String text) {
        try {
            ac.getResponse().setContentType("text/plain");
            ac.getResponse().getWriter().print(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts async work with {@link TipAsync} (wrapped) or with the bare {@code AsyncContext.start}. */
    static final class StartServlet extends HttpServlet {
        private final boolean wrapped;

        StartServlet(boolean wrapped) {
            this.wrapped = wrapped;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            AsyncContext ac = req.startAsync();
            Runnable task = () -> {
                if (TipContext.isTest()) {
                    TEST_THREADS.add(Thread.currentThread().getName());
                }
                write(ac, TipServer.describeContext() + " on " + Thread.currentThread().getName());
                ac.complete();
            };
            if (wrapped) {
                TipAsync.start(ac, task);
            } else {
                ac.start(task);
            }
        }
    }

    /** Starts async processing and dispatches back from another container thread; answers on the dispatch. */
    static final class DispatchServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            if (TipContext.isTest()) {
                TEST_THREADS.add(Thread.currentThread().getName());
            }
            if (req.getDispatcherType() == DispatcherType.ASYNC) {
                resp.setContentType("text/plain");
                try {
                    resp.getWriter().print("ASYNC " + TipServer.describeContext());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return;
            }
            AsyncContext ac = req.startAsync();
            ac.start(() -> {
                CLOCK.advance(Duration.ofHours(2));
                ac.dispatch();
            });
        }
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        void set(Instant instant) {
            now.set(instant);
        }

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
