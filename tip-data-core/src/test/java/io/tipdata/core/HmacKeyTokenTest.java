package io.tipdata.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HmacKeyTokenTest {

    @Test
    void clonedPrototypeAndFreshMacAgreeWithTheJdk() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] secret = new byte[32 + random.nextInt(64)];
            random.nextBytes(secret);
            StringBuilder payload = new StringBuilder();
            for (int j = random.nextInt(200); j > 0; j--) {
                payload.append((char) (0x20 + random.nextInt(0x5f)));
            }
            byte[] data = payload.toString().getBytes(StandardCharsets.US_ASCII);
            HmacKey cloning = HmacKey.of(secret);
            HmacKey fresh = HmacKey.withoutPrototype(secret);
            String expected = TokenFixtures.independentSignature(secret, payload.toString());
            assertThat(b64(cloning.mac(data))).isEqualTo(expected);
            assertThat(b64(fresh.mac(data))).isEqualTo(expected);
            // the prototype is never consumed: a second computation gives the same result
            assertThat(b64(cloning.mac(data))).isEqualTo(expected);
        }
    }

    @Test
    void toStringShowsNoKey() {
        assertThat(HmacKey.of(TokenFixtures.secret(1)).toString()).isEqualTo("HmacKey[HmacSHA256]");
    }

    private static String b64(byte[] raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
