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

    /** A token for the run that expires at the given instant (second precision, rounded down). */
    public String mint(String runId, Instant expires) {
        TestRun.requireValidRunId(runId);
        Objects.requireNonNull(expires, "expires");
        long expiry = expires.getEpochSecond();
        if (expiry <= 0) {
            throw new IllegalArgumentException("expiry " + expires + " is not after 1970-01-01T00:00:00Z");
        }
        String keyId = keyRing.signingKeyId();
        String payload = TokenSignature.payload(runId, expiry, keyId);
        return payload + '.' + TokenSignature.sign(keyRing.key(keyId), payload);
    }
}
