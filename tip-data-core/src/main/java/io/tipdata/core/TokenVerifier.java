package io.tipdata.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Verifies run tokens: {@code v1.<runId>.<expiry epoch seconds>.<keyId>.<base64url HMAC-SHA256>}.
 *
 * <p>Checks, in order: length, format, version, run id, key id, signature (constant-time), expiry and
 * maximum lifetime. Never throws for any input and never logs the value. Thread-safe.
 */
public final class TokenVerifier {

    /** Default maximum header length. */
    public static final int DEFAULT_MAX_LENGTH = 256;
    /** Longest accepted {@code maxLifetime}. */
    public static final Duration MAX_LIFETIME_LIMIT = Duration.ofDays(366);
    /** Longest accepted {@code clockSkew}. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);

    private final KeyRing keyRing;
    private final Duration maxLifetime;
    private final Duration clockSkew;
    private final Clock clock;
    private final int maxLength;
    private final Duration maxAhead;

    private TokenVerifier(Builder b) {
        this.keyRing = b.keyRing;
        this.maxLifetime = b.maxLifetime;
        this.clockSkew = b.clockSkew;
        this.clock = b.clock;
        this.maxLength = b.maxLength;
        this.maxAhead = b.maxLifetime.plus(b.clockSkew);
    }

    /** A builder over the key ring that verifies. */
    public static Builder builder(KeyRing keyRing) {
        return new Builder(keyRing);
    }

    /** Verifies the header value; {@code null} counts as malformed. */
    public TokenVerification verify(String value) {
        if (value == null) {
            return TokenVerification.rejected(RejectReason.MALFORMED);
        }
        if (value.length() > maxLength) {
            return TokenVerification.rejected(RejectReason.OVERSIZED);
        }
        String[] parts = split(value);
        if (parts == null) {
            return TokenVerification.rejected(RejectReason.MALFORMED);
        }
        if (!TokenSignature.VERSION.equals(parts[0])) {
            return TokenVerification.rejected(looksLikeVersion(parts[0])
                    ? RejectReason.UNSUPPORTED_VERSION : RejectReason.MALFORMED);
        }
        String runId = parts[1];
        if (!TestRun.isValidRunId(runId)) {
            return TokenVerification.rejected(RejectReason.INVALID_RUN_ID);
        }
        long expiry = parseExpiry(parts[2]);
        String keyId = parts[3];
        String signature = parts[4];
        if (expiry <= 0 || !KeyRing.isValidKeyId(keyId) || !isSignatureShaped(signature)) {
            return TokenVerification.rejected(RejectReason.MALFORMED);
        }
        HmacKey key = keyRing.key(keyId);
        if (key == null) {
            return TokenVerification.rejected(RejectReason.UNKNOWN_KEY);
        }
        if (!TokenSignature.matches(key, TokenSignature.payload(runId, expiry, keyId), signature)) {
            return TokenVerification.rejected(RejectReason.BAD_SIGNATURE);
        }
        Instant expires = Instant.ofEpochSecond(expiry);
        Instant now = clock.instant();
        if (!expires.plus(clockSkew).isAfter(now)) {
            return TokenVerification.rejected(RejectReason.EXPIRED);
        }
        if (Duration.between(now, expires).compareTo(maxAhead) > 0) {
            return TokenVerification.rejected(RejectReason.LIFETIME_TOO_LONG);
        }
        return TokenVerification.accepted(runId, expires, keyId);
    }

    /** The longest lifetime a token may have left when it is verified. */
    public Duration maxLifetime() {
        return maxLifetime;
    }

    /** The tolerated difference between the minter's clock and this verifier's clock. */
    public Duration clockSkew() {
        return clockSkew;
    }

    /** The longest header value that is read at all. */
    public int maxLength() {
        return maxLength;
    }

    @Override
    public String toString() {
        return "TokenVerifier[" + keyRing + ", maxLifetime=" + maxLifetime + ", clockSkew=" + clockSkew
                + ", maxLength=" + maxLength + "]";
    }

    private static String[] split(String value) {
        String[] parts = new String[5];
        int start = 0;
        for (int i = 0; i < 4; i++) {
            int dot = value.indexOf('.', start);
            if (dot < 0) {
                return null;
            }
            parts[i] = value.substring(start, dot);
            start = dot + 1;
        }
        if (value.indexOf('.', start) >= 0) {
            return null;
        }
        parts[4] = value.substring(start);
        return parts;
    }

    private static boolean looksLikeVersion(String s) {
        if (s.length() < 2 || s.length() > 4 || s.charAt(0) != 'v') {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Decimal digits without sign or leading zero, at most 12 of them; -1 otherwise. */
    private static long parseExpiry(String s) {
        int n = s.length();
        if (n == 0 || n > 12 || s.charAt(0) == '0') {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isSignatureShaped(String s) {
        if (s.length() != TokenSignature.SIGNATURE_CHARS) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Settings of a verifier; {@link #build()} checks them. */
    public static final class Builder {
        private final KeyRing keyRing;
        private Duration maxLifetime = Duration.ofHours(24);
        private Duration clockSkew = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();
        private int maxLength = DEFAULT_MAX_LENGTH;

        private Builder(KeyRing keyRing) {
            this.keyRing = Objects.requireNonNull(keyRing, "keyRing");
        }

        /** Tokens expiring further ahead than this (plus the clock skew) are rejected (default 24 hours). */
        public Builder maxLifetime(Duration maxLifetime) {
            this.maxLifetime = maxLifetime;
            return this;
        }

        /** Tolerated difference between the minter's and this clock (default 30 seconds). */
        public Builder clockSkew(Duration clockSkew) {
            this.clockSkew = clockSkew;
            return this;
        }

        /** The clock that tells the time (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Longer header values are rejected unread (default 256; at least the longest well-formed token). */
        public Builder maxLength(int maxLength) {
            this.maxLength = maxLength;
            return this;
        }

        /** The immutable verifier. */
        public TokenVerifier build() {
            if (clock == null) {
                throw new IllegalArgumentException("clock is null; give a Clock, e.g. Clock.systemUTC()");
            }
            if (maxLifetime == null || maxLifetime.isNegative() || maxLifetime.isZero()
                    || maxLifetime.compareTo(MAX_LIFETIME_LIMIT) > 0) {
                throw new IllegalArgumentException("maxLifetime " + maxLifetime + " must be positive and at most "
                        + MAX_LIFETIME_LIMIT + ", e.g. PT24H");
            }
            if (clockSkew == null || clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
                throw new IllegalArgumentException("clockSkew " + clockSkew + " must be between PT0S and "
                        + MAX_CLOCK_SKEW + ", e.g. PT30S");
            }
            if (maxLength < TokenSignature.MAX_TOKEN_CHARS || maxLength > 8192) {
                throw new IllegalArgumentException("maxLength " + maxLength + " must be between "
                        + TokenSignature.MAX_TOKEN_CHARS + " (the longest well-formed token) and 8192");
            }
            return new TokenVerifier(this);
        }
    }
}
