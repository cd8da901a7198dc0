package io.tipdata.core.servlet;

import io.tipdata.core.KeyRing;
import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import io.tipdata.core.TokenMinter;
import io.tipdata.core.TokenVerifier;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.MDC;

/** An embedded Jetty 12 server on a random port with a small thread pool, and an HTTP client to call it. */
final class TipServer implements AutoCloseable {

    static final String HEADER = TipFilter.DEFAULT_HEADER;

    final QueuedThreadPool pool;
    final Server server;
    final ServletContextHandler context;
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private ServerConnector connector;

    TipServer(int maxThreads) {
        pool = new QueuedThreadPool(maxThreads, maxThreads);
        pool.setReservedThreads(0);
        pool.setName("tip-test");
        server = new Server(pool);
        connector = new ServerConnector(server, 1, 1);
        connector.setPort(0);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        context = new ServletContextHandler("/");
        server.setHandler(context);
    }

    /** Maps the filter to the path spec for REQUEST and ASYNC dispatches. */
    TipServer filter(Filter filter, String pathSpec) {
        context.addFilter(new FilterHolder(filter), pathSpec, EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
        return this;
    }

    TipServer filter(FilterHolder holder, String pathSpec) {
        context.addFilter(holder, pathSpec, EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
        return this;
    }

    TipServer servlet(HttpServlet servlet, String pathSpec) {
        ServletHolder holder = new ServletHolder(servlet);
        holder.setAsyncSupported(true);
        context.addServlet(holder, pathSpec);
        return this;
    }

    TipServer start() throws Exception {
        server.start();
        return this;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + path);
    }

    int port() {
        return connector.getLocalPort();
    }

    HttpResponse<String> get(String path, String... headerValues) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET();
        for (String v : headerValues) {
            b.header(HEADER, v);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /**
     * Tells whether the SLF4J provider of this test run keeps MDC values (slf4j-simple's own adapter keeps
     * none; this module's surefire settings may select one that does).
     */
    static boolean mdcKeepsValues() {
        return !(MDC.getMDCAdapter() instanceof org.slf4j.helpers.NOPMDCAdapter);
    }

    /** The body {@link EchoServlet} answers for the run, or for production if {@code runId} is null. */
    static String expectedContext(String runId) {
        return runId == null ? "run=none mdc=none token=none"
                : "run=" + runId + " mdc=" + (mdcKeepsValues() ? runId : "none") + " token=bound";
    }

    /** What the application saw: the bound run, the MDC entry and whether a token was bound. */
    static String describeContext() {
        TestRun run = TipContext.currentOrNull();
        return "run=" + (run == null ? "none" : run.runId())
                + " mdc=" + (MDC.get(TipContext.MDC_KEY) == null ? "none" : MDC.get(TipContext.MDC_KEY))
                + " token=" + (TipContext.currentToken().isPresent() ? "bound" : "none");
    }

    /** A servlet that answers with {@link #describeContext()} and counts its calls. */
    static final class EchoServlet extends HttpServlet {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            calls.incrementAndGet();
            resp.setContentType("text/plain");
            resp.getWriter().print(describeContext());
        }
    }

    /** A fresh key ring with one signing key of the given id. */
    static KeyRing ring(String keyId) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return KeyRing.builder().signingKey(keyId, secret).build();
    }

    static TokenVerifier verifier(KeyRing ring) {
        return TokenVerifier.builder(ring).build();
    }

    static String mint(KeyRing ring, String runId, Duration fromNow) {
        return TokenMinter.of(ring).mint(runId, Instant.now().plus(fromNow));
    }

    /** A string field of a flat JSON object, or null. */
    static String jsonField(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\":(\"([^\"]*)\"|(\\d+))").matcher(json);
        if (!m.find()) {
            return null;
        }
        return m.group(2) != null ? m.group(2) : m.group(3);
    }
}
