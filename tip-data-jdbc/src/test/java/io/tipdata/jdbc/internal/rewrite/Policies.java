package io.tipdata.jdbc.internal.rewrite;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.RefusedStatementException;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TablePolicy;
import java.util.List;
import java.util.Map;

/** The table policies the rewrite tests share. */
final class Policies {

    static final String RUN = "run-42";

    static final TablePolicies SHOP = TablePolicies.builder()
            .table(TablePolicy.ISOLATED, "orders", "items", "customers")
            .table(TablePolicy.REFERENCE, "countries", "products")
            .table(TablePolicy.DENIED, "audit_log")
            .build();

    /** The production columns of the ISOLATED tables, as a database would report them. */
    static final TableColumns SHOP_COLUMNS = TableColumns.of(Map.of(
            "orders", List.of("id", "customer", "total"),
            "items", List.of("oid", "sku", "qty"),
            "customers", List.of("id", "name")));

    private Policies() {
    }

    static SqlRewriter rewriter(Dialect dialect) {
        return SqlRewriter.create(SHOP, SHOP_COLUMNS, "tip_shadow", dialect, 256);
    }

    static String rewrite(Dialect dialect, String sql) throws RefusedStatementException {
        return rewriter(dialect).rewrite(sql).sqlFor(RUN);
    }
}
