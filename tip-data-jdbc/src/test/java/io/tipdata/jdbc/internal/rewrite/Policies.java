package io.tipdata.jdbc.internal.rewrite;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.RefusedStatementException;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TablePolicy;

/** The table policies the rewrite tests share. */
final class Policies {

    static final String RUN = "run-42";

    static final TablePolicies SHOP = TablePolicies.builder()
            .table(TablePolicy.ISOLATED, "orders", "items", "customers")
            .table(TablePolicy.REFERENCE, "countries", "products")
            .table(TablePolicy.DENIED, "audit_log")
            .build();

    private Policies() {
    }

    static SqlRewriter rewriter(Dialect dialect) {
        return SqlRewriter.create(SHOP, "tip_shadow", dialect, 256);
    }

    static String rewrite(Dialect dialect, String sql) throws RefusedStatementException {
        return rewriter(dialect).rewrite(sql).sqlFor(RUN);
    }
}
