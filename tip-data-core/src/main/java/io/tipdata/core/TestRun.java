package io.tipdata.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One named, time-boxed batch of synthetic traffic: the unit of isolation and of purge.
 *
 * <p>A run id is 1 to 40 characters: lowercase ASCII letters, digits, {@code -} and {@code _},
 * starting with a letter or a digit. Nothing else is accepted, so a run id can be placed into SQL,
 * logs and header values without escaping.
 */
public final class TestRun {

    /** Longest accepted run id. */
    public static final int MAX_RUN_ID_LENGTH = 40;

    private static final Pattern RUN_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    private final String runId;
    private final Instant created;
    private final Instant expires;

    private TestRun(String runId, Instant created, Instant expires) {
        this.runId = runId;
        this.created = created;
        this.expires = expires;
    }

    /** Creates a run after checking the id and that it expires after it was created. */
    public static TestRun of(String runId, Instant created, Instant expires) {
        requireValidRunId(runId);
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(expires, "expires");
        if (!expires.isAfter(created)) {
            throw new IllegalArgumentException("test run '" + runId + "' expires at " + expires
                    + ", which is not after its creation at " + created + "; give it an expiry in the future");
        }
        return new TestRun(runId, created, expires);
    }

    /**
     * A run created now that lasts the given time, for harnesses and tests:
     * {@code TestRun.of("load-1", Duration.ofMinutes(30))}.
     */
    public static TestRun of(String runId, Duration lifetime) {
        requireValidRunId(runId);
        Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("test run '" + runId + "' has lifetime " + lifetime
                    + "; give a positive duration such as Duration.ofMinutes(30)");
        }
        Instant now = Instant.now();
        return new TestRun(runId, now, now.plus(lifetime));
    }

    /** Returns the id unchanged if it is a valid run id, otherwise throws a message that names it. */
    public static String requireValidRunId(String runId) {
        if (runId == null) {
            throw new IllegalArgumentException("run id is null; give 1 to " + MAX_RUN_ID_LENGTH
                    + " characters of [a-z0-9_-], starting with a letter or digit");
        }
        if (!isValidRunId(runId)) {
            throw new IllegalArgumentException("invalid run id '" + printable(runId) + "': use 1 to "
                    + MAX_RUN_ID_LENGTH + " characters of [a-z0-9_-], starting with a letter or digit");
        }
        return runId;
    }

    /** Tells whether the text is a valid run id. */
    public static boolean isValidRunId(String runId) {
        return runId != null && runId.length() <= MAX_RUN_ID_LENGTH && RUN_ID.matcher(runId).matches();
    }

    /** The run id. */
    public String runId() {
        return runId;
    }

    /** When the run was created. */
    public Instant created() {
        return created;
    }

    /** When the run expires; its rows are purged after that. */
    public Instant expires() {
        return expires;
    }

    /** Tells whether the run has expired at the given instant. */
    public boolean isExpiredAt(Instant instant) {
        return !instant.isBefore(expires);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TestRun other && runId.equals(other.runId)
                && created.equals(other.created) && expires.equals(other.expires);
    }

    @Override
    public int hashCode() {
        return runId.hashCode();
    }

    @Override
    public String toString() {
        return "TestRun[" + runId + ", created " + created + ", expires " + expires + "]";
    }

    private static String printable(String s) {
        String cut = s.length() > 64 ? s.substring(0, 64) + "..." : s;
        StringBuilder b = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return b.toString();
    }
}
