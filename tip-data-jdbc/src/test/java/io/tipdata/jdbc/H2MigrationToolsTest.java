package io.tipdata.jdbc;

import java.sql.SQLException;

/** Flyway and Liquibase on H2. */
class H2MigrationToolsTest extends MigrationToolsContract {

    @Override
    TestLogins freshDatabase(String name) throws SQLException {
        return TestLogins.h2(name + System.nanoTime());
    }

    @Override
    String defaultShadow(String database) {
        return "tip_shadow";
    }
}
