package io.tipdata.benchmarks.rewrite;

import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TablePolicy;
import java.util.Map;

/**
 * Representative application statements for the rewrite benchmarks. {@code orders}, {@code order_lines}
 * and {@code customers} are isolated; {@code products} is a reference table (read by test traffic, never
 * filtered).
 */
final class RewriteCorpus {

    /** Statements by short name; the names are the values of the benchmark's {@code statement} parameter. */
    static final Map<String, String> STATEMENTS = Map.of(
            "point_select", "SELECT id, customer_id, status, total FROM orders WHERE id = ?",
            "join", "SELECT o.id, o.total, c.name FROM orders o JOIN customers c ON c.id = o.customer_id"
                    + " WHERE o.status = ? AND c.country = ?",
            "outer_join_ref", "SELECT l.order_id, l.qty, p.name FROM order_lines l"
                    + " LEFT JOIN products p ON p.id = l.product_id WHERE l.order_id = ?",
            "insert", "INSERT INTO orders (id, customer_id, status, total) VALUES (?, ?, ?, ?)",
            "update", "UPDATE orders SET status = ?, total = total + ? WHERE id = ?",
            "delete", "DELETE FROM order_lines WHERE order_id = ? AND qty = 0",
            "subquery", "SELECT id, name FROM customers WHERE id IN"
                    + " (SELECT customer_id FROM orders WHERE total > ? AND status = ?)",
            "cte", "WITH big AS (SELECT customer_id, SUM(total) AS spent FROM orders GROUP BY customer_id)"
                    + " SELECT c.name, b.spent FROM customers c JOIN big b ON b.customer_id = c.id WHERE b.spent > ?",
            "union", "SELECT id FROM orders WHERE status = ? UNION SELECT order_id FROM order_lines WHERE qty > ?",
            "aggregate", "SELECT customer_id, COUNT(*) AS n FROM orders WHERE status = ?"
                    + " GROUP BY customer_id ORDER BY n DESC LIMIT 10");

    /** The run id the rewritten statements are made for. */
    static final String RUN_ID = "bench-run-1";

    private RewriteCorpus() {
    }

    /** The statement with that name, or an error that lists the names. */
    static String statement(String name) {
        String sql = STATEMENTS.get(name);
        if (sql == null) {
            throw new IllegalArgumentException("unknown statement '" + name + "'; use one of " + STATEMENTS.keySet());
        }
        return sql;
    }

    /** The table policies the corpus is rewritten under. */
    static TablePolicies policies() {
        return TablePolicies.builder()
                .table(TablePolicy.ISOLATED, "orders", "order_lines", "customers")
                .table(TablePolicy.REFERENCE, "products")
                .build();
    }
}
