package io.tipdata.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * Further ways to reach production, other sessions or the file system from test context, written apart from
 * {@link HostileStatementsContract} and checked the same way: refused with TD001, nothing changed.
 */
abstract class HostileVariantsContract extends HostileStatementsContract {

    @Override
    List<String> hostile() {
        List<String> sql = new ArrayList<>(List.of(
                "TABLE orders",
                "TABLE secrets",
                "VALUES ((SELECT note FROM secrets))",
                "SELECT customer INTO orders_copy FROM orders",
                "SELECT note FROM sec/**/rets",
                "SELECT note FROM /* orders */ secrets",
                "SELECT customer FROM orders -- x\nUNION SELECT note FROM secrets",
                "WITH x AS (SELECT note FROM secrets) SELECT note FROM x",
                "WITH orders AS (SELECT note AS customer FROM secrets) SELECT customer FROM orders",
                "SELECT customer FROM orders o WHERE EXISTS (SELECT 1 FROM secrets s WHERE s.id = o.id)",
                "INSERT INTO orders (customer, amount) VALUES ((SELECT note FROM secrets WHERE id = 1), 1)",
                "UPDATE orders SET customer = (SELECT note FROM audit WHERE id = 1)",
                "DELETE FROM orders WHERE id IN (SELECT id FROM secrets)",
                "INSERT INTO countries (code, name) SELECT 'xx', customer FROM orders",
                "INSERT INTO orders (customer, amount, \"tip_run\") VALUES ('forged', 1, 'run-b')",
                "{call some_procedure()}",
                "EXPLAIN SELECT note FROM secrets",
                "SELECT table_name FROM information_schema.tables",
                "SELECT customer FROM orders UNION ALL SELECT table_name FROM information_schema.columns",
                "SELECT note FROM " + db.productionSchema() + " . audit",
                "SELECT customer FROM tipc_another_schema . orders",
                "COMMIT",
                "SELECT customer FROM orders FOR UPDATE OF countries"));
        sql.addAll(dialectSpecific());
        return sql;
    }
}
