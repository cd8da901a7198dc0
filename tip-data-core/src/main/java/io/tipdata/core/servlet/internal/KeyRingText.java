package io.tipdata.core.servlet.internal;

import io.tipdata.core.KeyRing;

/**
 * Reads verification keys written as {@code keyId=base64} entries separated by commas, spaces or new
 * lines; lines starting with {@code #} are comments. Error messages name key ids and entry numbers,
 * never key material.
 */
public final class KeyRingText {

    private KeyRingText() {
    }

    /** A verify-only key ring from the text; {@code source} names where the text came from. */
    public static KeyRing parse(String text, String source) {
        KeyRing.Builder ring = KeyRing.builder();
        int entry = 0;
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            for (String item : l.split("[,\\s]+")) {
                if (item.isEmpty()) {
                    continue;
                }
                entry++;
                int eq = item.indexOf('=');
                if (eq <= 0 || eq == item.length() - 1) {
                    throw new IllegalArgumentException("entry " + entry + " of " + source
                            + " is not of the form keyId=base64");
                }
                if (!KeyRing.isValidKeyId(item.substring(0, eq))) {
                    throw new IllegalArgumentException("entry " + entry + " of " + source + " has an invalid key id;"
                            + " write keyId=base64 with a key id of 1 to 32 characters of [A-Za-z0-9_-]");
                }
                try {
                    ring.verificationKeyBase64(item.substring(0, eq), item.substring(eq + 1));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
                }
            }
        }
        if (entry == 0) {
            throw new IllegalArgumentException(source + " holds no key; write keyId=base64 entries");
        }
        return ring.build();
    }
}
