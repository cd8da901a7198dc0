package io.tipdata.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real requests from java.net.http.HttpClient to one Jetty server, reached by name and by address. */
class OutboundTokensHttpTest {

    private static final String TOKEN = "v1.http-run.1999999999.k1." + "T".repeat(43);
    private static final TestRun RUN = TestRun.of("http-run", Instant.now(), Instant.now().plus(Duration.ofHours(1)));
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static Server server;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.getWriter().print(Collections.list(req.getHeaders("X-Tip-Run")));
            }
        }), "/*");
        server.setHandler(context);
        server.start();
        port = connector.getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    @Test
    void headerReachesTheAllowedNameOnlyAndNeverTheSameServerByAddress() throws Exception {
        OutboundTokens tokens = OutboundTokens.builder().allow("localhost:" + port).build();

        try (TipContext.Scope ignored = TipContext.bind(RUN, TOKEN)) {
            assertThat(receivedBy(tokens.newRequest(URI.create("http://localhost:" + port + "/a")).build()))
                    .isEqualTo("[" + TOKEN + "]");
            assertThat(receivedBy(tokens.mark(HttpRequest.newBuilder(URI.create("http://LOCALHOST:" + port + "/b"))
                    .build()))).isEqualTo("[" + TOKEN + "]");
            assertThat(receivedBy(tokens.newRequest(URI.create("http://127.0.0.1:" + port + "/c")).build()))
                    .isEqualTo("[]");
            assertThat(receivedBy(tokens.mark(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/d"))
                    .header("X-Tip-Run", TOKEN).build()))).isEqualTo("[]");
        }
        assertThat(receivedBy(tokens.newRequest(URI.create("http://localhost:" + port + "/e")).build()))
                .as("production").isEqualTo("[]");
    }

    private static String receivedBy(HttpRequest request) throws Exception {
        HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}
