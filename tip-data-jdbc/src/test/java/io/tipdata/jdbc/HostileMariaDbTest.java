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
                "HANDLER orders OPEN", "SELECT LOAD_FILE('/etc/hostname')", "LOCK TABLES orders WRITE", "SELECT * FROM information_schema.tables");
    }
}
