package io.tipdata.core;

import static io.tipdata.core.TokenFixtures.NOW;
import static io.tipdata.core.TokenFixtures.RUN;
import static io.tipdata.core.TokenFixtures.inOneHour;
import static io.tipdata.core.TokenFixtures.ring;
import static io.tipdata.core.TokenFixtures.secret;
import static io.tipdata.core.TokenFixtures.verifierAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenVerifierTest {

    private final KeyRing ring = ring("k1", 1);
    private final TokenMinter minter = TokenMinter.of(ring);
    private final TokenVerifier verifier = verifierAt(ring, NOW);
    private final String token = minter.mint(RUN, inOneHour());

    @Test
    void acceptsMintedTokenWithItsFields() throws Exception {
        TokenVerification v = verifier.verify(token);

        assertThat(v.isAccepted()).isTrue();
        assertThat(v.reason()).isNull();
        assertThat(v.runId()).isEqualTo(RUN);
        assertThat(v.expires()).isEqualTo(inOneHour());
        assertThat(v.keyId()).isEqualTo("k1");
        String payload = "v1." + RUN + "." + inOneHour().getEpochSecond() + ".k1";
        assertThat(token).isEqualTo(payload + "." + TokenFixtures.independentSignature(secret(1), payload));
    }

    @Test
    void everyRejectReasonIsReachable() {
        String sig = signatureOf(token);
        long exp = inOneHour().getEpochSecond();
        TokenVerifier strict = TokenVerifier.builder(ring).clock(TokenFixtures.CLOCK)
                .maxLifetime(Duration.ofHours(1)).clockSkew(Duration.ZERO).build();

        assertRejected(verifier, "v1." + RUN + "." + exp + ".k1", RejectReason.MALFORMED);
        assertRejected(verifier, token + "x".repeat(TokenVerifier.DEFAULT_MAX_LENGTH), RejectReason.OVERSIZED);
        assertRejected(verifier, "v2." + RUN + "." + exp + ".k1." + sig, RejectReason.UNSUPPORTED_VERSION);
        assertRejected(verifier, "v1.Checkout." + exp + ".k1." + sig, RejectReason.INVALID_RUN_ID);
        assertRejected(verifier, "v1." + RUN + "." + exp + ".k9." + sig, RejectReason.UNKNOWN_KEY);
        assertRejected(verifier, "v1." + RUN + "." + (exp + 1) + ".k1." + sig, RejectReason.BAD_SIGNATURE);
        assertRejected(verifierAt(ring, inOneHour().plusSeconds(30)), token, RejectReason.EXPIRED);
        assertRejected(strict, minter.mint(RUN, NOW.plus(Duration.ofHours(1)).plusSeconds(1)),
                RejectReason.LIFETIME_TOO_LONG);
    }

    @Test
    void reasonCodesAreStableAndDistinct() {
        assertThat(RejectReason.values()).extracting(RejectReason::code).containsExactly(
                "malformed", "oversized", "unsupported-version", "invalid-run-id", "unknown-key",
                "bad-signature", "expired", "lifetime-too-long");
    }

    @Test
    void nullEmptyAndDotsAreMalformed() {
        assertRejected(verifier, null, RejectReason.MALFORMED);
        assertRejected(verifier, "", RejectReason.MALFORMED);
        assertRejected(verifier, "....", RejectReason.MALFORMED);
        assertRejected(verifier, ".....", RejectReason.MALFORMED);
        assertRejected(verifier, token + ".", RejectReason.MALFORMED);
        assertRejected(verifier, token + "." + signatureOf(token), RejectReason.MALFORMED);
    }

    @Test
    void longestWellFormedTokenFitsTheSmallestMaxLength() {
        KeyRing longId = ring("k".repeat(KeyRing.MAX_KEY_ID_LENGTH), 1);
        String longest = TokenMinter.of(longId).mint("r".repeat(TestRun.MAX_RUN_ID_LENGTH), Instant.ofEpochSecond(
                999_999_999_999L));
        TokenVerifier v = TokenVerifier.builder(longId).maxLength(longest.length())
                .maxLifetime(TokenVerifier.MAX_LIFETIME_LIMIT)
                .clock(Clock.fixed(Instant.ofEpochSecond(999_999_999_999L - 60), ZoneOffset.UTC)).build();

        assertThat(longest).hasSize(133);
        assertThat(v.verify(longest).isAccepted()).isTrue();
        assertRejected(v, longest + "A", RejectReason.OVERSIZED);
        assertRejected(v, "A".repeat(longest.length() + 1), RejectReason.OVERSIZED);
        assertRejected(v, "A".repeat(longest.length()), RejectReason.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v2", "v0", "v10", "v01"})
    void otherVersionsAreUnsupported(String version) {
        assertRejected(verifier, version + token.substring(2), RejectReason.UNSUPPORTED_VERSION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"V1", "v", "1", "", " v1", "v1 ", "vv1", "v1a", "v\u0661", "x1"})
    void garbledVersionsAreMalformed(String version) {
        assertRejected(verifier, version + token.substring(2), RejectReason.MALFORMED);
    }

    @Test
    void tamperedRunIdIsRejected() {
        assertRejected(verifier, replaceField(token, 1, "checkout-load-2"), RejectReason.BAD_SIGNATURE);
        assertRejected(verifier, replaceField(token, 1, "Checkout-load-1"), RejectReason.INVALID_RUN_ID);
        assertRejected(verifier, replaceField(token, 1, ""), RejectReason.INVALID_RUN_ID);
        assertRejected(verifier, replaceField(token, 1, "-checkout"), RejectReason.INVALID_RUN_ID);
        assertRejected(verifier, replaceField(token, 1, "a".repeat(41)), RejectReason.INVALID_RUN_ID);
        assertRejected(verifier, replaceField(token, 1, "checkout load"), RejectReason.INVALID_RUN_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "01795000000", "+1795000000", "-1795000000", " 1795000000", "1795000000 ",
        "1795000000.5", "1e9", "0x6AFE", "\u0661\u0667\u0669\u0665\u0660\u0660\u0660\u0660\u0660\u0660",
        "１７９５０００００", "9999999999999", "99999999999999999999999"})
    void expiryMustBePlainDecimal(String expiry) {
        TokenVerification v = verifier.verify(replaceField(token, 2, expiry));
        assertThat(v.isAccepted()).isFalse();
        assertThat(v.reason()).isEqualTo(RejectReason.MALFORMED);
    }

    @Test
    void tamperedExpiryIsBadSignature() {
        long exp = inOneHour().getEpochSecond();
        assertRejected(verifier, replaceField(token, 2, Long.toString(exp + 1)), RejectReason.BAD_SIGNATURE);
        assertRejected(verifier, replaceField(token, 2, Long.toString(exp - 1)), RejectReason.BAD_SIGNATURE);
    }

    @Test
    void tamperedKeyIdIsRejected() {
        KeyRing two = KeyRing.builder().signingKey("k1", secret(1)).verificationKey("k2", secret(2)).build();
        TokenVerifier v = verifierAt(two, NOW);

        assertRejected(v, replaceField(token, 3, "k2"), RejectReason.BAD_SIGNATURE);
        assertRejected(v, replaceField(token, 3, "k3"), RejectReason.UNKNOWN_KEY);
        assertRejected(v, replaceField(token, 3, "K1"), RejectReason.UNKNOWN_KEY);
        assertRejected(v, replaceField(token, 3, ""), RejectReason.MALFORMED);
        assertRejected(v, replaceField(token, 3, "k 1"), RejectReason.MALFORMED);
        assertRejected(v, replaceField(token, 3, "k".repeat(33)), RejectReason.MALFORMED);
    }

    @Test
    void everySignatureCharacterMatters() {
        String sig = signatureOf(token);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < sig.length(); i++) {
            for (char c : alphabet.toCharArray()) {
                if (c != sig.charAt(i)) {
                    String forged = sig.substring(0, i) + c + sig.substring(i + 1);
                    assertRejected(verifier, replaceField(token, 4, forged), RejectReason.BAD_SIGNATURE);
                }
            }
        }
    }

    @Test
    void signatureMustBeCanonicalUnpaddedBase64Url() {
        String sig = signatureOf(token);
        assertRejected(verifier, replaceField(token, 4, sig + "="), RejectReason.MALFORMED);
        assertRejected(verifier, replaceField(token, 4, sig.substring(1)), RejectReason.MALFORMED);
        assertRejected(verifier, replaceField(token, 4, "+" + sig.substring(1)), RejectReason.MALFORMED);
        assertRejected(verifier, replaceField(token, 4, "/" + sig.substring(1)), RejectReason.MALFORMED);
        assertRejected(verifier, replaceField(token, 4, ""), RejectReason.MALFORMED);
        // the last of 43 characters carries 4 bits; the 2 spare bits must be zero, as the encoder writes them
        char last = sig.charAt(42);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char sameBits = alphabet.charAt(alphabet.indexOf(last) | 1);
        assertThat(sameBits).isNotEqualTo(last);
        assertRejected(verifier, replaceField(token, 4, sig.substring(0, 42) + sameBits), RejectReason.BAD_SIGNATURE);
    }

    @Test
    void everySingleCharacterChangeIsRejected() {
        Set<RejectReason> seen = EnumSet.noneOf(RejectReason.class);
        char[] replacements = " .-_09AZaz+/=~\u00e9\u0661\u200b\u0000".toCharArray();
        for (int i = 0; i < token.length(); i++) {
            for (char c : replacements) {
                if (c == token.charAt(i)) {
                    continue;
                }
                String changed = token.substring(0, i) + c + token.substring(i + 1);
                TokenVerification v = verifier.verify(changed);
                assertThat(v.isAccepted()).as("position %d changed to U+%04X", i, (int) c).isFalse();
                seen.add(v.reason());
            }
            String flipped = token.substring(0, i) + (char) (token.charAt(i) ^ 1) + token.substring(i + 1);
            assertThat(verifier.verify(flipped).isAccepted()).as("bit flip at %d", i).isFalse();
        }
        assertThat(seen).contains(RejectReason.MALFORMED, RejectReason.INVALID_RUN_ID, RejectReason.BAD_SIGNATURE,
                RejectReason.UNKNOWN_KEY);
    }

    @Test
    void expiryHonoursClockSkew() {
        Instant exp = inOneHour();
        TokenVerifier skew30 = TokenVerifier.builder(ring).clockSkew(Duration.ofSeconds(30))
                .clock(Clock.fixed(exp.plusSeconds(29), ZoneOffset.UTC)).build();
        assertThat(skew30.verify(token).isAccepted()).isTrue();

        TokenVerifier atEdge = TokenVerifier.builder(ring).clockSkew(Duration.ofSeconds(30))
                .clock(Clock.fixed(exp.plusSeconds(30), ZoneOffset.UTC)).build();
        assertRejected(atEdge, token, RejectReason.EXPIRED);

        TokenVerifier noSkewBefore = TokenVerifier.builder(ring).clockSkew(Duration.ZERO)
                .clock(Clock.fixed(exp.minusSeconds(1), ZoneOffset.UTC)).build();
        assertThat(noSkewBefore.verify(token).isAccepted()).isTrue();

        TokenVerifier noSkewAt = TokenVerifier.builder(ring).clockSkew(Duration.ZERO)
                .clock(Clock.fixed(exp, ZoneOffset.UTC)).build();
        assertRejected(noSkewAt, token, RejectReason.EXPIRED);
    }

    @Test
    void lifetimeExactlyAtTheMaximumIsAcceptedAndBeyondIsNot() {
        TokenVerifier noSkew = TokenVerifier.builder(ring).clock(TokenFixtures.CLOCK)
                .maxLifetime(Duration.ofHours(2)).clockSkew(Duration.ZERO).build();
        assertThat(noSkew.verify(minter.mint(RUN, NOW.plus(Duration.ofHours(2)))).isAccepted()).isTrue();
        assertRejected(noSkew, minter.mint(RUN, NOW.plus(Duration.ofHours(2)).plusSeconds(1)),
                RejectReason.LIFETIME_TOO_LONG);

        TokenVerifier skew = TokenVerifier.builder(ring).clock(TokenFixtures.CLOCK)
                .maxLifetime(Duration.ofHours(2)).clockSkew(Duration.ofSeconds(30)).build();
        assertThat(skew.verify(minter.mint(RUN, NOW.plus(Duration.ofHours(2)).plusSeconds(30))).isAccepted())
                .isTrue();
        assertRejected(skew, minter.mint(RUN, NOW.plus(Duration.ofHours(2)).plusSeconds(31)),
                RejectReason.LIFETIME_TOO_LONG);
    }

    @Test
    void defaultLifetimeIs24HoursAndFarFutureTokensAreRejected() {
        assertThat(verifier.maxLifetime()).isEqualTo(Duration.ofHours(24));
        assertThat(verifier.clockSkew()).isEqualTo(Duration.ofSeconds(30));
        assertThat(verifier.maxLength()).isEqualTo(256);
        assertRejected(verifier, minter.mint(RUN, NOW.plus(Duration.ofDays(2))), RejectReason.LIFETIME_TOO_LONG);
        assertRejected(verifier, minter.mint(RUN, Instant.ofEpochSecond(999_999_999_999L)),
                RejectReason.LIFETIME_TOO_LONG);
    }

    @Test
    void rotationKeepsOldTokensValidWhileTheOldKeyVerifies() {
        KeyRing before = ring("old", 1);
        String oldToken = TokenMinter.of(before).mint(RUN, inOneHour());

        KeyRing during = KeyRing.builder().signingKey("new", secret(2)).verificationKey("old", secret(1)).build();
        TokenMinter newMinter = TokenMinter.of(during);
        String newToken = newMinter.mint(RUN, inOneHour());
        assertThat(newToken.split("\\.")[3]).isEqualTo("new");
        assertThat(newMinter.keyId()).isEqualTo("new");
        assertThat(verifierAt(during, NOW).verify(oldToken).keyId()).isEqualTo("old");
        assertThat(verifierAt(during, NOW).verify(newToken).keyId()).isEqualTo("new");
        assertRejected(verifierAt(before, NOW), newToken, RejectReason.UNKNOWN_KEY);

        KeyRing after = ring("new", 2);
        assertRejected(verifierAt(after, NOW), oldToken, RejectReason.UNKNOWN_KEY);
        assertThat(verifierAt(after, NOW).verify(newToken).isAccepted()).isTrue();
    }

    @Test
    void sameKeyIdWithAnotherSecretIsBadSignature() {
        String forged = TokenMinter.of(ring("k1", 99)).mint(RUN, inOneHour());
        assertRejected(verifier, forged, RejectReason.BAD_SIGNATURE);
    }

    @Test
    void verificationOnlyRingVerifiesButCannotMint() {
        KeyRing verifyOnly = KeyRing.builder().verificationKey("k1", secret(1)).build();
        assertThat(verifierAt(verifyOnly, NOW).verify(token).isAccepted()).isTrue();
        assertThat(verifyOnly.signingKeyId()).isNull();
    }

    @Test
    void verificationToStringShowsNoSignature() {
        String sig = signatureOf(token);
        assertThat(verifier.verify(token).toString()).contains(RUN).doesNotContain(sig);
        assertThat(verifier.verify(replaceField(token, 2, "1")).toString()).isEqualTo("rejected[bad-signature]");
        assertThat(verifier.toString()).doesNotContain(sig);
    }

    @Test
    void concurrentVerificationsAgree() throws Exception {
        KeyRing two = KeyRing.builder().signingKey("k1", secret(1)).verificationKey("k2", secret(2)).build();
        TokenVerifier v = verifierAt(two, NOW);
        TokenMinter m1 = TokenMinter.of(two);
        TokenMinter m2 = TokenMinter.of(KeyRing.builder().signingKey("k2", secret(2)).build());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < 2_000; i++) {
                        String run = "run-" + thread + "-" + i;
                        String good = (i % 2 == 0 ? m1 : m2).mint(run, inOneHour());
                        if (v.verify(good).runId().equals(run) && !v.verify(replaceField(good, 1, run + "x"))
                                .isAccepted()) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            for (Future<Integer> r : results) {
                assertThat(r.get()).isEqualTo(2_000);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static String signatureOf(String token) {
        return token.substring(token.lastIndexOf('.') + 1);
    }

    static String replaceField(String token, int index, String value) {
        String[] parts = token.split("\\.", -1);
        parts[index] = value;
        return String.join(".", parts);
    }

    static void assertRejected(TokenVerifier verifier, String value, RejectReason reason) {
        TokenVerification v = verifier.verify(value);
        assertThat(v.isAccepted()).as("accepted: %s", value).isFalse();
        assertThat(v.reason()).as("reason for %s", value).isEqualTo(reason);
        assertThat(v.runId()).isNull();
        assertThat(v.expires()).isNull();
        assertThat(v.keyId()).isNull();
    }
}
