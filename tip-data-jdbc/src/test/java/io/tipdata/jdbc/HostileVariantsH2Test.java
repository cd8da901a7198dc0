package io.tipdata.jdbc;

import java.util.List;

/** Hostile variants on an in-memory H2 database. */
class HostileVariantsH2Test extends HostileVariantsContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }

    @Override
    List<String> dialectSpecific() {
        return List.of("SELECT customer FROM U&\"\\004FRDERS\"", "SELECT note FROM U&\"SECR\\0045TS\"",
                "SELECT FILE_READ('/etc/hostname')", "CALL FILE_WRITE('x', '/tmp/tip-variant.txt')",
                "SELECT CSVWRITE('/tmp/tip-variant.csv', 'SELECT * FROM orders')",
                "SELECT LINK_SCHEMA('x', '', 'jdbc:h2:mem:x', 'sa', '', 'PUBLIC')",
                "SELECT * FROM TABLE(id INT = (1, 2))", "SELECT SET(@x, 1)", "SET @x = (SELECT note FROM secrets)",
                "SELECT CANCEL_SESSION(1)", "SELECT ABORT_SESSION(1)", "BACKUP TO '/tmp/tip-variant.zip'",
                "CREATE ALIAS X FOR 'java.lang.System.getProperty'",
                "MERGE INTO orders KEY (id) VALUES (1, 'merged', 1)", "SHOW TABLES");
    }
}
