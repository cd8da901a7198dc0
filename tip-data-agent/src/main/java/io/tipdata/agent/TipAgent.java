package io.tipdata.agent;

import java.lang.instrument.Instrumentation;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tip-data Java agent: carries the test-run context of {@code io.tipdata.core.TipContext}
 * through the JDK's executors, fork/join pools, timers and threads, and Jetty's
 * {@code QueuedThreadPool}, for code that does not use {@code TipExecutors}.
 *
 * <p>Use it as {@code -javaagent:tip-data-agent.jar}, or call {@link #install()} early in
 * {@code main}. {@code -Dtip.agent=false} turns it off. Installing twice has no further effect.
 */
public final class TipAgent {

    /** The system property that turns the agent off when set to {@code false}. */
    public static final String SWITCH = "tip.agent";

    private static final Logger LOG = LoggerFactory.getLogger("io.tipdata.agent");
    private static volatile boolean installed;

    private TipAgent() {
    }

    /** Entry point of {@code -javaagent}. */
    public static void premain(String arguments, Instrumentation instrumentation) {
        start(instrumentation, "-javaagent");
    }

    /** Entry point of a dynamic attach. */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        start(instrumentation, "attach");
    }

    /**
     * Installs the agent into this JVM through Byte Buddy's self-attach (needs a JDK, not only a
     * JRE); returns whether the agent is active afterwards.
     */
    public static synchronized boolean install() {
        if (installed) {
            return true;
        }
        if (!enabled()) {
            return false;
        }
        Instrumentation instrumentation;
        try {
            instrumentation = net.bytebuddy.agent.ByteBuddyAgent.install();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("tip-data agent not installed: cannot attach to this JVM ({}); start it with"
                    + " -javaagent:tip-data-agent.jar instead", e.toString());
            return false;
        }
        return start(instrumentation, "TipAgent.install()");
    }

    /** Installs the agent with the given instrumentation; returns whether the agent is active afterwards. */
    public static synchronized boolean install(Instrumentation instrumentation) {
        return installed || (enabled() && start(instrumentation, "TipAgent.install(Instrumentation)"));
    }

    /** Tells whether the agent is active in this JVM. */
    public static boolean isInstalled() {
        return installed;
    }

    private static synchronized boolean start(Instrumentation instrumentation, String how) {
        if (installed || !enabled()) {
            return installed;
        }
        try {
            io.tipdata.agent.internal.Bootstrap.prepare(instrumentation);
            io.tipdata.agent.internal.AgentInstaller.install(instrumentation, how);
            installed = true;
        } catch (Throwable e) {
            // never stop the application: without the agent, code that uses TipExecutors still propagates
            LOG.error("tip-data agent not installed ({}): {}", how, e.toString(), e);
        }
        return installed;
    }

    private static boolean enabled() {
        String value = System.getProperty(SWITCH);
        if (value == null || value.isBlank()) {
            return true;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "false":
                LOG.info("tip-data agent turned off by -D{}=false", SWITCH);
                return false;
            case "true":
                return true;
            default:
                LOG.warn("tip-data agent: -D{}={} is neither true nor false; the agent stays on"
                        + " (an agent that is silently off loses test runs); use -D{}=false to turn it off",
                        SWITCH, value, SWITCH);
                return true;
        }
    }
}
