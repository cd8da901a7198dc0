package io.tipdata.jdbc;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Flyway and Liquibase on PostgreSQL, each in its own database, with the default shadow schema tip_shadow. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class PostgresMigrationToolsTest extends MigrationToolsContract {

    @AfterAll
    void dropDatabases() throws SQLException {
        for (String db : new String[] {"tdtools_fw", "tdtools_lb"}) {
            ShadowTestDatabases.execute(ShadowTestDatabases.postgresServer(), "DROP DATABASE IF EXISTS " + db
                    + " WITH (FORCE)");
        }
    }

    @Override
    DataSource freshDatabase(String name) throws SQLException {
        ShadowTestDatabases.execute(ShadowTestDatabases.postgresServer(), "DROP DATABASE IF EXISTS " + name
                + " WITH (FORCE)", "CREATE DATABASE " + name);
        return ShadowTestDatabases.postgresDatabase(name);
    }

    @Override
    String defaultShadow(String database) {
        return "tip_shadow";
    }
}
