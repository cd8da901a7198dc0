package io.tipdata.core.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipdata.core.KeyRing;
import io.tipdata.core.KillSwitch;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link TipFilter#addTo} registers the filter from a context listener, ready for async servlets. */
class TipFilterRegistrationTest {

    private static final KeyRing RING = TipServer.ring("k1");
    private static final AtomicReference<Object> SECOND_REGISTRATION = new AtomicReference<>();
    private static final AtomicReference<FilterRegistration> REGISTRATION = new AtomicReference<>();
    private static TipServer server;

    @BeforeAll
    static void start() throws Exception {
        TipFilter filter = TipFilter.builder(TipServer.verifier(RING)).killSwitch(KillSwitch.create()).build();
        server = new TipServer(8).servlet(new TipFilterAsyncTest.DispatchServlet(), "/dispatch");
        server.context.addEventListener(new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent sce) {
                REGISTRATION.set(filter.addTo(sce.getServletContext()));
                try {
                    filter.addTo(sce.getServletContext(), "/other/*");
                } catch (IllegalStateException e) {
                    SECOND_REGISTRATION.set(e.getMessage());
                }
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void registeredFilterBindsTheRunOnAsyncDispatch() throws Exception {
        String token = TipServer.mint(RING, "registered-run", Duration.ofMinutes(5));

        HttpResponse<String> r = server.get("/dispatch", token);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("ASYNC " + TipServer.expectedContext("registered-run"));
        TipFilterTest.assertProblem(server.get("/dispatch", "forged"), 403, "malformed");
    }

    @Test
    void registrationIsNamedMappedToEverythingAndRefusedTwice() {
        FilterRegistration registration = REGISTRATION.get();

        assertThat(registration.getName()).isEqualTo(TipFilter.FILTER_NAME);
        assertThat(registration.getUrlPatternMappings()).containsExactly("/*");
        assertThat(SECOND_REGISTRATION.get()).asString().contains("'tip-data' is registered already");
    }
}
