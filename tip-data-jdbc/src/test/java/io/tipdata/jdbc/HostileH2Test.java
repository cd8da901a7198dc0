package io.tipdata.jdbc;

import java.util.List;

/** Hostile statements on an in-memory H2 database. */
class HostileH2Test extends HostileStatementsContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }

    @Override
    List<String> dialectSpecific() {
        return List.of("MERGE INTO countries (code, name) KEY (code) VALUES ('de', 'x')",
                "SCRIPT TO 'dump.sql'", "RUNSCRIPT FROM 'dump.sql'", "SHUTDOWN",
                "SELECT * FROM INFORMATION_SCHEMA.TABLES", "SELECT * FROM CSVREAD('/etc/hostname')",
                "CALL CSVWRITE('/tmp/tip-orders.csv', 'SELECT * FROM orders')", "SELECT customer FROM orders FOR UPDATE; DELETE FROM orders");
    }
}
