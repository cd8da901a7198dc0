package io.tipdata.core.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipdata.core.InMemoryRunRegistry;
import io.tipdata.core.KeyRing;
import io.tipdata.core.KillSwitch;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tokens of a run that is purging or purged, over real HTTP. */
class TipFilterPurgedRunTest {

    static final KeyRing RING = TipServer.ring("purge-key");
    static final InMemoryRunRegistry REGISTRY = new InMemoryRunRegistry();
    static TipServer server;

    @BeforeAll
    static void start() throws Exception {
        TipFilter filter = TipFilter.builder(TipServer.verifier(RING)).registry(REGISTRY)
                .killSwitch(KillSwitch.create()).runCacheTime(Duration.ofMillis(200)).build();
        server = new TipServer(4).filter(filter, "/*").servlet(new TipServer.EchoServlet(), "/*").start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void aTokenOfARunWhosePurgeStartedIsRefusedAndDoesNotExtendIt() throws Exception {
        String token = TipServer.mint(RING, "harness-run", Duration.ofMinutes(5));
        assertThat(server.get("/x", token).statusCode()).isEqualTo(200);
        assertThat(REGISTRY.claim("harness-run", "purger", Duration.ofMinutes(1), true)).isTrue();
        Thread.sleep(300);   // the filter's run cache time

        HttpResponse<String> purging = server.get("/x", token);
        assertThat(purging.statusCode()).isEqualTo(403);
        assertThat(TipServer.jsonField(purging.body(), "reason")).isEqualTo(TipFilter.REASON_RUN_PURGED);

        assertThat(REGISTRY.markPurged("harness-run", "purger")).isTrue();
        String later = TipServer.mint(RING, "harness-run", Duration.ofMinutes(30));
        HttpResponse<String> purged = server.get("/x", later);
        assertThat(purged.statusCode()).isEqualTo(403);
        assertThat(TipServer.jsonField(purged.body(), "reason")).isEqualTo(TipFilter.REASON_RUN_PURGED);
        assertThat(REGISTRY.find("harness-run").orElseThrow().expires())
                .isBefore(java.time.Instant.now().plus(TipFilter.DEFAULT_GRACE_PERIOD).plus(Duration.ofMinutes(10)));   // not extended to the later token
    }
}
