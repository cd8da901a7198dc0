package io.tipdata.core;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The HMAC-SHA256 keys that sign and verify run tokens: at most one signing key, and older keys that
 * still verify, so keys rotate without downtime. Immutable; {@code toString()} shows key ids only.
 * {@link KeyRingLoader} builds one from an environment variable or a file.
 */
public final class KeyRing {

    /** Shortest accepted key, in bytes. */
    public static final int MIN_KEY_BYTES = 32;

    /** Longest accepted key id. */
    public static final int MAX_KEY_ID_LENGTH = 32;

    private final String signingKeyId;
    private final Map<String, HmacKey> keys;

    private KeyRing(String signingKeyId, Map<String, HmacKey> keys) {
        this.signingKeyId = signingKeyId;
        this.keys = Collections.unmodifiableMap(keys);
    }

    /** A builder for a key ring. */
    public static Builder builder() {
        return new Builder();
    }

    /** The id of the signing key, or {@code null} if this ring only verifies. */
    public String signingKeyId() {
        return signingKeyId;
    }

    /** Tells whether a key with that id verifies tokens. */
    public boolean knows(String keyId) {
        return keys.containsKey(keyId);
    }

    /** The ids of all keys that verify tokens (the signing key included), in the order they were added. */
    public Set<String> keyIds() {
        return keys.keySet();
    }

    /** Tells whether the text is a valid key id: 1 to 32 characters of [A-Za-z0-9_-]. */
    public static boolean isValidKeyId(String keyId) {
        if (keyId == null || keyId.isEmpty() || keyId.length() > MAX_KEY_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < keyId.length(); i++) {
            char c = keyId.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    HmacKey key(String keyId) {
        return keys.get(keyId);
    }

    /** Standard or URL-safe base64, padded or not, surrounding whitespace ignored; {@code null} if invalid. */
    static byte[] decodeBase64(String base64) {
        String s = base64.strip();
        try {
            return s.indexOf('-') >= 0 || s.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(s)
                    : Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "KeyRing[signing=" + signingKeyId + ", verifying=" + keys.keySet() + "]";
    }

    /** Collects keys; {@link #build()} checks them. */
    public static final class Builder {
        private String signingKeyId;
        private final Map<String, HmacKey> keys = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds the key that signs new tokens (it also verifies). */
        public Builder signingKey(String keyId, byte[] secret) {
            requireValidKeyId(keyId);
            if (signingKeyId != null) {
                throw new IllegalArgumentException("a signing key is set already (key id '" + signingKeyId
                        + "'); add '" + keyId + "' with verificationKey(...) or keep one signing key");
            }
            add(keyId, secret);
            signingKeyId = keyId;
            return this;
        }

        /** Adds an older key that still verifies tokens but signs none. */
        public Builder verificationKey(String keyId, byte[] secret) {
            add(keyId, secret);
            return this;
        }

        /** Adds the signing key given as base64 (standard or URL-safe alphabet). */
        public Builder signingKeyBase64(String keyId, String base64Secret) {
            requireValidKeyId(keyId);
            return signingKey(keyId, decode(keyId, base64Secret));
        }

        /** Adds a verification key given as base64 (standard or URL-safe alphabet). */
        public Builder verificationKeyBase64(String keyId, String base64Secret) {
            requireValidKeyId(keyId);
            return verificationKey(keyId, decode(keyId, base64Secret));
        }

        /** The immutable key ring; at least one key is required. */
        public KeyRing build() {
            if (keys.isEmpty()) {
                throw new IllegalStateException("the key ring has no key: add a signingKey(...) or verificationKey(...)");
            }
            return new KeyRing(signingKeyId, new LinkedHashMap<>(keys));
        }

        private void add(String keyId, byte[] secret) {
            requireValidKeyId(keyId);
            if (secret == null) {
                throw new IllegalArgumentException("key '" + keyId + "' is null; give at least " + MIN_KEY_BYTES
                        + " random bytes");
            }
            if (secret.length < MIN_KEY_BYTES) {
                throw new IllegalArgumentException("key '" + keyId + "' has " + secret.length + " bytes; use at least "
                        + MIN_KEY_BYTES + " random bytes (e.g. openssl rand -base64 32)");
            }
            if (keys.containsKey(keyId)) {
                throw new IllegalArgumentException("key id '" + keyId + "' is added twice; give each key its own id");
            }
            keys.put(keyId, HmacKey.of(secret.clone()));
        }

        private static void requireValidKeyId(String keyId) {
            if (!isValidKeyId(keyId)) {
                throw new IllegalArgumentException("invalid key id " + describeInvalidKeyId(keyId)
                        + ": use 1 to " + MAX_KEY_ID_LENGTH + " characters of [A-Za-z0-9_-]");
            }
        }

        /**
         * Names an invalid key id without echoing long values: a secret passed as key id by mistake
         * (arguments swapped) is longer than any key id and must not reach a log.
         */
        static String describeInvalidKeyId(String keyId) {
            if (keyId == null) {
                return "null";
            }
            if (keyId.length() > MAX_KEY_ID_LENGTH) {
                return "of " + keyId.length() + " characters (not shown)";
            }
            StringBuilder b = new StringBuilder("'");
            for (int i = 0; i < keyId.length(); i++) {
                char c = keyId.charAt(i);
                b.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
            }
            return b.append('\'').toString();
        }

        private static byte[] decode(String keyId, String base64) {
            if (base64 == null) {
                throw new IllegalArgumentException("key '" + keyId + "' is null; give it as base64"
                        + " (e.g. openssl rand -base64 32)");
            }
            byte[] secret = decodeBase64(base64);
            if (secret == null) {
                throw new IllegalArgumentException("key '" + keyId + "' is not valid base64; give the key as base64"
                        + " (e.g. openssl rand -base64 32)");
            }
            return secret;
        }
    }
}
