package io.tipdata.core;

import static io.tipdata.core.TokenFixtures.secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyRingTest {

    @Test
    void holdsOneSigningKeyAndOlderVerificationKeys() {
        KeyRing ring = KeyRing.builder().verificationKey("old", secret(1)).signingKey("new", secret(2)).build();

        assertThat(ring.signingKeyId()).isEqualTo("new");
        assertThat(ring.keyIds()).containsExactly("old", "new");
        assertThat(ring.knows("old")).isTrue();
        assertThat(ring.knows("other")).isFalse();
        assertThat(ring.knows(null)).isFalse();
        assertThatThrownBy(() -> ring.keyIds().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toStringNamesKeyIdsButNoKeyMaterial() {
        byte[] s = secret(7);
        KeyRing ring = KeyRing.builder().signingKey("k1", s).verificationKeyBase64("k0",
                Base64.getEncoder().encodeToString(secret(8))).build();

        String text = ring.toString();
        assertThat(text).isEqualTo("KeyRing[signing=k1, verifying=[k1, k0]]");
        assertThat(text).doesNotContain(Base64.getEncoder().encodeToString(s), Base64.getUrlEncoder().encodeToString(s),
                new String(s, java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(ring.key("k1").toString()).isEqualTo("HmacKey[HmacSHA256]");
    }

    @Test
    void secretIsCopiedSoLaterChangesToTheArrayDoNotMatter() {
        byte[] s = secret(1);
        KeyRing ring = KeyRing.builder().signingKey("k1", s).build();
        String before = TokenMinter.of(ring).mint("r1", TokenFixtures.inOneHour());
        s[0] ^= 1;
        assertThat(TokenMinter.of(ring).mint("r1", TokenFixtures.inOneHour())).isEqualTo(before);
    }

    @Test
    void emptyRingIsRefused() {
        assertThatThrownBy(() -> KeyRing.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("the key ring has no key: add a signingKey(...) or verificationKey(...)");
    }

    @Test
    void shortKeyIsRefusedWithItsLength() {
        assertThatThrownBy(() -> KeyRing.builder().signingKey("k1", new byte[31]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key 'k1' has 31 bytes; use at least 32 random bytes (e.g. openssl rand -base64 32)");
        assertThat(KeyRing.builder().signingKey("k1", new byte[32]).build().signingKeyId()).isEqualTo("k1");
    }

    @Test
    void nullKeyIsRefused() {
        assertThatThrownBy(() -> KeyRing.builder().signingKey("k1", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key 'k1' is null");
        assertThatThrownBy(() -> KeyRing.builder().signingKeyBase64("k1", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key 'k1' is null");
    }

    @Test
    void secondSigningKeyIsRefused() {
        KeyRing.Builder b = KeyRing.builder().signingKey("k1", secret(1));
        assertThatThrownBy(() -> b.signingKey("k2", secret(2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a signing key is set already (key id 'k1'); add 'k2' with verificationKey(...)"
                        + " or keep one signing key");
    }

    @Test
    void duplicateKeyIdIsRefused() {
        KeyRing.Builder b = KeyRing.builder().signingKey("k1", secret(1));
        assertThatThrownBy(() -> b.verificationKey("k1", secret(2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key id 'k1' is added twice; give each key its own id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "k 1", "k.1", "k/1", "ключ", "k\n1"})
    void invalidKeyIdIsRefusedAndNamed(String keyId) {
        assertThatThrownBy(() -> KeyRing.builder().signingKey(keyId, secret(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid key id '")
                .hasMessageEndingWith("': use 1 to 32 characters of [A-Za-z0-9_-]");
    }

    @Test
    void nullKeyIdIsRefused() {
        assertThatThrownBy(() -> KeyRing.builder().verificationKey(null, secret(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid key id null: use 1 to 32 characters of [A-Za-z0-9_-]");
    }

    @Test
    void keyPassedAsKeyIdByMistakeIsNotEchoed() {
        String base64 = Base64.getEncoder().encodeToString(secret(3));
        assertThatThrownBy(() -> KeyRing.builder().signingKeyBase64(base64, "k1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid key id of 44 characters (not shown): use 1 to 32 characters of [A-Za-z0-9_-]");
        assertThatThrownBy(() -> KeyRing.builder().signingKey("k".repeat(33), secret(3)))
                .hasMessageContaining("of 33 characters (not shown)");
    }

    @Test
    void base64KeysInBothAlphabetsWithOrWithoutPadding() {
        byte[] s = new byte[33];
        s[0] = (byte) 0xfb;
        s[1] = (byte) 0xff;
        String standard = Base64.getEncoder().encodeToString(s);
        String url = Base64.getUrlEncoder().withoutPadding().encodeToString(s);
        assertThat(standard).contains("+");
        assertThat(url).contains("-");

        String viaBytes = TokenMinter.of(KeyRing.builder().signingKey("k", s).build()).mint("r", TokenFixtures.NOW);
        String viaStandard = TokenMinter.of(KeyRing.builder().signingKeyBase64("k", " " + standard + "\n").build())
                .mint("r", TokenFixtures.NOW);
        String viaUrl = TokenMinter.of(KeyRing.builder().signingKeyBase64("k", url).build())
                .mint("r", TokenFixtures.NOW);
        assertThat(viaStandard).isEqualTo(viaBytes);
        assertThat(viaUrl).isEqualTo(viaBytes);
    }

    @Test
    void invalidBase64IsRefusedWithoutEchoingIt() {
        String bad = "this is not base64 but it is quite long!!!";
        assertThatThrownBy(() -> KeyRing.builder().verificationKeyBase64("k1", bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key 'k1' is not valid base64; give the key as base64 (e.g. openssl rand -base64 32)")
                .hasNoCause();
        assertThatThrownBy(() -> KeyRing.builder().verificationKeyBase64("k1", "AAAA+-AA"))
                .hasMessageContaining("not valid base64");
    }

    @Test
    void keyIdRule() {
        assertThat(KeyRing.isValidKeyId("k1")).isTrue();
        assertThat(KeyRing.isValidKeyId("A-z_09")).isTrue();
        assertThat(KeyRing.isValidKeyId("k".repeat(32))).isTrue();
        assertThat(KeyRing.isValidKeyId("k".repeat(33))).isFalse();
        assertThat(KeyRing.isValidKeyId(null)).isFalse();
        assertThat(KeyRing.isValidKeyId("k1\n")).isFalse();
    }
}
