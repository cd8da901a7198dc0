package io.tipdata.core;

import static io.tipdata.core.TokenFixtures.NOW;
import static io.tipdata.core.TokenFixtures.ring;
import static io.tipdata.core.TokenFixtures.secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenMinterTest {

    private final TokenMinter minter = TokenMinter.of(ring("k1", 1));

    @ParameterizedTest
    @ValueSource(strings = {"", "Upper", "-lead", "_lead", "has.dot", "has space", "a/b", "ü", "a\u0000",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void refusesInvalidRunIds(String runId) {
        assertThatThrownBy(() -> minter.mint(runId, NOW)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid run id '")
                .hasMessageEndingWith("': use 1 to 40 characters of [a-z0-9_-], starting with a letter or digit");
    }

    @Test
    void refusesNullRunIdAndExpiry() {
        assertThatThrownBy(() -> minter.mint(null, NOW)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("run id is null");
        assertThatThrownBy(() -> minter.mint("r1", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expires is null; give the instant the token expires");
    }

    @Test
    void refusesExpiryOutsideTheFormat() {
        assertThatThrownBy(() -> minter.mint("r1", Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside the token format's range");
        assertThatThrownBy(() -> minter.mint("r1", Instant.ofEpochSecond(1_000_000_000_000L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most +33658-");
        assertThat(minter.mint("r1", Instant.ofEpochSecond(1))).startsWith("v1.r1.1.k1.");
        assertThat(minter.mint("r1", Instant.ofEpochSecond(999_999_999_999L))).startsWith("v1.r1.999999999999.k1.");
    }

    @Test
    void expiryIsRoundedDownToTheSecond() {
        assertThat(minter.mint("r1", NOW.plusMillis(999))).isEqualTo(minter.mint("r1", NOW));
    }

    @Test
    void refusesRingWithoutSigningKey() {
        KeyRing verifyOnly = KeyRing.builder().verificationKey("k1", secret(1)).build();
        assertThatThrownBy(() -> TokenMinter.of(verifyOnly)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the key ring KeyRing[signing=null, verifying=[k1]] has no signing key;"
                        + " add one with KeyRing.builder().signingKey(...)");
    }

    @Test
    void sameInputsGiveSameTokenAndKeysDiffer() {
        assertThat(minter.mint("r1", NOW)).isEqualTo(minter.mint("r1", NOW));
        assertThat(TokenMinter.of(ring("k1", 2)).mint("r1", NOW)).isNotEqualTo(minter.mint("r1", NOW));
        assertThat(minter.keyId()).isEqualTo("k1");
    }
}
