package io.tipdata.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipdata.core.KeyRing;
import io.tipdata.core.TokenMinter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Drives the example service with real HTTP requests and checks the database behind it. */
class ExampleServiceTest {

    private static final String URL = "jdbc:h2:mem:example-test;DB_CLOSE_DELAY=-1";
    private static final KeyRing KEYS = KeyRing.builder().signingKey("demo", new byte[32]).build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ExampleService service;

    @BeforeAll
    static void start() throws Exception {
        service = ExampleService.start(0, KEYS, URL);
    }

    @AfterAll
    static void stop() throws Exception {
        service.stop();
    }

    @Test
    void testOrdersGoToTheRunsPartitionAndProductionNeverSeesThem() throws Exception {
        String token = TokenMinter.of(KEYS).mint("example-run", Instant.now().plusSeconds(600));

        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/orders?sku=pen&qty=3"))
                .header("X-Tip-Run", token).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("test run example-run");

        HttpResponse<String> testView = send(HttpRequest.newBuilder(uri("/orders")).header("X-Tip-Run", token));
        assertThat(testView.body()).contains("\"sku\":\"pen\"").doesNotContain("\"sku\":\"book\"");

        HttpResponse<String> production = send(HttpRequest.newBuilder(uri("/orders")));
        assertThat(production.statusCode()).isEqualTo(200);
        assertThat(production.body()).contains("\"context\":\"production\"", "\"sku\":\"book\"")
                .doesNotContain("\"sku\":\"pen\"");

        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM orders WHERE sku = 'pen'")).isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM tip_shadow.orders WHERE sku = 'pen' AND tip_run = 'example-run'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void testConnectionsLogInAsTheTestIdentityWhichTheDatabaseConfinesToTheTwin() throws Exception {
        String token = TokenMinter.of(KEYS).mint("identity-run", Instant.now().plusSeconds(600));
        assertThat(send(HttpRequest.newBuilder(uri("/orders?sku=pen&qty=1")).header("X-Tip-Run", token)
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(201);

        try (Connection admin = DriverManager.getConnection(URL); Statement s = admin.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM information_schema.rights WHERE grantee = 'TIP_TEST'"
                    + " AND table_schema = 'PUBLIC' AND table_name = 'ORDERS'")).isZero();
            assertThat(count(s, "SELECT COUNT(*) FROM information_schema.rights WHERE grantee = 'TIP_TEST'"
                    + " AND table_schema = 'TIP_SHADOW' AND table_name = 'ORDERS'")).isNotZero();
            assertThat(count(s, "SELECT COUNT(*) FROM orders")).isOne();
        }
        try (Connection test = DriverManager.getConnection(URL.replace(";DB_CLOSE_DELAY=-1", ""), ExampleService.TEST_USER,
                ExampleService.TEST_USER);
             Statement s = test.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM tip_shadow.orders WHERE tip_run = 'identity-run'")).isOne();
            assertThat(count(s, "SELECT COUNT(*) FROM products")).isEqualTo(2);
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM orders")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM products")).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void forgedTokenIsRejectedWithProblemJson() throws Exception {
        String token = TokenMinter.of(KEYS).mint("example-run", Instant.now().plusSeconds(600));
        String forged = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/orders")).header("X-Tip-Run", forged));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).contains("bad-signature").doesNotContain(forged);
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + service.port() + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
