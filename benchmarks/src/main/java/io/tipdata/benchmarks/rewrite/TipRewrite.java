package io.tipdata.benchmarks.rewrite;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.RefusedStatementException;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.internal.rewrite.SqlRewriter;
import io.tipdata.jdbc.internal.rewrite.TableColumns;

/** tip-data's rewriter as TipDataSource uses it: shadow schema {@code tip_shadow}, PostgreSQL dialect. */
final class TipRewrite {

    private static final String SHADOW_SCHEMA = "tip_shadow";
    private static final Dialect DIALECT = Dialect.POSTGRESQL;

    private final TablePolicies policies;
    private final SqlRewriter cached;

    TipRewrite(TablePolicies policies) {
        this.policies = policies;
        this.cached = SqlRewriter.create(policies, TableColumns.none(), SHADOW_SCHEMA, DIALECT, 64);
    }

    /** Rewrites with a new rewriter, so the statement is parsed, rewritten and verified from scratch. */
    String cold(String sql) {
        return rewrite(SqlRewriter.create(policies, TableColumns.none(), SHADOW_SCHEMA, DIALECT, 64), sql);
    }

    /** Rewrites with a long-lived rewriter, which has the statement cached after the first call. */
    String warm(String sql) {
        return rewrite(cached, sql);
    }

    private static String rewrite(SqlRewriter rewriter, String sql) {
        try {
            return rewriter.rewrite(sql).sqlFor(RewriteCorpus.RUN_ID);
        } catch (RefusedStatementException e) {
            throw new IllegalStateException("tip-data refused a corpus statement: " + e.getMessage(), e);
        }
    }
}
