package io.tipdata.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The test runs refused because tip-data found one of their statements unsafe to confine (the rewrite failed
 * its independent check). A quarantined run's statements and tokens are refused from then on; other runs and
 * production go on. Only when runs are quarantined from several runs within a window (by default
 * {@value #DEFAULT_RUNS} runs within {@link #DEFAULT_WINDOW}) does the kill switch engage, because then the
 * fault is more likely tip-data's than one run's statement.
 *
 * <p>{@link #global()} is the quarantine every part of tip-data consults unless given another; it engages
 * {@link KillSwitch#global()}. Quarantine lasts for the life of the process, or until an operator calls
 * {@link #release(String)}.
 */
public final class RunQuarantine {

    /** How many distinct runs quarantined within the window engage the kill switch, by default. */
    public static final int DEFAULT_RUNS = 3;
    /** The window within which quarantined runs are counted, by default. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);
    /** At most this many runs are held; one more engages the kill switch instead of growing without bound. */
    static final int MAX_RUNS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(RunQuarantine.class);
    private static final RunQuarantine GLOBAL = builder().build();

    /** Hears when a run is quarantined (for metrics); exceptions are logged and ignored. */
    @FunctionalInterface
    public interface Listener {
        /** The run was quarantined; {@code killSwitchEngaged} tells whether this engaged the kill switch. */
        void onQuarantined(String runId, boolean killSwitchEngaged);
    }

    private final KillSwitch killSwitch;
    private final int runs;
    private final Duration window;
    private final Clock clock;
    private final Map<String, String> quarantined = new ConcurrentHashMap<>();
    private final Deque<Instant> recent = new ArrayDeque<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    private RunQuarantine(Builder b) {
        this.killSwitch = b.killSwitch;
        this.runs = b.runs;
        this.window = b.window;
        this.clock = b.clock;
    }

    /** The process-wide quarantine, engaging the global kill switch. */
    public static RunQuarantine global() {
        return GLOBAL;
    }

    /** A builder; defaults: {@link KillSwitch#global()}, {@value #DEFAULT_RUNS} runs within 10 minutes. */
    public static Builder builder() {
        return new Builder();
    }

    /** Adds a listener (such as {@code TipMetrics}) told of every run quarantined from now on. */
    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Quarantines the run for the reason (which must hold no literal of a statement). Returns {@code true} if
     * the run was not quarantined before. Engages the kill switch when this makes enough runs within the window.
     */
    public boolean quarantine(String runId, String why) {
        Objects.requireNonNull(runId, "runId");
        String reason = why == null || why.isBlank() ? "quarantined" : why;
        if (quarantined.putIfAbsent(runId, reason) != null) {
            return false;
        }
        boolean kill = countAndDecide();
        if (kill) {
            killSwitch.engage("test runs were quarantined from " + runs + " or more runs within " + window
                    + " (the last: " + runId + ", " + reason + ")");
        }
        for (Listener l : listeners) {
            try {
                l.onQuarantined(runId, kill);
            } catch (RuntimeException e) {
                LOG.warn("a tip-data quarantine listener failed: {}", e.toString());
                LOG.debug("quarantine listener failure", e);
            }
        }
        return true;
    }

    private synchronized boolean countAndDecide() {
        Instant now = clock.instant();
        recent.addLast(now);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(window))) {
            recent.removeFirst();
        }
        return recent.size() >= runs || quarantined.size() > MAX_RUNS;
    }

    /** Tells whether the run is quarantined. */
    public boolean isQuarantined(String runId) {
        return runId != null && quarantined.containsKey(runId);
    }

    /** Why the run is quarantined, or {@code null} if it is not. */
    public String reason(String runId) {
        return runId == null ? null : quarantined.get(runId);
    }

    /** The quarantined runs and why, as of now. */
    public Map<String, String> quarantinedRuns() {
        return Map.copyOf(new HashMap<>(quarantined));
    }

    /** Lets the run's traffic through again (an operator's decision); returns whether it was quarantined. */
    public boolean release(String runId) {
        boolean was = runId != null && quarantined.remove(runId) != null;
        if (was) {
            LOG.info("tip-data run {} released from quarantine", runId);
        }
        return was;
    }

    /** Builds a {@link RunQuarantine}; checked at {@link #build()}. */
    public static final class Builder {
        private KillSwitch killSwitch = KillSwitch.global();
        private int runs = DEFAULT_RUNS;
        private Duration window = DEFAULT_WINDOW;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The switch engaged when too many runs are quarantined (default {@link KillSwitch#global()}). */
        public Builder killSwitch(KillSwitch killSwitch) {
            this.killSwitch = Objects.requireNonNull(killSwitch, "killSwitch");
            return this;
        }

        /** Engage the kill switch once {@code runs} distinct runs are quarantined within {@code window}. */
        public Builder killSwitchAfter(int runs, Duration window) {
            this.runs = runs;
            this.window = window;
            return this;
        }

        /** The clock for the window (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The quarantine; refuses a run count below 1 or a window that is not positive. */
        public RunQuarantine build() {
            if (runs < 1) {
                throw new IllegalArgumentException("killSwitchAfter runs " + runs
                        + " is below 1: give the number of quarantined runs that engages the kill switch, such as 3");
            }
            if (window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("killSwitchAfter window " + window
                        + " is not positive: give a duration such as PT10M");
            }
            return new RunQuarantine(this);
        }
    }
}
