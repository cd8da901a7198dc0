package io.tipdata.core;

import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses all test traffic while engaged. Production traffic is never affected.
 *
 * <p>{@link #global()} is the switch that every part of tip-data consults unless configured with
 * another one. It starts released unless the system property or environment variable
 * {@code tip.kill} / {@code TIP_KILL} is {@code true}. An isolation violation detected at runtime
 * engages it.
 */
public final class KillSwitch {

    private static final Logger LOG = LoggerFactory.getLogger(KillSwitch.class);
    private static final KillSwitch GLOBAL = new KillSwitch(initiallyEngaged());

    private final AtomicReference<String> reason;

    private KillSwitch(String initialReason) {
        this.reason = new AtomicReference<>(initialReason);
    }

    /** A new, released switch (for tests and for services that manage their own). */
    public static KillSwitch create() {
        return new KillSwitch(null);
    }

    /** The process-wide switch. */
    public static KillSwitch global() {
        return GLOBAL;
    }

    /** Refuses all test traffic from now on, for the given reason. */
    public void engage(String why) {
        String text = why == null || why.isBlank() ? "engaged" : why;
        if (reason.getAndSet(text) == null) {
            LOG.warn("tip-data kill switch engaged: {}", text);
        }
    }

    /** Lets test traffic through again. */
    public void release() {
        if (reason.getAndSet(null) != null) {
            LOG.info("tip-data kill switch released");
        }
    }

    /** Tells whether test traffic is refused. */
    public boolean isEngaged() {
        return reason.get() != null;
    }

    /** Why the switch is engaged, or {@code null} if it is released. */
    public String reason() {
        return reason.get();
    }

    private static String initiallyEngaged() {
        String p = System.getProperty("tip.kill");
        if (p == null) {
            p = System.getenv("TIP_KILL");
        }
        return Boolean.parseBoolean(p) ? "engaged by configuration (tip.kill=true)" : null;
    }
}
