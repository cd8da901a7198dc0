package io.tipdata.core.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.Filter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.simple.SimpleServiceProvider;

/**
 * Loads the filter in a class loader that holds only tip-data-core's classes, the servlet API and
 * slf4j-api (no Micrometer), and runs a production and a rejected request through it.
 */
class TipFilterWithoutMicrometerTest {

    @Test
    void filterLoadsAndWorksWithoutMicrometer() throws Exception {
        // slf4j-simple as the logging provider: this module's provider (slf4j.provider) is a test class,
        // which the isolated loader does not see
        URL[] path = {location(TipFilter.class), location(Filter.class), location(LoggerFactory.class),
            location(SimpleServiceProvider.class)};
        String provider = System.setProperty("slf4j.provider", SimpleServiceProvider.class.getName());
        try (URLClassLoader loader = new URLClassLoader(path, ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> Class.forName("io.micrometer.core.instrument.MeterRegistry", false, loader))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> Class.forName("io.tipdata.core.micrometer.TipMetrics", true, loader)
                    .getDeclaredMethods()).isInstanceOf(NoClassDefFoundError.class);
            for (String name : List.of("io.tipdata.core.servlet.TipFilter", "io.tipdata.core.servlet.TipFilter$Builder",
                    "io.tipdata.core.servlet.TipListener", "io.tipdata.core.servlet.TipAsync",
                    "io.tipdata.core.servlet.internal.ListenerChain", "io.tipdata.core.servlet.internal.ProblemResponse",
                    "io.tipdata.core.servlet.internal.InitParameters", "io.tipdata.core.http.OutboundTokens")) {
                assertThat(Class.forName(name, true, loader).getDeclaredMethods()).isNotNull();
            }

            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Object ringBuilder = call(loader, "io.tipdata.core.KeyRing", null, "builder");
            ringBuilder = call(loader, "io.tipdata.core.KeyRing$Builder", ringBuilder, "signingKey", "k1", secret);
            Object ring = call(loader, "io.tipdata.core.KeyRing$Builder", ringBuilder, "build");
            Object verifierBuilder = call(loader, "io.tipdata.core.TokenVerifier", null, "builder", ring);
            Object verifier = call(loader, "io.tipdata.core.TokenVerifier$Builder", verifierBuilder, "build");
            Object builder = call(loader, "io.tipdata.core.servlet.TipFilter", null, "builder", verifier);
            Object killSwitch = call(loader, "io.tipdata.core.KillSwitch", null, "create");
            builder = call(loader, "io.tipdata.core.servlet.TipFilter$Builder", builder, "killSwitch", killSwitch);
            Object filter = call(loader, "io.tipdata.core.servlet.TipFilter$Builder", builder, "build");

            List<String> events = new ArrayList<>();
            Object chain = proxy(loader, "jakarta.servlet.FilterChain", (p, m, a) -> events.add("chain"));
            Method doFilter = filter.getClass().getMethod("doFilter", loader.loadClass("jakarta.servlet.ServletRequest"),
                    loader.loadClass("jakarta.servlet.ServletResponse"), loader.loadClass("jakarta.servlet.FilterChain"));

            doFilter.invoke(filter, request(loader, null), response(loader, events), chain);
            doFilter.invoke(filter, request(loader, "forged"), response(loader, events), chain);

            assertThat(events).containsExactly("chain", "isCommitted");
        } finally {
            if (provider == null) {
                System.clearProperty("slf4j.provider");
            } else {
                System.setProperty("slf4j.provider", provider);
            }
        }
    }

    private static Object request(ClassLoader loader, String header) {
        return proxy(loader, "jakarta.servlet.http.HttpServletRequest", (p, m, a) -> {
            switch (m.getName()) {
                case "getHeader":
                    return header;
                case "getHeaders":
                    return java.util.Collections.enumeration(header == null ? List.of() : List.of(header));
                default:
                    return null;
            }
        });
    }

    private static Object response(ClassLoader loader, List<String> events) {
        return proxy(loader, "jakarta.servlet.http.HttpServletResponse", (p, m, a) -> {
            events.add(m.getName());
            return m.getName().equals("isCommitted") ? Boolean.TRUE : null;
        });
    }

    private static Object proxy(ClassLoader loader, String type, InvocationHandler handler) {
        try {
            return Proxy.newProxyInstance(loader, new Class<?>[] {loader.loadClass(type)}, handler);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static Object call(ClassLoader loader, String type, Object target, String method, Object... args)
            throws Exception {
        for (Method m : loader.loadClass(type).getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                return m.invoke(target, args);
            }
        }
        throw new AssertionError("no method " + type + "." + method);
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
