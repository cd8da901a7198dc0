package io.tipdata.jdbc;

import java.util.List;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Hostile statements on MariaDB, in the databases tipc_hostile and tipc_hostile_shadow. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class HostileMariaDbTest extends HostileStatementsContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.mariadb("tipc_hostile");
    }

    @Override
    List<String> dialectSpecific() {
        return List.of("USE tipc_hostile_shadow", "SET @x = 1",
                "INSERT INTO countries (code, name) VALUES ('de', 'x') ON DUPLICATE KEY UPDATE name = 'x'",
                "REPLACE INTO countries (code, name) VALUES ('de', 'x')",
                "LOAD DATA INFILE '/tmp/x' INTO TABLE orders", "SELECT customer FROM orders INTO OUTFILE '/tmp/x'",
                "HANDLER orders OPEN", "SELECT LOAD_FILE('/etc/hostname')", "LOCK TABLES orders WRITE", "SELECT * FROM information_schema.tables",
                // multi-table UPDATE and DELETE, INSERT ... SET
                "UPDATE orders o JOIN countries c ON c.code = o.customer SET c.name = 'x'",
                "UPDATE orders o JOIN countries c ON c.code = o.customer SET o.amount = 0, c.name = 'x'",
                "UPDATE orders o, countries c SET o.amount = 0, c.name = o.customer",
                "UPDATE orders o JOIN audit a ON a.id = o.id SET a.note = 'x'",
                "UPDATE orders o, secrets s SET s.note = o.customer",
                "UPDATE orders o JOIN countries c ON c.code = o.customer SET name = 'x'",
                "UPDATE orders o JOIN orders p ON p.id = o.id SET amount = 0",
                "UPDATE orders o JOIN countries orders ON orders.code = o.customer SET orders.name = 'x'",
                "UPDATE orders JOIN orders ON 1 = 1 SET orders.amount = 0",
                "UPDATE orders o JOIN order_items i ON i.order_id = o.id SET o.tip_run = 'run-b'",
                "DELETE o, c FROM orders o JOIN countries c ON c.code = o.customer",
                "DELETE c FROM orders o, countries c",
                "DELETE FROM c USING orders o, countries c",
                "DELETE countries FROM orders o JOIN countries ON countries.code = o.customer",
                "DELETE orders FROM order_items i JOIN countries orders ON orders.code = i.sku",
                "DELETE o FROM orders o JOIN orders o ON 1 = 1",
                "DELETE FROM o, c USING orders o, countries c",
                "DELETE a FROM orders o JOIN audit a ON a.id = o.id",
                "INSERT INTO countries SET code = 'zz', name = 'x'",
                "INSERT INTO orders SET customer = 'x', amount = 1, tip_run = 'run-b'");
    }
}
