package io.tipdata.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Loads a {@link KeyRing} from an environment variable or a file, so that keys stay out of code,
 * command lines and logs.
 *
 * <p>Format: one key per line (or several per line, separated by commas), each written
 * {@code <keyId>=<base64 key>}, e.g. {@code k2026a=6fQk...}. The key is standard or URL-safe base64 of
 * at least 32 random bytes ({@code openssl rand -base64 32}). Blank lines and lines starting with
 * {@code #} are skipped. The first key signs new tokens and every key verifies them.
 * {@link #signingKeyId(String)} picks another key as the signing key. A source that holds a single
 * base64 key without an id (the bare output of {@code openssl rand -base64 32}) is accepted when
 * {@link #signingKeyId(String)} gives its id.
 *
 * <p>Rotation: add the new key below the current one wherever tokens are verified; then put it first
 * where tokens are minted; remove the old key once the tokens it signed have expired.
 *
 * <p>Error messages name the variable or file, the line and the key id, never key material.
 */
public final class KeyRingLoader {

    /** Larger files are refused unread: a key ring is a few lines. */
    static final long MAX_FILE_BYTES = 64 * 1024;

    private final String origin;
    private final Source source;
    private String signingKeyId;

    private KeyRingLoader(String origin, Source source) {
        this.origin = origin;
        this.source = source;
    }

    /** A loader that reads the named environment variable of this process. */
    public static KeyRingLoader fromEnvironment(String variable) {
        return fromEnvironment(variable, System.getenv());
    }

    /** A loader that reads the named variable from the given environment (for tests and launchers). */
    public static KeyRingLoader fromEnvironment(String variable, Map<String, String> environment) {
        if (variable == null || variable.isBlank()) {
            throw new IllegalArgumentException("environment variable name is empty; name the variable that holds"
                    + " the keys, e.g. TIP_DATA_KEYS");
        }
        Objects.requireNonNull(environment, "environment");
        String origin = "environment variable " + variable;
        return new KeyRingLoader(origin, () -> {
            String value = environment.get(variable);
            if (value == null) {
                throw new IllegalArgumentException(origin + " is not set; set it to one or more lines of"
                        + " <keyId>=<base64 key>, e.g. " + variable + "=k1=$(openssl rand -base64 32)");
            }
            return value;
        });
    }

    /** A loader that reads the given file (UTF-8 text). */
    public static KeyRingLoader fromFile(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("key file is null; give the path of the file that holds the keys");
        }
        String origin = "key file " + file;
        return new KeyRingLoader(origin, () -> read(file, origin));
    }

    /** Makes the key with this id the signing key, or names the single bare key of the source. */
    public KeyRingLoader signingKeyId(String keyId) {
        if (keyId != null && !KeyRing.isValidKeyId(keyId)) {
            throw new IllegalArgumentException("invalid signing key id " + KeyRing.Builder.describeInvalidKeyId(keyId)
                    + ": use 1 to " + KeyRing.MAX_KEY_ID_LENGTH + " characters of [A-Za-z0-9_-]");
        }
        this.signingKeyId = keyId;
        return this;
    }

    /** Reads the source and builds the key ring; throws {@link IllegalArgumentException} naming what to fix. */
    public KeyRing load() {
        String text = source.read();
        List<Entry> entries = parse(text);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException(origin + " holds no key; give one or more lines of"
                    + " <keyId>=<base64 key> (e.g. k1=$(openssl rand -base64 32))");
        }
        KeyRing.Builder ring = KeyRing.builder();
        Entry bare = entries.stream().filter(e -> e.keyId == null).findFirst().orElse(null);
        if (bare != null) {
            if (entries.size() > 1 || signingKeyId == null) {
                throw new IllegalArgumentException(bare.where + " of " + origin + " holds a key without an id;"
                        + " write each key as <keyId>=<base64 key>, or give the key id of a single bare key");
            }
            add(ring, bare, signingKeyId, true);
            return ring.build();
        }
        String signing = signingKeyId != null ? signingKeyId : entries.get(0).keyId;
        Entry signingEntry = entries.stream().filter(e -> e.keyId.equals(signing)).findFirst().orElse(null);
        if (signingEntry == null) {
            List<String> ids = entries.stream().map(e -> e.keyId).toList();
            throw new IllegalArgumentException(origin + " has no key with id '" + signing + "'; it holds " + ids
                    + "; choose one of them or add the key");
        }
        add(ring, signingEntry, signing, true);
        for (Entry e : entries) {
            if (e != signingEntry) {
                add(ring, e, e.keyId, false);
            }
        }
        return ring.build();
    }

    @Override
    public String toString() {
        return "KeyRingLoader[" + origin + "]";
    }

    private void add(KeyRing.Builder ring, Entry entry, String keyId, boolean signing) {
        try {
            if (signing) {
                ring.signingKey(keyId, entry.secret);
            } else {
                ring.verificationKey(keyId, entry.secret);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(entry.where + " of " + origin + ": " + e.getMessage());
        }
    }

    /**
     * Splits the text into entries. A {@code '='} within the first 33 characters of an entry separates a
     * key id; a base64 key of 32 bytes or more has at least 43 characters before any padding, so a bare
     * key is never mistaken for an id.
     */
    private List<Entry> parse(String text) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int l = 0; l < lines.length; l++) {
            String line = lines[l].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] items = line.split(",", -1);
            for (int i = 0; i < items.length; i++) {
                String item = items[i].strip();
                if (item.isEmpty()) {
                    continue;
                }
                String where = "line " + (l + 1) + (items.length > 1 ? ", entry " + (i + 1) : "");
                int eq = item.indexOf('=');
                if (eq < 0 || eq > KeyRing.MAX_KEY_ID_LENGTH) {
                    entries.add(new Entry(where, null, decode(where, item)));
                    continue;
                }
                String keyId = item.substring(0, eq).strip();
                byte[] secret = decode(where, item.substring(eq + 1));
                if (!KeyRing.isValidKeyId(keyId)) {
                    throw new IllegalArgumentException(where + " of " + origin + ": the text before '=' is not a"
                            + " key id; write <keyId>=<base64 key> with a key id of 1 to "
                            + KeyRing.MAX_KEY_ID_LENGTH + " characters of [A-Za-z0-9_-]");
                }
                entries.add(new Entry(where, keyId, secret));
            }
        }
        return entries;
    }

    /**
     * Decodes before any key id is named: the text before a {@code '='} that is followed by nothing or
     * by padding may be part of a short bare key, and must not appear in a message.
     */
    private byte[] decode(String where, String base64) {
        byte[] secret = base64.isBlank() ? null : KeyRing.decodeBase64(base64);
        if (secret == null) {
            throw new IllegalArgumentException(where + " of " + origin + ": the key is "
                    + (base64.isBlank() ? "empty" : "not valid base64")
                    + "; write <keyId>=<base64 key> with at least " + KeyRing.MIN_KEY_BYTES
                    + " random bytes (e.g. openssl rand -base64 32)");
        }
        return secret;
    }

    private static String read(Path file, String origin) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new IllegalArgumentException(origin + " is larger than " + MAX_FILE_BYTES
                        + " bytes; a key file holds a few lines of <keyId>=<base64 key>");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(origin + " does not exist; create it with lines of"
                    + " <keyId>=<base64 key> (readable only by the service user) or fix the path", e);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException(origin + " is not readable by this process; grant read access to"
                    + " the service user", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + origin + " (" + e.getClass().getSimpleName()
                    + "); it must be a UTF-8 text file of lines <keyId>=<base64 key>", e);
        }
    }

    @FunctionalInterface
    private interface Source {
        String read();
    }

    private record Entry(String where, String keyId, byte[] secret) {
        @Override
        public String toString() {
            return where + (keyId == null ? "" : " " + keyId);
        }
    }
}
