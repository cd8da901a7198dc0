package io.tipdata.core.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipdata.core.KeyRing;
import io.tipdata.core.KillSwitch;
import io.tipdata.core.RejectReason;
import io.tipdata.core.TokenMinter;
import io.tipdata.core.servlet.internal.InitParameters;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filter declared as in web.xml: class name plus init parameters, keys from a file or the environment. */
class TipFilterInitParametersTest {

    @TempDir
    static Path dir;

    private static final byte[] CURRENT = random();
    private static final byte[] OLD = random();
    private static final String CURRENT_B64 = Base64.getEncoder().encodeToString(CURRENT);
    private static final String OLD_B64 = Base64.getUrlEncoder().withoutPadding().encodeToString(OLD);
    private static final KeyRing SIGNING_CURRENT = KeyRing.builder().signingKey("k2", CURRENT).build();
    private static final KeyRing SIGNING_OLD = KeyRing.builder().signingKey("k1", OLD).build();
    private static TipServer server;

    @BeforeAll
    static void start() throws Exception {
        Path keys = dir.resolve("tip-keys");
        Files.writeString(keys, "# verification keys\nk2=" + CURRENT_B64 + "\n\n k1=" + OLD_B64 + "\n");
        FilterHolder configured = new FilterHolder(TipFilter.class);
        configured.setInitParameter("tip.key-file", keys.toString());
        configured.setInitParameter("tip.header", "X-Test-Mark");
        configured.setInitParameter("tip.max-lifetime", "PT1H");
        configured.setInitParameter("tip.grace-period", "PT2H");
        FilterHolder strict = new FilterHolder(TipFilter.class);
        strict.setInitParameter("tip.key-file", keys.toString());
        strict.setInitParameter("tip.grace-period", "PT0S");
        strict.setInitParameter("tip.max-request-time", "PT45M");
        strict.setInitParameter("tip.run-cache-time", "PT0S");
        server = new TipServer(8).filter(configured, "/configured/*").filter(strict, "/strict/*")
                .servlet(new TipServer.EchoServlet(), "/*").start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void keysFromFileVerifyTokensOfEveryKeyInTheConfiguredHeader() throws Exception {
        String current = TokenMinter.of(SIGNING_CURRENT).mint("init-run", Instant.now().plus(Duration.ofMinutes(30)));
        String old = TokenMinter.of(SIGNING_OLD).mint("init-run-old", Instant.now().plus(Duration.ofMinutes(30)));

        assertThat(send("/configured/x", "X-Test-Mark", current).body()).isEqualTo(TipServer.expectedContext("init-run"));
        assertThat(send("/configured/x", "X-Test-Mark", old).body()).isEqualTo(TipServer.expectedContext("init-run-old"));
        assertThat(send("/configured/x", TipFilter.DEFAULT_HEADER, current).body()).as("the default header is not read")
                .isEqualTo(TipServer.expectedContext(null));
    }

    @Test
    void maxLifetimeFromInitParameterIsEnforced() throws Exception {
        String twoHours = TokenMinter.of(SIGNING_CURRENT).mint("long-run", Instant.now().plus(Duration.ofHours(2)));

        TipFilterTest.assertProblem(send("/configured/x", "X-Test-Mark", twoHours), 403,
                RejectReason.LIFETIME_TOO_LONG.code());
    }

    @Test
    void maxRequestTimeFromInitParameterAdmitsOnlyRunsActiveForLongerThanARequest() throws Exception {
        String halfHour = TokenMinter.of(SIGNING_CURRENT).mint("short-run", Instant.now().plus(Duration.ofMinutes(30)));
        String fiftyMinutes = TokenMinter.of(SIGNING_CURRENT).mint("long-enough", Instant.now().plus(Duration.ofMinutes(50)));

        TipFilterTest.assertProblem(send("/strict/x", TipFilter.DEFAULT_HEADER, halfHour), 403,
                RejectReason.EXPIRED.code());
        assertThat(send("/strict/x", TipFilter.DEFAULT_HEADER, fiftyMinutes).body())
                .isEqualTo(TipServer.expectedContext("long-enough"));
        assertThat(send("/configured/x", "X-Test-Mark", halfHour).body()).as("default PT1M, grace PT2H")
                .isEqualTo(TipServer.expectedContext("short-run"));
    }

    @Test
    void admissionSettingsAreReadAndCheckedWithTheOffendingValueNamed() {
        TipFilter filter = read(with(with(Map.of("tip.key-env", "GOOD"), "tip.max-request-time", "PT2M"),
                "tip.run-cache-time", "PT0S"), good());

        assertThat(filter.toString()).contains("maxRequestTime=PT2M").contains("runCacheTime=PT0S");
        assertThatThrownBy(() -> read(with(Map.of("tip.key-env", "GOOD"), "tip.max-request-time", "2m"), good()))
                .hasMessageContaining("tip.max-request-time='2m'");
        assertThatThrownBy(() -> read(with(Map.of("tip.key-env", "GOOD"), "tip.max-request-time", "PT2H"), good()))
                .hasMessageContaining("max request time PT2H");
        assertThatThrownBy(() -> read(with(Map.of("tip.key-env", "GOOD"), "tip.run-cache-time", "-PT1S"), good()))
                .hasMessageContaining("run cache time PT-1S");
    }

    @Test
    void keysFromEnvironmentVariable() {
        Map<String, String> env = Map.of("TIP_KEYS", "k2=" + CURRENT_B64 + ",k1=" + OLD_B64);

        TipFilter filter = InitParameters.read(config(Map.of("tip.key-env", "TIP_KEYS")), env).build();

        assertThat(filter.toString()).isEqualTo("TipFilter[header=X-Tip-Run, grace=PT1H,"
                + " maxRequestTime=PT1M, runCacheTime=PT10S]");
    }

    @Test
    void misconfigurationIsReportedWithTheOffendingValueAndNoKeyMaterial() {
        Map<String, String> env = Map.of("SHORT", "k1=" + Base64.getEncoder().encodeToString(new byte[8]),
                "NOID", CURRENT_B64, "BAD", "k1=" + CURRENT_B64 + ",k1=" + OLD_B64);

        assertThatThrownBy(() -> read(Map.of(), env)).hasMessageContaining("tip.key-env").hasMessageContaining("tip.key-file");
        assertThatThrownBy(() -> read(Map.of("tip.key-env", "MISSING"), env)).hasMessageContaining("'MISSING'");
        assertThatThrownBy(() -> read(Map.of("tip.key-env", "SHORT"), env)).hasMessageContaining("'k1' has 8 bytes");
        assertThatThrownBy(() -> read(Map.of("tip.key-env", "NOID"), env)).hasMessageContaining("line 1").hasMessageContaining("without an id")
                .hasMessageNotContaining(CURRENT_B64.substring(0, 8));
        assertThatThrownBy(() -> read(Map.of("tip.key-env", "BAD"), env)).hasMessageContaining("'k1' is added twice")
                .hasMessageNotContaining(CURRENT_B64.substring(0, 8)).hasMessageNotContaining(OLD_B64.substring(0, 8));
        assertThatThrownBy(() -> read(Map.of("tip.key-env", "BAD", "tip.key-file", "/x"), env))
                .hasMessageContaining("both");
        assertThatThrownBy(() -> read(Map.of("tip.key-file", dir.resolve("absent").toString()), env))
                .hasMessageContaining("tip.key-file=").hasMessageContaining("absent");
        assertThatThrownBy(() -> read(with(Map.of("tip.key-env", "GOOD"), "tip.grace-period", "1h"), good()))
                .hasMessageContaining("tip.grace-period='1h'").hasMessageContaining("PT24H");
        assertThatThrownBy(() -> read(with(Map.of("tip.key-env", "GOOD"), "tip.grace", "PT1H"), good()))
                .hasMessageContaining("unknown init parameter 'tip.grace'");
        assertThatThrownBy(() -> read(with(Map.of("tip.key-env", "GOOD"), "tip.header", "X Bad"), good()))
                .hasMessageContaining("'X Bad'");
        assertThatThrownBy(() -> read(with(Map.of("tip.key-env", "GOOD"), "tip.max-length", "many"), good()))
                .hasMessageContaining("tip.max-length='many'");
        assertThatThrownBy(() -> read(with(Map.of("tip.key-env", "GOOD"), "tip.max-length", "10"), good()))
                .hasMessageContaining("maxLength 10");
        assertThatThrownBy(() -> read(with(Map.of("tip.key-env", "GOOD"), "tip.clock-skew", "PT1H"), good()))
                .hasMessageContaining("clockSkew PT1H");
        assertThatThrownBy(() -> read(with(Map.of("tip.key-env", "GOOD"), "tip.kill", "maybe"), good()))
                .hasMessageContaining("tip.kill='maybe'").hasMessageContaining("on/off");
        assertThatThrownBy(() -> read(with(Map.of("tip.key-env", "GOOD"), "tip.kill", ""), good()))
                .hasMessageContaining("tip.kill=''");
    }

    @Test
    void killParameterReleasedSpellingsLeaveTheGlobalSwitchAlone() {
        boolean before = KillSwitch.global().isEngaged();
        for (String off : new String[] {"false", "0", "No", " OFF "}) {
            read(with(Map.of("tip.key-env", "GOOD"), "tip.kill", off), good());
        }
        assertThat(KillSwitch.global().isEngaged()).isEqualTo(before);
    }

    @Test
    void containerInitWrapsMisconfigurationInServletExceptionNamingTheFilter() {
        TipFilter filter = new TipFilter();

        assertThatThrownBy(() -> filter.init(config(Map.of("tip.header", "X-A"))))
                .isInstanceOf(ServletException.class).hasMessageContaining("'tip'")
                .hasMessageContaining("no verification keys");
    }

    @Test
    void uninitialisedFilterRefusesToRun() {
        assertThatThrownBy(() -> new TipFilter().doFilter(null, null, null))
                .isInstanceOf(ServletException.class).hasMessageContaining("not initialised");
    }

    @Test
    void builtFilterIgnoresInitParameters() throws Exception {
        TipFilter filter = TipFilter.builder(TipServer.verifier(SIGNING_CURRENT)).headerName("X-Built").build();

        filter.init(config(Map.of("tip.header", "X-Other", "tip.kill", "true")));

        assertThat(filter.toString()).contains("X-Built");
        assertThat(KillSwitch.global().isEngaged()).isFalse();
    }

    private static HttpResponse<String> send(String path, String header, String value) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path));
        if (header != null) {
            b.header(header, value);
        }
        return server.client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static TipFilter read(Map<String, String> params, Map<String, String> env) {
        return InitParameters.read(config(params), env).build();
    }

    private static Map<String, String> good() {
        return Map.of("GOOD", "k2=" + CURRENT_B64);
    }

    private static Map<String, String> with(Map<String, String> base, String name, String value) {
        Map<String, String> m = new HashMap<>(base);
        m.put(name, value);
        return m;
    }

    static FilterConfig config(Map<String, String> params) {
        return new FilterConfig() {
            @Override
            public String getFilterName() {
                return "tip";
            }

            @Override
            public ServletContext getServletContext() {
                return null;
            }

            @Override
            public String getInitParameter(String name) {
                return params.get(name);
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return Collections.enumeration(params.keySet());
            }
        };
    }

    private static byte[] random() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
