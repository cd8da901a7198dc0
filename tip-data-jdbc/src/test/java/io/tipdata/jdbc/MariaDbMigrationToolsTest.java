package io.tipdata.jdbc;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Flyway and Liquibase on MariaDB, each in its own database, with the default shadow schema of that database. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class MariaDbMigrationToolsTest extends MigrationToolsContract {

    @AfterAll
    void dropDatabases() throws SQLException {
        for (String db : new String[] {"tdtools_fw", "tdtools_lb"}) {
            ShadowTestDatabases.dropMariaDb(db);
            ShadowTestDatabases.dropMariaDb(db + "_tip_shadow");
        }
    }

    @Override
    DataSource freshDatabase(String name) throws SQLException {
        ShadowTestDatabases.dropMariaDb(name);
        ShadowTestDatabases.dropMariaDb(name + "_tip_shadow");
        return ShadowTestDatabases.mariadb(name);
    }

    @Override
    String defaultShadow(String database) {
        return database + "_tip_shadow";
    }
}
