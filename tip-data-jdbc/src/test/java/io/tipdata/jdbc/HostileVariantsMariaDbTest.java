package io.tipdata.jdbc;

import java.util.List;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Hostile variants on MariaDB, in the databases tipc_variants and tipc_variants_shadow. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class HostileVariantsMariaDbTest extends HostileVariantsContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.mariadb("tipc_variants");
    }

    @Override
    List<String> dialectSpecific() {
        return List.of("LOAD DATA LOCAL INFILE '/tmp/x' INTO TABLE orders", "LOAD XML INFILE '/tmp/x' INTO TABLE orders",
                "SELECT customer FROM orders INTO DUMPFILE '/tmp/tip-variant'", "SELECT customer INTO @c FROM orders LIMIT 1",
                "SELECT @c := customer FROM orders", "SET @@session.sql_mode = 'NO_BACKSLASH_ESCAPES'", "SET NAMES latin1",
                "SET autocommit = 0", "SET SESSION TRANSACTION ISOLATION LEVEL READ UNCOMMITTED",
                "EXECUTE IMMEDIATE 'DELETE FROM orders'", "PREPARE s FROM 'DELETE FROM orders'", "EXECUTE s",
                "DEALLOCATE PREPARE s", "DO (SELECT COUNT(*) FROM secrets)", "DO SLEEP(0)", "HANDLER orders READ FIRST",
                "SHOW CREATE TABLE orders", "DESCRIBE secrets", "SELECT SETVAL(tip_seq, 1)",
                "SELECT 'a\\', ' UNION SELECT note FROM secrets -- ' FROM orders",
                "SELECT customer FROM orders WHERE customer = 'x\\' UNION SELECT note FROM secrets -- '",
                "SELECT customer FROM orders WHERE amount > 0--1 UNION SELECT note FROM secrets",
                "SELECT customer FROM orders # x\nUNION SELECT note FROM secrets",
                "SELECT LOAD_FILE('/etc/passwd')", "SELECT BENCHMARK(1, (SELECT note FROM secrets))",
                "SELECT customer FROM `orders` UNION SELECT note FROM `tipc_variants`.`secrets`",
                "SELECT customer FROM orders PROCEDURE ANALYSE()", "SELECT GET_LOCK('tip', 0)");
    }
}
