package io.tipdata.core;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Keys, instants and an independent HMAC for the token tests. */
final class TokenFixtures {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String RUN = "checkout-load-1";

    private TokenFixtures() {
    }

    /** A deterministic 32-byte secret that differs per seed. */
    static byte[] secret(int seed) {
        byte[] b = new byte[32];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (seed * 131 + i * 29 + 7);
        }
        return b;
    }

    static KeyRing ring(String keyId, int seed) {
        return KeyRing.builder().signingKey(keyId, secret(seed)).build();
    }

    static TokenVerifier verifierAt(KeyRing ring, Instant now) {
        return TokenVerifier.builder(ring).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    }

    /** The HMAC-SHA256 signature computed here, independently of the library. */
    static String independentSignature(byte[] secret, String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        byte[] raw = mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    static Instant inOneHour() {
        return NOW.plus(Duration.ofHours(1));
    }
}
