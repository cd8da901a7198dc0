package io.tipdata.core;

import static io.tipdata.core.TokenFixtures.NOW;
import static io.tipdata.core.TokenFixtures.secret;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds the verifier random and mutated header values, reproducibly (fixed seed), and checks that a value
 * is accepted exactly when it is a token minted with a live key and still within its lifetime, with the
 * fields it was minted with, and that no exception escapes.
 */
class TokenVerifierFuzzTest {

    private static final long SEED = 0x7159_2026_1126L;
    private static final int CASES = 120_000;

    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final String[] ODD = {
        " ", "\t", "\n", "\r\n", "\u0000", ".", "..", "=", "+", "/", "%2E", "\u00a0", "\u2007", "\u200b", "\ufeff",
        "\u0661", "\u0967", "\uff11", "\u00b9", "\u0301", "\ud83d\ude00", "\ud800", "\udc00", "\u212a", "\u0130",
        "\u0131", "\u017f", "\uff56\uff11", "v1", "-", "_", "0", "00", "-1", "+1", "1e3", "\u202e"};

    private final Random random = new Random(SEED);
    private final KeyRing ring = KeyRing.builder().signingKey("k1", secret(1)).verificationKey("k0", secret(0)).build();
    private final TokenVerifier verifier = TokenFixtures.verifierAt(ring, NOW);
    private final Map<String, String> valid = new HashMap<>();
    private final List<String> pool = new ArrayList<>();

    @Test
    void acceptsExactlyLiveMintedTokensAndNeverThrows() {
        mintPool();
        Map<RejectReason, Integer> reasons = new EnumMap<>(RejectReason.class);
        int accepted = 0;
        for (int i = 0; i < CASES; i++) {
            String value = next(i);
            TokenVerification v;
            try {
                v = verifier.verify(value);
            } catch (RuntimeException | Error e) {
                throw new AssertionError("case " + i + " (seed " + SEED + ") threw for " + escape(value), e);
            }
            String runId = valid.get(value);
            if (runId == null) {
                if (v.isAccepted() || v.reason() == null) {
                    throw new AssertionError("case " + i + " (seed " + SEED + ") accepted " + escape(value));
                }
                reasons.merge(v.reason(), 1, Integer::sum);
            } else {
                if (!v.isAccepted()) {
                    throw new AssertionError("case " + i + " rejected live token " + value + ": " + v.reason());
                }
                assertThat(v.runId()).isEqualTo(runId);
                assertThat(value).startsWith("v1." + runId + "." + v.expires().getEpochSecond() + "." + v.keyId() + ".");
                accepted++;
            }
        }
        assertThat(verifier.verify(null).reason()).isEqualTo(RejectReason.MALFORMED);
        assertThat(accepted).isGreaterThan(CASES / 100);
        assertThat(reasons.keySet()).containsExactlyInAnyOrder(RejectReason.values());
    }

    private void mintPool() {
        TokenMinter live = TokenMinter.of(ring);
        TokenMinter older = TokenMinter.of(KeyRing.builder().signingKey("k0", secret(0)).build());
        TokenMinter unknownKey = TokenMinter.of(KeyRing.builder().signingKey("k9", secret(9)).build());
        TokenMinter wrongSecret = TokenMinter.of(KeyRing.builder().signingKey("k1", secret(5)).build());
        for (int i = 0; i < 200; i++) {
            String runId = randomRunId();
            long ahead = 1 + random.nextInt((int) Duration.ofHours(24).toSeconds());
            TokenMinter m = i % 2 == 0 ? live : older;
            String token = m.mint(runId, NOW.plusSeconds(ahead));
            valid.put(token, runId);
            pool.add(token);
            pool.add(m.mint(runId, NOW.minusSeconds(31 + random.nextInt(100_000))));
            pool.add(m.mint(runId, NOW.plus(Duration.ofHours(24)).plusSeconds(31 + random.nextInt(100_000))));
            pool.add(unknownKey.mint(runId, NOW.plusSeconds(ahead)));
            pool.add(wrongSecret.mint(runId, NOW.plusSeconds(ahead)));
        }
    }

    private String next(int i) {
        int kind = random.nextInt(100);
        if (kind < 4) {
            return pool.get(random.nextInt(pool.size()));
        }
        if (kind < 14) {
            return randomText(random.nextInt(300));
        }
        String s = pool.get(random.nextInt(pool.size()));
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            s = mutate(s);
        }
        return s;
    }

    private String mutate(String s) {
        int at = s.isEmpty() ? 0 : random.nextInt(s.length());
        String[] fields = s.split("\\.", -1);
        switch (random.nextInt(14)) {
            case 0: // flip one character to another of the token alphabet
                return s.isEmpty() ? s : s.substring(0, at) + BASE64URL.charAt(random.nextInt(64)) + s.substring(at + 1);
            case 1: // flip one bit of one character
                return s.isEmpty() ? s : s.substring(0, at) + (char) (s.charAt(at) ^ (1 << random.nextInt(16)))
                        + s.substring(at + 1);
            case 2: // insert an odd piece
                return s.substring(0, at) + ODD[random.nextInt(ODD.length)] + s.substring(at);
            case 3: // delete a character
                return s.isEmpty() ? s : s.substring(0, at) + s.substring(at + 1);
            case 4: // truncate
                return s.substring(0, at);
            case 5: { // duplicate a field
                int f = random.nextInt(fields.length);
                List<String> out = new ArrayList<>(List.of(fields));
                out.add(f, fields[f]);
                return String.join(".", out);
            }
            case 6: { // swap two fields
                int a = random.nextInt(fields.length);
                int b = random.nextInt(fields.length);
                String t = fields[a];
                fields[a] = fields[b];
                fields[b] = t;
                return String.join(".", fields);
            }
            case 7: // change case of one character or of all
                return random.nextBoolean() ? s.toUpperCase(java.util.Locale.ROOT)
                        : s.isEmpty() ? s : s.substring(0, at) + swapCase(s.charAt(at)) + s.substring(at + 1);
            case 8: // whitespace around or inside
                return random.nextBoolean() ? " " + s + "\r\n" : s.replace(".", random.nextBoolean() ? ". " : " .");
            case 9: { // replace a field with a huge value
                int f = random.nextInt(fields.length);
                fields[f] = random.nextBoolean() ? "9".repeat(10 + random.nextInt(400))
                        : "a".repeat(30 + random.nextInt(2000));
                return String.join(".", fields);
            }
            case 10: { // splice a field from another token
                String[] other = pool.get(random.nextInt(pool.size())).split("\\.", -1);
                int f = random.nextInt(Math.min(fields.length, other.length));
                fields[f] = other[f];
                return String.join(".", fields);
            }
            case 11: { // unicode look-alikes: digits, letters, NUL
                char c = s.isEmpty() ? 'x' : s.charAt(at);
                String look = Character.isDigit(c) ? String.valueOf((char) ('\u0660' + (c - '0')))
                        : String.valueOf((char) (c + 0xFEE0));
                return s.substring(0, at) + look + (s.isEmpty() ? "" : s.substring(at + 1));
            }
            case 12: { // drop or empty a field
                int f = random.nextInt(fields.length);
                List<String> out = new ArrayList<>(List.of(fields));
                if (random.nextBoolean()) {
                    out.remove(f);
                } else {
                    out.set(f, "");
                }
                return String.join(".", out);
            }
            default: { // shift the expiry by a little
                if (fields.length != 5 || !fields[2].matches("[1-9][0-9]{0,11}")) {
                    return s + ".";
                }
                fields[2] = Long.toString(Long.parseLong(fields[2]) + random.nextInt(3) - 1);
                return String.join(".", fields);
            }
        }
    }

    private String randomRunId() {
        String first = "abcdefghijklmnopqrstuvwxyz0123456789";
        String rest = first + "-_";
        StringBuilder b = new StringBuilder().append(first.charAt(random.nextInt(first.length())));
        int n = random.nextInt(TestRun.MAX_RUN_ID_LENGTH);
        for (int i = 0; i < n; i++) {
            b.append(rest.charAt(random.nextInt(rest.length())));
        }
        return b.toString();
    }

    private String randomText(int length) {
        StringBuilder b = new StringBuilder(length);
        boolean tokenLike = random.nextBoolean();
        for (int i = 0; i < length; i++) {
            if (tokenLike) {
                b.append(random.nextInt(8) == 0 ? "." : String.valueOf(BASE64URL.charAt(random.nextInt(64))));
            } else {
                b.append((char) random.nextInt(random.nextBoolean() ? 128 : 0x10000));
            }
        }
        return tokenLike && random.nextBoolean() ? "v1." + b : b.toString();
    }

    private static char swapCase(char c) {
        return Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
    }

    private static String escape(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return b.append('"').toString();
    }
}
