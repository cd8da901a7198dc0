package io.tipdata.core;

/** Why a run token was rejected. The {@link #code()} appears in 403 responses; it never reveals a secret. */
public enum RejectReason {
    /** The value is not of the form {@code v1.<runId>.<expiry>.<keyId>.<signature>}. */
    MALFORMED("malformed"),
    /** The value is longer than the configured maximum. */
    OVERSIZED("oversized"),
    /** The version prefix is not one this library verifies. */
    UNSUPPORTED_VERSION("unsupported-version"),
    /** The run id is not a valid run id. */
    INVALID_RUN_ID("invalid-run-id"),
    /** No key with that key id is in the key ring. */
    UNKNOWN_KEY("unknown-key"),
    /** The signature does not match the other fields under the named key. */
    BAD_SIGNATURE("bad-signature"),
    /** The token's expiry has passed (allowing for the configured clock skew). */
    EXPIRED("expired"),
    /** The token expires further in the future than the configured maximum lifetime allows. */
    LIFETIME_TOO_LONG("lifetime-too-long");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    /** The stable, lower-case reason code used in responses and metrics. */
    public String code() {
        return code;
    }
}
