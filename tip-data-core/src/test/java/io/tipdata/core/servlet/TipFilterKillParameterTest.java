package io.tipdata.core.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipdata.core.KeyRing;
import io.tipdata.core.KillSwitch;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tip.kill=true} in the filter declaration engages the global kill switch for all test traffic. */
class TipFilterKillParameterTest {

    @TempDir
    static Path dir;

    private static final byte[] SECRET = new byte[32];
    private static KeyRing ring;
    private static TipServer server;

    @BeforeAll
    static void start() throws Exception {
        new SecureRandom().nextBytes(SECRET);
        ring = KeyRing.builder().signingKey("k1", SECRET).build();
        Path keys = dir.resolve("keys");
        Files.writeString(keys, "k1=" + Base64.getEncoder().encodeToString(SECRET));
        FilterHolder killed = new FilterHolder(TipFilter.class);
        killed.setInitParameter("tip.key-file", keys.toString());
        killed.setInitParameter("tip.kill", "true");
        server = new TipServer(8).filter(killed, "/*").servlet(new TipServer.EchoServlet(), "/*").start();
    }

    @AfterAll
    static void stop() throws Exception {
        KillSwitch.global().release();
        server.close();
    }

    @Test
    void configuredKillSwitchRefusesMarkedRequestsUntilReleasedAtRuntime() throws Exception {
        String token = TipServer.mint(ring, "kill-run", Duration.ofMinutes(5));

        assertThat(KillSwitch.global().isEngaged()).isTrue();
        TipFilterTest.assertProblem(server.get("/x", token), 503, TipFilter.REASON_KILL_SWITCH);
        HttpResponse<String> production = server.get("/x");
        assertThat(production.statusCode()).isEqualTo(200);
        assertThat(production.body()).isEqualTo(TipServer.expectedContext(null));

        KillSwitch.global().release();
        assertThat(server.get("/x", token).body()).isEqualTo(TipServer.expectedContext("kill-run"));
        KillSwitch.global().engage("runtime call");
        TipFilterTest.assertProblem(server.get("/x", token), 503, TipFilter.REASON_KILL_SWITCH);
    }
}
