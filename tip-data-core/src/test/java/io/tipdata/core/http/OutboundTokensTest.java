package io.tipdata.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OutboundTokensTest {

    private static final String TOKEN = "v1.out-run.1999999999.k1." + "S".repeat(43);
    private static final TestRun RUN = TestRun.of("out-run", Instant.now(), Instant.now().plus(Duration.ofHours(1)));

    private final OutboundTokens tokens = OutboundTokens.builder()
            .allow("orders.internal", "billing.internal:8443", "*.svc.internal", "10.0.0.7", "[fd00::7]:9000")
            .build();

    @ParameterizedTest
    @ValueSource(strings = {
        "http://orders.internal/x",
        "https://orders.internal/x",
        "http://orders.internal:80/x",
        "https://orders.internal:443/x?q=1",
        "HTTP://ORDERS.Internal/x",
        "http://orders.internal./x",
        "http://someone@orders.internal/x",
        "https://billing.internal:8443/pay",
        "http://a.svc.internal/",
        "http://a.b.svc.internal:80/",
        "http://10.0.0.7/",
        "http://[fd00::7]:9000/",
        "http://[FD00::7]:9000/"})
    void tokenGoesToAllowedHosts(String uri) {
        try (TipContext.Scope ignored = TipContext.bind(RUN, TOKEN)) {
            assertThat(tokens.tokenFor(URI.create(uri))).contains(TOKEN);
            assertThat(tokens.newRequest(URI.create(uri)).build().headers().allValues("X-Tip-Run"))
                    .containsExactly(TOKEN);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://orders.internal@evil.example/",
        "http://orders.internal:80@evil.example/",
        "http://orders.internal.evil.example/",
        "http://orders.internal.evil.example./",
        "http://evilorders.internal/",
        "http://orders.internal:8080/",
        "https://orders.internal:80/",
        "https://billing.internal/",
        "https://billing.internal:8444/",
        "http://svc.internal/",
        "http://evilsvc.internal/",
        "http://a.svc.internal.evil.example/",
        "http://a.svc.internal:8080/",
        "ftp://orders.internal/",
        "ws://orders.internal/",
        "http://10.0.0.8/",
        "http://10.0.0.7:8080/",
        "http://167772167/",
        "http://[fd00::8]:9000/",
        "http://[fd00::7]/",
        "http://[fd00:0:0:0:0:0:0:7]:9000/",
        "http://orders_internal/",
        "http://orders%2einternal/",
        "/relative/path",
        "mailto:someone@orders.internal"})
    void tokenNeverGoesToOtherHosts(String uri) {
        try (TipContext.Scope ignored = TipContext.bind(RUN, TOKEN)) {
            assertThat(tokens.isAllowed(URI.create(uri))).isFalse();
            assertThat(tokens.tokenFor(URI.create(uri))).isEmpty();
        }
    }

    @Test
    void nameAndAddressOfTheSameMachineAreDifferentHosts() {
        OutboundTokens local = OutboundTokens.builder().allow("localhost:8080").build();

        try (TipContext.Scope ignored = TipContext.bind(RUN, TOKEN)) {
            assertThat(local.tokenFor(URI.create("http://localhost:8080/"))).contains(TOKEN);
            assertThat(local.tokenFor(URI.create("http://127.0.0.1:8080/"))).isEmpty();
            assertThat(local.tokenFor(URI.create("http://[::1]:8080/"))).isEmpty();
        }
    }

    @Test
    void nothingIsForwardedWithoutContextOrWithoutAToken() {
        URI allowed = URI.create("http://orders.internal/x");

        assertThat(tokens.tokenFor(allowed)).isEmpty();
        assertThat(tokens.newRequest(allowed).build().headers().map()).isEmpty();
        try (TipContext.Scope ignored = TipContext.bind(RUN)) {
            assertThat(tokens.tokenFor(allowed)).as("run bound without a verified token").isEmpty();
        }
    }

    @Test
    void markSetsTheHeaderOnlyForAnAllowedFinalUriAndRemovesItOtherwise() {
        HttpRequest toAllowed = HttpRequest.newBuilder(URI.create("http://orders.internal/x"))
                .header("Accept", "text/plain").header("X-Tip-Run", "stale").POST(HttpRequest.BodyPublishers.ofString("b"))
                .build();
        HttpRequest toOther = HttpRequest.newBuilder(URI.create("http://evil.example/x"))
                .header("Accept", "text/plain").header("x-tip-run", "copied by mistake").build();
        HttpRequest plain = HttpRequest.newBuilder(URI.create("http://evil.example/x")).build();

        try (TipContext.Scope ignored = TipContext.bind(RUN, TOKEN)) {
            HttpRequest marked = tokens.mark(toAllowed);
            assertThat(marked.headers().allValues("X-Tip-Run")).containsExactly(TOKEN);
            assertThat(marked.headers().allValues("Accept")).containsExactly("text/plain");
            assertThat(marked.method()).isEqualTo("POST");
            assertThat(marked.bodyPublisher()).isPresent();

            HttpRequest cleaned = tokens.mark(toOther);
            assertThat(cleaned.headers().firstValue("X-Tip-Run")).isEmpty();
            assertThat(cleaned.headers().allValues("Accept")).containsExactly("text/plain");

            assertThat(tokens.mark(plain)).isSameAs(plain);
        }
        assertThat(tokens.mark(toAllowed).headers().firstValue("X-Tip-Run")).as("production").isEmpty();
    }

    @Test
    void customHeaderName() {
        OutboundTokens custom = OutboundTokens.builder().headerName("X-Test-Mark").allow("orders.internal").build();

        try (TipContext.Scope ignored = TipContext.bind(RUN, TOKEN)) {
            assertThat(custom.headerName()).isEqualTo("X-Test-Mark");
            assertThat(custom.newRequest(URI.create("http://orders.internal/")).build().headers()
                    .allValues("X-Test-Mark")).containsExactly(TOKEN);
        }
    }

    @Test
    void emptyAllowListForwardsToNoOne() {
        OutboundTokens none = OutboundTokens.builder().build();

        try (TipContext.Scope ignored = TipContext.bind(RUN, TOKEN)) {
            assertThat(none.tokenFor(URI.create("http://orders.internal/"))).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://orders.internal", "orders.internal/x", "user@orders.internal", "*", "*.internal",
        "orders.*", "*.*.internal", "a.*.internal", "*.10.0.0", "", "  ", "orders.internal:", "orders.internal:0",
        "orders.internal:99999", "orders.internal:80:80", "orders.internal:http", "under_score.internal",
        "-orders.internal", "orders..internal", "1.2.3", "[fd00::7", "[zz::1]"})
    void unsafeOrInvalidEntriesAreRefusedWithTheirValue(String entry) {
        assertThatThrownBy(() -> OutboundTokens.builder().allow(entry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + entry + "'");
    }

    @Test
    void toStringShowsTheAllowListAndNoToken() {
        try (TipContext.Scope ignored = TipContext.bind(RUN, TOKEN)) {
            assertThat(tokens.toString()).contains("orders.internal", "*.svc.internal", "billing.internal:8443")
                    .doesNotContain(TOKEN);
        }
    }
}
