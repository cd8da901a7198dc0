package io.tipdata.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The wire format of run tokens and their HMAC-SHA256 signature. */
final class TokenSignature {

    static final String VERSION = "v1";
    /** Length of an unpadded base64url HMAC-SHA256. */
    static final int SIGNATURE_CHARS = 43;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private TokenSignature() {
    }

    /** The signed part: {@code v1.<runId>.<expiry>.<keyId>}. */
    static String payload(String runId, long expiryEpochSecond, String keyId) {
        return VERSION + '.' + runId + '.' + expiryEpochSecond + '.' + keyId;
    }

    /** The base64url signature of the payload under the key. */
    static String sign(SecretKeySpec key, String payload) {
        return ENCODER.encodeToString(mac(key, payload));
    }

    /** Compares the expected signature with the presented one in time independent of where they differ. */
    static boolean matches(SecretKeySpec key, String payload, String presentedSignature) {
        byte[] expected = ENCODER.encode(mac(key, payload));
        byte[] presented = presentedSignature.getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented);
    }

    private static byte[] mac(SecretKeySpec key, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
