package io.tipdata.jdbc;

import java.sql.SQLException;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Flyway and Liquibase on MariaDB, each in its own database, with the default shadow schema of that database. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class MariaDbMigrationToolsTest extends MigrationToolsContract {

    @Override
    TestLogins freshDatabase(String name) throws SQLException {
        return TestLogins.mariadb(name, name + "_tip_shadow");
    }

    @Override
    String defaultShadow(String database) {
        return database + "_tip_shadow";
    }
}
