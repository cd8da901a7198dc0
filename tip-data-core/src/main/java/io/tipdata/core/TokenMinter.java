package io.tipdata.core;

import java.time.Instant;
import java.util.Objects;

/** Mints run tokens with the signing key of a key ring, for test harnesses and outbound calls. */
public final class TokenMinter {

    private final KeyRing keyRing;

    private TokenMinter(KeyRing keyRing) {
        this.keyRing = keyRing;
    }

    /** A minter that signs with the ring's signing key. */
    public static TokenMinter of(KeyRing keyRing) {
        Objects.requireNonNull(keyRing, "keyRing");
        if (keyRing.signingKeyId() == null) {
            throw new IllegalArgumentException("the key ring " + keyRing
                    + " has no signing key; add one with KeyRing.builder().signingKey(...)");
        }
        return new TokenMinter(keyRing);
    }

    /** The id of the key that signs the tokens. */
    public String keyId() {
        return keyRing.signingKeyId();
    }

    /** A token for the run that expires at the given instant (second precision, rounded down). */
    public String mint(String runId, Instant expires) {
        TestRun.requireValidRunId(runId);
        if (expires == null) {
            throw new IllegalArgumentException("expires is null; give the instant the token expires");
        }
        long expiry = expires.getEpochSecond();
        if (expiry <= 0 || expiry > TokenSignature.MAX_EXPIRY) {
            throw new IllegalArgumentException("expiry " + expires + " is outside the token format's range: give an"
                    + " instant after 1970-01-01T00:00:00Z and at most " + Instant.ofEpochSecond(TokenSignature.MAX_EXPIRY));
        }
        String keyId = keyRing.signingKeyId();
        String payload = TokenSignature.payload(runId, expiry, keyId);
        return payload + '.' + TokenSignature.sign(keyRing.key(keyId), payload);
    }
}
