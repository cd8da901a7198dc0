package io.tipdata.jdbc.internal.rewrite;

/** PLACEHOLDER until the rewrite branch is merged. */
public final class RewrittenSql {
    public String sqlFor(String runId) {
        throw new UnsupportedOperationException();
    }
}
