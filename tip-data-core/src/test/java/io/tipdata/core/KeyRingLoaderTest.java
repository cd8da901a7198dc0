package io.tipdata.core;

import static io.tipdata.core.TokenFixtures.NOW;
import static io.tipdata.core.TokenFixtures.secret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRingLoaderTest {

    private static final String K1 = Base64.getEncoder().encodeToString(secret(1));
    private static final String K2 = Base64.getUrlEncoder().withoutPadding().encodeToString(secret(2));

    @TempDir
    Path dir;

    @Test
    void firstKeySignsAndEveryKeyVerifies() {
        KeyRing ring = env("k2=" + K2 + "\nk1=" + K1).load();

        assertThat(ring.signingKeyId()).isEqualTo("k2");
        assertThat(ring.keyIds()).containsExactlyInAnyOrder("k1", "k2");
        String oldToken = TokenMinter.of(KeyRing.builder().signingKey("k1", secret(1)).build())
                .mint("r1", TokenFixtures.inOneHour());
        assertThat(TokenFixtures.verifierAt(ring, NOW).verify(oldToken).isAccepted()).isTrue();
        assertThat(TokenMinter.of(ring).mint("r1", TokenFixtures.inOneHour())).isEqualTo(
                TokenMinter.of(KeyRing.builder().signingKey("k2", secret(2)).build()).mint("r1", TokenFixtures.inOneHour()));
    }

    @Test
    void signingKeyIdPicksAnotherKey() {
        KeyRing ring = env("k2=" + K2 + "\nk1=" + K1).signingKeyId("k1").load();
        assertThat(ring.signingKeyId()).isEqualTo("k1");
        assertThat(ring.keyIds()).containsExactlyInAnyOrder("k1", "k2");
    }

    @Test
    void commentsBlankLinesCommasSpacesAndCrlfAreTolerated() {
        KeyRing ring = env("# keys for staging\r\n\r\n  k2 = " + K2 + " , k1=" + K1 + "\r\n# end\r\n").load();
        assertThat(ring.signingKeyId()).isEqualTo("k2");
        assertThat(ring.keyIds()).containsExactlyInAnyOrder("k1", "k2");
    }

    @Test
    void bareKeyNeedsItsIdFromTheCaller() {
        KeyRing ring = env(K1 + "\n").signingKeyId("k1").load();
        assertThat(ring.signingKeyId()).isEqualTo("k1");
        assertThat(ring.keyIds()).containsExactly("k1");

        assertThatThrownBy(() -> env(K1).load()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 1 of environment variable TIP_KEYS holds a key without an id; write each key as"
                        + " <keyId>=<base64 key>, or give the key id of a single bare key")
                .hasMessageNotContaining(K1);
        assertThatThrownBy(() -> env(K1 + "\nk2=" + K2).signingKeyId("k1").load())
                .hasMessageStartingWith("line 1 of environment variable TIP_KEYS holds a key without an id");
    }

    @Test
    void unsetEmptyAndCommentOnlyVariablesAreNamed() {
        assertThatThrownBy(() -> KeyRingLoader.fromEnvironment("TIP_KEYS", Map.of()).load())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("environment variable TIP_KEYS is not set; set it to one or more lines of"
                        + " <keyId>=<base64 key>");
        assertThatThrownBy(() -> env("").load())
                .hasMessageStartingWith("environment variable TIP_KEYS holds no key; give one or more lines");
        assertThatThrownBy(() -> env("# nothing yet\n\n").load())
                .hasMessageStartingWith("environment variable TIP_KEYS holds no key");
        assertThatThrownBy(() -> KeyRingLoader.fromEnvironment(" ", Map.of()))
                .hasMessageStartingWith("environment variable name is empty");
    }

    @Test
    void unknownSigningKeyIdListsTheIdsPresent() {
        assertThatThrownBy(() -> env("k2=" + K2 + "\nk1=" + K1).signingKeyId("k3").load())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("environment variable TIP_KEYS has no key with id 'k3'; it holds [k2, k1];"
                        + " choose one of them or add the key");
    }

    @Test
    void invalidSigningKeyIdIsRefusedWithoutEchoingLongValues() {
        assertThatThrownBy(() -> env("k1=" + K1).signingKeyId(K2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid signing key id of 43 characters (not shown): use 1 to 32 characters of"
                        + " [A-Za-z0-9_-]");
        assertThatThrownBy(() -> env("k1=" + K1).signingKeyId("k 1"))
                .hasMessageStartingWith("invalid signing key id 'k 1'");
    }

    @Test
    void badEntriesAreNamedByLineWithoutKeyMaterial() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> env("k2=" + K2 + "\nk1=" + shortKey).load())
                .hasMessage("line 2 of environment variable TIP_KEYS: key 'k1' has 16 bytes; use at least 32 random"
                        + " bytes (e.g. openssl rand -base64 32)")
                .hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> env("k1=" + K1 + "\nk1=" + K2).load())
                .hasMessage("line 2 of environment variable TIP_KEYS: key id 'k1' is added twice;"
                        + " give each key its own id");
        assertThatThrownBy(() -> env("k1=" + K1 + "!!").load())
                .hasMessage("line 1 of environment variable TIP_KEYS: the key is not valid base64; write"
                        + " <keyId>=<base64 key> with at least 32 random bytes (e.g. openssl rand -base64 32)")
                .hasMessageNotContaining(K1);
        assertThatThrownBy(() -> env("k1=").load())
                .hasMessageStartingWith("line 1 of environment variable TIP_KEYS: the key is empty;");
        assertThatThrownBy(() -> env("my key=" + K1).load())
                .hasMessageStartingWith("line 1 of environment variable TIP_KEYS: the text before '=' is not a key id")
                .hasMessageNotContaining(K1).hasMessageNotContaining("my key");
        assertThatThrownBy(() -> env("k1=" + K1 + ", k2=" + shortKey).load())
                .hasMessageStartingWith("line 1, entry 2 of environment variable TIP_KEYS: key 'k2' has 16 bytes");
    }

    @Test
    void shortBareKeysAreNeverEchoed() {
        for (int n = 1; n < 32; n++) {
            byte[] key = new byte[n];
            for (int i = 0; i < n; i++) {
                key[i] = (byte) (i * 37 + 11);
            }
            for (String text : new String[] {Base64.getEncoder().encodeToString(key),
                Base64.getUrlEncoder().withoutPadding().encodeToString(key)}) {
                for (String signingKeyId : new String[] {null, "k1"}) {
                    assertThatThrownBy(() -> env(text).signingKeyId(signingKeyId).load())
                            .as("%d-byte key %s", key.length, text)
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessageNotContaining(text.substring(0, Math.min(4, text.length())));
                }
            }
        }
    }

    @Test
    void readsFiles() throws IOException {
        Path file = dir.resolve("keys");
        Files.writeString(file, "k1=" + K1 + "\n", StandardCharsets.UTF_8);
        assertThat(KeyRingLoader.fromFile(file).load().signingKeyId()).isEqualTo("k1");

        Path bare = dir.resolve("bare.key");
        Files.writeString(bare, K2 + "\n", StandardCharsets.UTF_8);
        assertThat(KeyRingLoader.fromFile(bare).signingKeyId("k2").load().keyIds()).containsExactly("k2");
    }

    @Test
    void fileErrorsNameTheFileAndWhatToDo() throws IOException {
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> KeyRingLoader.fromFile(missing).load()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("key file " + missing + " does not exist; create it");

        assertThatThrownBy(() -> KeyRingLoader.fromFile(dir).load())
                .hasMessageStartingWith("cannot read key file " + dir);

        Path big = dir.resolve("big");
        Files.write(big, new byte[(int) KeyRingLoader.MAX_FILE_BYTES + 1]);
        assertThatThrownBy(() -> KeyRingLoader.fromFile(big).load())
                .hasMessageStartingWith("key file " + big + " is larger than 65536 bytes");

        Path latin1 = dir.resolve("latin1");
        Files.write(latin1, new byte[] {'k', '1', '=', (byte) 0xff, (byte) 0xfe});
        assertThatThrownBy(() -> KeyRingLoader.fromFile(latin1).load())
                .hasMessageStartingWith("cannot read key file " + latin1 + " (MalformedInputException)");

        Path broken = dir.resolve("broken");
        Files.writeString(broken, "k1=" + K1 + "\n\nk2=abc\n");
        assertThatThrownBy(() -> KeyRingLoader.fromFile(broken).load())
                .hasMessage("line 3 of key file " + broken + ": key 'k2' has 2 bytes; use at least 32 random bytes"
                        + " (e.g. openssl rand -base64 32)");
    }

    @Test
    void toStringNamesTheSourceOnly() {
        assertThat(env("k1=" + K1).toString()).isEqualTo("KeyRingLoader[environment variable TIP_KEYS]");
    }

    private static KeyRingLoader env(String value) {
        return KeyRingLoader.fromEnvironment("TIP_KEYS", Map.of("TIP_KEYS", value));
    }
}
