package io.tipdata.core;

import java.time.Instant;

/** The outcome of verifying a run token: accepted with its fields, or rejected with a reason. */
public final class TokenVerification {

    private static final TokenVerification[] REJECTIONS = new TokenVerification[RejectReason.values().length];

    static {
        for (RejectReason r : RejectReason.values()) {
            REJECTIONS[r.ordinal()] = new TokenVerification(null, null, null, r);
        }
    }

    private final String runId;
    private final Instant expires;
    private final String keyId;
    private final RejectReason reason;

    private TokenVerification(String runId, Instant expires, String keyId, RejectReason reason) {
        this.runId = runId;
        this.expires = expires;
        this.keyId = keyId;
        this.reason = reason;
    }

    static TokenVerification accepted(String runId, Instant expires, String keyId) {
        return new TokenVerification(runId, expires, keyId, null);
    }

    static TokenVerification rejected(RejectReason reason) {
        return REJECTIONS[reason.ordinal()];
    }

    /** Tells whether the token was accepted. */
    public boolean isAccepted() {
        return reason == null;
    }

    /** The verified run id; {@code null} if rejected. */
    public String runId() {
        return runId;
    }

    /** The verified expiry; {@code null} if rejected. */
    public Instant expires() {
        return expires;
    }

    /** The id of the key that verified the token; {@code null} if rejected. */
    public String keyId() {
        return keyId;
    }

    /** Why the token was rejected; {@code null} if accepted. */
    public RejectReason reason() {
        return reason;
    }

    @Override
    public String toString() {
        return reason == null ? "accepted[" + runId + ", expires " + expires + ", key " + keyId + "]"
                : "rejected[" + reason.code() + "]";
    }
}
