package io.tipdata.jdbc;

import java.sql.SQLException;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Flyway and Liquibase on PostgreSQL, each in its own database, with the default shadow schema tip_shadow. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class PostgresMigrationToolsTest extends MigrationToolsContract {

    @Override
    TestLogins freshDatabase(String name) throws SQLException {
        return TestLogins.postgresDatabase(name);
    }

    @Override
    String defaultShadow(String database) {
        return "tip_shadow";
    }
}
