package io.tipdata.jdbc;

import javax.sql.DataSource;

/** Flyway and Liquibase on H2. */
class H2MigrationToolsTest extends MigrationToolsContract {

    @Override
    DataSource freshDatabase(String name) {
        return ShadowTestDatabases.h2(name + System.nanoTime());
    }

    @Override
    String defaultShadow(String database) {
        return "tip_shadow";
    }
}
