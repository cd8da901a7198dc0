package io.tipdata.core.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tipdata.core.ExpectedFailure;
import io.tipdata.core.InMemoryRunRegistry;
import io.tipdata.core.KeyRing;
import io.tipdata.core.KillSwitch;
import io.tipdata.core.RejectReason;
import io.tipdata.core.RunQuarantine;
import io.tipdata.core.RunRegistry;
import io.tipdata.core.TestRun;
import io.tipdata.core.micrometer.TipMetrics;
import jakarta.servlet.http.HttpServletRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TipFilterTest {

    private static final Duration GRACE = Duration.ofMinutes(90);
    private static final String SIG = "A".repeat(43);

    private static final KeyRing RING = TipServer.ring("k1");
    private static final KillSwitch KILL = KillSwitch.create();
    private static final RunQuarantine QUARANTINE = RunQuarantine.builder().killSwitch(KILL).build();
    private static final InMemoryRunRegistry REGISTRY = new InMemoryRunRegistry();
    private static final List<String> EVENTS = new CopyOnWriteArrayList<>();
    private static final AtomicInteger FAILING_LISTENER_CALLS = new AtomicInteger();
    private static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();
    private static final TipServer.EchoServlet APP = new TipServer.EchoServlet();
    private static final TipServer.EchoServlet BROKEN = new TipServer.EchoServlet();
    private static TipServer server;

    @BeforeAll
    static void start() throws Exception {
        TipMetrics metrics = new TipMetrics();
        metrics.bindTo(METERS);
        TipListener failing = new TipListener() {
            @Override
            public void onAccepted(String runId, HttpServletRequest request) {
                FAILING_LISTENER_CALLS.incrementAndGet();
                throw new ExpectedFailure("listener failure");
            }

            @Override
            public void onRejected(String reason, HttpServletRequest request) {
                FAILING_LISTENER_CALLS.incrementAndGet();
                throw new ExpectedFailure("listener failure");
            }

            @Override
            public void onKilled(HttpServletRequest request) {
                FAILING_LISTENER_CALLS.incrementAndGet();
                throw new ExpectedFailure("listener failure");
            }
        };
        TipListener recording = new TipListener() {
            @Override
            public void onAccepted(String runId, HttpServletRequest request) {
                EVENTS.add("accepted " + runId + " " + request.getRequestURI());
            }

            @Override
            public void onRejected(String reason, HttpServletRequest request) {
                EVENTS.add("rejected " + reason + " " + request.getRequestURI());
            }

            @Override
            public void onKilled(HttpServletRequest request) {
                EVENTS.add("killed " + request.getRequestURI());
            }
        };
        TipFilter main = TipFilter.builder(TipServer.verifier(RING)).registry(REGISTRY).gracePeriod(GRACE)
                .killSwitch(KILL).quarantine(QUARANTINE).listener(failing, recording, metrics).build();
        TipFilter broken = TipFilter.builder(TipServer.verifier(RING)).registry(new FailingRegistry())
                .killSwitch(KILL).listener(recording).build();
        server = new TipServer(8).filter(main, "/app/*").filter(broken, "/broken/*")
                .servlet(APP, "/app/*").servlet(BROKEN, "/broken/*").start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    @AfterEach
    void reset() {
        KILL.release();
        EVENTS.clear();
    }

    @Test
    void requestWithoutHeaderRunsAsProductionAndIsNotReported() throws Exception {
        int before = APP.calls.get();
        HttpResponse<String> r = server.get("/app/orders");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(TipServer.expectedContext(null));
        assertThat(APP.calls.get()).isEqualTo(before + 1);
        assertThat(EVENTS).isEmpty();
    }

    @Test
    void validTokenBindsRunWithMdcForTheRequestAndRegistersItWithGrace() throws Exception {
        Instant expiry = Instant.now().plus(Duration.ofMinutes(10));
        String token = io.tipdata.core.TokenMinter.of(RING).mint("valid-run-1", expiry);
        int failingBefore = FAILING_LISTENER_CALLS.get();
        double acceptedBefore = counter("accepted", "none");

        HttpResponse<String> r = server.get("/app/orders", token);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(TipServer.expectedContext("valid-run-1"));
        TestRun registered = REGISTRY.find("valid-run-1").orElseThrow();
        assertThat(registered.expires()).isEqualTo(Instant.ofEpochSecond(expiry.getEpochSecond()).plus(GRACE));
        assertThat(REGISTRY.status("valid-run-1")).contains(RunRegistry.RunStatus.ACTIVE);
        assertThat(EVENTS).containsExactly("accepted valid-run-1 /app/orders");
        assertThat(FAILING_LISTENER_CALLS.get()).as("a throwing listener was called and ignored")
                .isEqualTo(failingBefore + 1);
        assertThat(counter("accepted", "none")).isEqualTo(acceptedBefore + 1);

        assertThat(server.get("/app/orders").body()).as("the next production request")
                .isEqualTo(TipServer.expectedContext(null));
    }

    @Test
    void sameRunTwiceIsRegisteredOnceAndKeepsItsCreation() throws Exception {
        String token = TipServer.mint(RING, "twice-run", Duration.ofMinutes(5));
        assertThat(server.get("/app/a", token).statusCode()).isEqualTo(200);
        Instant created = REGISTRY.find("twice-run").orElseThrow().created();
        Thread.sleep(5);
        assertThat(server.get("/app/b", token).statusCode()).isEqualTo(200);

        assertThat(REGISTRY.find("twice-run").orElseThrow().created()).isEqualTo(created);
    }

    static Stream<Arguments> invalidTokens() {
        KeyRing otherKeyId = TipServer.ring("k9");
        KeyRing sameIdOtherSecret = TipServer.ring("k1");
        long exp = Instant.now().plus(Duration.ofMinutes(10)).getEpochSecond();
        return Stream.of(
                Arguments.of(RejectReason.MALFORMED, "just-some-text"),
                Arguments.of(RejectReason.MALFORMED, ""),
                Arguments.of(RejectReason.OVERSIZED, "v1." + "a".repeat(300)),
                Arguments.of(RejectReason.UNSUPPORTED_VERSION, "v2.secret-run-7." + exp + ".k1." + SIG),
                Arguments.of(RejectReason.INVALID_RUN_ID, "v1.Secret-RUN-7." + exp + ".k1." + SIG),
                Arguments.of(RejectReason.UNKNOWN_KEY, TipServer.mint(otherKeyId, "secret-run-7", Duration.ofMinutes(5))),
                Arguments.of(RejectReason.BAD_SIGNATURE,
                        TipServer.mint(sameIdOtherSecret, "secret-run-7", Duration.ofMinutes(5))),
                Arguments.of(RejectReason.EXPIRED, TipServer.mint(RING, "secret-run-7", Duration.ofHours(-1))),
                Arguments.of(RejectReason.LIFETIME_TOO_LONG, TipServer.mint(RING, "secret-run-7", Duration.ofHours(48))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTokens")
    void invalidTokenIsRejectedWith403ProblemAndTheChainIsNotCalled(RejectReason reason, String token)
            throws Exception {
        int before = APP.calls.get();
        double rejectedBefore = counter("rejected", reason.code());

        HttpResponse<String> r = server.get("/app/orders", token);

        assertProblem(r, 403, reason.code());
        assertThat(APP.calls.get()).as("chain calls").isEqualTo(before);
        if (!token.isEmpty()) {
            assertThat(r.body()).doesNotContain(token);
        }
        assertThat(r.body()).doesNotContainIgnoringCase("secret-run-7").doesNotContain(SIG);
        assertThat(REGISTRY.find("secret-run-7")).isEmpty();
        assertThat(EVENTS).containsExactly("rejected " + reason.code() + " /app/orders");
        assertThat(counter("rejected", reason.code())).isEqualTo(rejectedBefore + 1);
    }

    @Test
    void everyRejectReasonIsCoveredByTheInvalidTokenCases() {
        assertThat(invalidTokens().map(a -> a.get()[0]).distinct()).containsExactlyInAnyOrder(RejectReason.values());
    }

    @Test
    void headerSentTwiceIsRejectedEvenIfBothValuesAreValid() throws Exception {
        String token = TipServer.mint(RING, "dup-run", Duration.ofMinutes(5));
        int before = APP.calls.get();

        HttpResponse<String> r = server.get("/app/orders", token, token);

        assertProblem(r, 403, TipFilter.REASON_DUPLICATE_HEADER);
        assertThat(r.body()).doesNotContain(token).doesNotContain("dup-run");
        assertThat(APP.calls.get()).isEqualTo(before);
        assertThat(REGISTRY.find("dup-run")).isEmpty();
    }

    @Test
    void engagedKillSwitchRefusesMarkedRequestsWith503AndServesProduction() throws Exception {
        String valid = TipServer.mint(RING, "killed-run", Duration.ofMinutes(5));
        int before = APP.calls.get();
        double killedBefore = counter("killed", TipFilter.REASON_KILL_SWITCH);
        KILL.engage("test");

        assertProblem(server.get("/app/orders", valid), 503, TipFilter.REASON_KILL_SWITCH);
        assertProblem(server.get("/app/orders", "forged"), 503, TipFilter.REASON_KILL_SWITCH);
        HttpResponse<String> production = server.get("/app/orders");
        assertThat(production.statusCode()).isEqualTo(200);
        assertThat(production.body()).isEqualTo(TipServer.expectedContext(null));
        assertThat(APP.calls.get()).isEqualTo(before + 1);
        assertThat(REGISTRY.find("killed-run")).isEmpty();
        assertThat(EVENTS).containsExactly("killed /app/orders", "killed /app/orders");
        assertThat(counter("killed", TipFilter.REASON_KILL_SWITCH)).isEqualTo(killedBefore + 2);

        KILL.release();
        assertThat(server.get("/app/orders", valid).body()).isEqualTo(TipServer.expectedContext("killed-run"));
    }

    @Test
    void failingRegistryFailsClosedWith503() throws Exception {
        String token = TipServer.mint(RING, "unrecorded-run", Duration.ofMinutes(5));
        int before = BROKEN.calls.get();

        HttpResponse<String> r = server.get("/broken/orders", token);

        assertProblem(r, 503, TipFilter.REASON_REGISTRY_UNAVAILABLE);
        assertThat(BROKEN.calls.get()).isEqualTo(before);
        assertThat(EVENTS).containsExactly("rejected registry-unavailable /broken/orders");
        assertThat(server.get("/broken/orders").body()).as("production on the same filter")
                .isEqualTo(TipServer.expectedContext(null));
    }

    @Test
    void purgedRunIsRejectedAndNotRegisteredAgain() throws Exception {
        String token = TipServer.mint(RING, "purged-run", Duration.ofMinutes(5));
        assertThat(server.get("/app/orders", token).statusCode()).isEqualTo(200);
        TestRun before = REGISTRY.find("purged-run").orElseThrow();
        REGISTRY.markPurged("purged-run");
        int calls = APP.calls.get();
        EVENTS.clear();
        // a later token extends the run, so the filter asks the registry rather than its cache
        token = TipServer.mint(RING, "purged-run", Duration.ofMinutes(6));

        HttpResponse<String> r = server.get("/app/orders", token);

        assertProblem(r, 403, TipFilter.REASON_RUN_PURGED);
        assertThat(r.body()).doesNotContain("purged-run");
        assertThat(APP.calls.get()).isEqualTo(calls);
        assertThat(REGISTRY.find("purged-run")).contains(before);
        assertThat(REGISTRY.status("purged-run")).contains(RunRegistry.RunStatus.PURGED);
        assertThat(EVENTS).containsExactly("rejected run-purged /app/orders");
    }

    @Test
    void quarantinedRunIsRejectedWhileOtherRunsAndProductionGoOn() throws Exception {
        String token = TipServer.mint(RING, "quarantined-run", Duration.ofMinutes(5));
        String other = TipServer.mint(RING, "healthy-run", Duration.ofMinutes(5));
        assertThat(server.get("/app/orders", token).statusCode()).isEqualTo(200);
        QUARANTINE.quarantine("quarantined-run", "a rewrite failed the isolation check");
        double before = counter("rejected", TipFilter.REASON_RUN_QUARANTINED);
        int calls = APP.calls.get();
        EVENTS.clear();

        HttpResponse<String> r = server.get("/app/orders", token);

        assertProblem(r, 403, TipFilter.REASON_RUN_QUARANTINED);
        assertThat(APP.calls.get()).isEqualTo(calls);
        assertThat(EVENTS).containsExactly("rejected run-quarantined /app/orders");
        assertThat(counter("rejected", TipFilter.REASON_RUN_QUARANTINED)).isEqualTo(before + 1);
        assertThat(server.get("/app/orders", other).statusCode()).isEqualTo(200);
        assertThat(server.get("/app/orders").body()).isEqualTo(TipServer.expectedContext(null));
        assertThat(KILL.isEngaged()).isFalse();
        QUARANTINE.release("quarantined-run");
        assertThat(server.get("/app/orders", token).statusCode()).isEqualTo(200);
    }

    static void assertProblem(HttpResponse<String> r, int status, String reason) {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        String body = r.body();
        assertThat(TipServer.jsonField(body, "reason")).isEqualTo(reason);
        assertThat(TipServer.jsonField(body, "status")).isEqualTo(String.valueOf(status));
        assertThat(TipServer.jsonField(body, "type")).startsWith("urn:tipdata:problem:");
        assertThat(TipServer.jsonField(body, "title")).isNotBlank();
        assertThat(TipServer.jsonField(body, "detail")).isNotBlank();
        assertThat(body).doesNotContain("run=");
    }

    private static double counter(String outcome, String reason) {
        return METERS.get(TipMetrics.METER_NAME).tag(TipMetrics.OUTCOME_TAG, outcome)
                .tag(TipMetrics.REASON_TAG, reason).counter().count();
    }

    /** A registry whose database is down. */
    static final class FailingRegistry implements RunRegistry {
        @Override
        public void register(TestRun run) {
            throw new ExpectedFailure("registry down");
        }

        @Override
        public Optional<TestRun> find(String runId) {
            throw new ExpectedFailure("registry down");
        }

        @Override
        public Optional<RunStatus> status(String runId) {
            throw new ExpectedFailure("registry down");
        }

        @Override
        public List<TestRun> expiredBefore(Instant instant) {
            throw new ExpectedFailure("registry down");
        }

        @Override
        public void markPurged(String runId) {
            throw new ExpectedFailure("registry down");
        }
    }
}
