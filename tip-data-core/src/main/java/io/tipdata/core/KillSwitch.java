package io.tipdata.core;

import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses all test traffic while engaged. Production traffic is never affected.
 *
 * <p>{@link #global()} is the switch that every part of tip-data consults unless configured with
 * another one. It starts engaged when the system property {@code tip.kill} or, if that property is not set,
 * the environment variable {@code TIP_KILL} says so: the property, when set, wins over the variable. Both
 * accept {@code true/false}, {@code 1/0}, {@code yes/no} and {@code on/off} in any case; any other value
 * (blank included) fails closed: {@link #global()} throws, naming the value, so start-up stops rather than
 * silently leaving the switch off. An isolation violation detected at runtime engages it.
 */
public final class KillSwitch {

    private static final Logger LOG = LoggerFactory.getLogger(KillSwitch.class);
    /** The system property that engages the global switch at start-up. */
    public static final String PROPERTY = "tip.kill";
    /** The environment variable that engages the global switch at start-up when the property is not set. */
    public static final String ENVIRONMENT_VARIABLE = "TIP_KILL";

    private static volatile KillSwitch global;

    private final AtomicReference<String> reason;

    private KillSwitch(String initialReason) {
        this.reason = new AtomicReference<>(initialReason);
    }

    /** A new, released switch (for tests and for services that manage their own). */
    public static KillSwitch create() {
        return new KillSwitch(null);
    }

    /** The process-wide switch; throws if {@code tip.kill} or {@code TIP_KILL} holds a value it cannot read. */
    public static KillSwitch global() {
        KillSwitch g = global;
        if (g == null) {
            synchronized (KillSwitch.class) {
                g = global;
                if (g == null) {
                    String reason = configuredReason(System.getProperty(PROPERTY), System.getenv(ENVIRONMENT_VARIABLE));
                    if (reason != null) {
                        LOG.warn("tip-data kill switch engaged: {}; all test traffic is refused", reason);
                    }
                    g = new KillSwitch(reason);
                    global = g;
                }
            }
        }
        return g;
    }

    /**
     * Why the configuration engages the switch, or {@code null} if it leaves it released: the property's value
     * when it is set, otherwise the environment variable's. Throws, naming the value, for one it cannot read.
     */
    static String configuredReason(String property, String environment) {
        if (property != null) {
            return isOn(PROPERTY, property) ? "engaged by configuration (system property " + PROPERTY + "="
                    + property.strip() + ")" : null;
        }
        if (environment != null) {
            return isOn(ENVIRONMENT_VARIABLE, environment) ? "engaged by configuration (environment variable "
                    + ENVIRONMENT_VARIABLE + "=" + environment.strip() + ")" : null;
        }
        return null;
    }

    /**
     * Reads a kill-switch setting: {@code true/1/yes/on} engage, {@code false/0/no/off} release, in any case
     * and with surrounding blanks; throws, naming the setting and the value, for anything else.
     */
    public static boolean isOn(String setting, String value) {
        String v = value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT);
        switch (v) {
            case "true", "1", "yes", "on":
                return true;
            case "false", "0", "no", "off":
                return false;
            default:
                throw new IllegalArgumentException("kill switch setting " + setting + "='" + value + "' cannot be read:"
                        + " use true/false, 1/0, yes/no or on/off; tip-data refuses to start rather than leave the"
                        + " kill switch off");
        }
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
}
