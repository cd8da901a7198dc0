package io.tipdata.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** The wire format of run tokens and their HMAC-SHA256 signature. */
final class TokenSignature {

    static final String VERSION = "v1";
    /** Length of an unpadded base64url HMAC-SHA256. */
    static final int SIGNATURE_CHARS = 43;
    /** Largest expiry the format carries: 12 decimal digits (year 33658). */
    static final long MAX_EXPIRY = 999_999_999_999L;
    /** Length of the longest well-formed token: longest run id, expiry and key id. */
    static final int MAX_TOKEN_CHARS = VERSION.length() + 1 + TestRun.MAX_RUN_ID_LENGTH + 1 + 12 + 1
            + KeyRing.MAX_KEY_ID_LENGTH + 1 + SIGNATURE_CHARS;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private TokenSignature() {
    }

    /** The signed part: {@code v1.<runId>.<expiry>.<keyId>}. */
    static String payload(String runId, long expiryEpochSecond, String keyId) {
        return VERSION + '.' + runId + '.' + expiryEpochSecond + '.' + keyId;
    }

    /** The base64url signature of the payload under the key. */
    static String sign(HmacKey key, String payload) {
        return ENCODER.encodeToString(key.mac(payload.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * Compares the expected signature with the presented one in time independent of where they differ.
     * Both are compared in their base64url form, so only the one canonical encoding matches.
     */
    static boolean matches(HmacKey key, String payload, String presentedSignature) {
        byte[] expected = ENCODER.encode(key.mac(payload.getBytes(StandardCharsets.US_ASCII)));
        byte[] presented = presentedSignature.getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented);
    }
}
