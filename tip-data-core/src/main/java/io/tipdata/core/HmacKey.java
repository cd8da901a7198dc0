package io.tipdata.core;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One HMAC-SHA256 key with a {@link Mac} initialised once. Each computation works on a clone of that
 * prototype, which is cheaper than {@code Mac.getInstance} plus {@code init} and, unlike a per-thread
 * cache, costs nothing extra on virtual threads. The prototype itself is never updated, so concurrent
 * clones only read it. Providers whose {@code Mac} cannot be cloned get a fresh instance per call.
 */
final class HmacKey {

    static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Mac prototype;

    private HmacKey(SecretKeySpec key, Mac prototype) {
        this.key = key;
        this.prototype = prototype;
    }

    /** A key over a copy of the secret. */
    static HmacKey of(byte[] secret) {
        SecretKeySpec key = new SecretKeySpec(secret, ALGORITHM);
        Mac mac = newMac(key);
        try {
            mac.clone();
            return new HmacKey(key, mac);
        } catch (CloneNotSupportedException e) {
            return new HmacKey(key, null);
        }
    }

    /** A key that creates a new {@link Mac} per computation, as for providers that cannot clone one. */
    static HmacKey withoutPrototype(byte[] secret) {
        SecretKeySpec key = new SecretKeySpec(secret, ALGORITHM);
        newMac(key);
        return new HmacKey(key, null);
    }

    /** The HMAC-SHA256 of the bytes. */
    byte[] mac(byte[] data) {
        Mac mac;
        if (prototype != null) {
            try {
                mac = (Mac) prototype.clone();
            } catch (CloneNotSupportedException e) {
                mac = newMac(key);
            }
        } else {
            mac = newMac(key);
        }
        return mac.doFinal(data);
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM; tip-data needs it for run tokens", e);
        }
    }

    @Override
    public String toString() {
        return "HmacKey[" + ALGORITHM + "]";
    }
}
