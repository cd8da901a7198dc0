package io.tipdata.jdbc.internal.rewrite;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.RefusedStatementException;
import io.tipdata.jdbc.TablePolicies;

/** PLACEHOLDER until the rewrite branch is merged; refuses everything. */
public final class SqlRewriter {
    private SqlRewriter() {
    }

    public static SqlRewriter create(TablePolicies policies, String shadowSchema, Dialect dialect, int cacheSize) {
        return new SqlRewriter();
    }

    public RewrittenSql rewrite(String sql) throws RefusedStatementException {
        throw new RefusedStatementException("placeholder", RefusedStatementException.REFUSED);
    }
}
