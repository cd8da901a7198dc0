package io.tipdata.jdbc;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class PostgresRunLifecycleTest extends RunLifecycleContract {

    private DataSource ds;

    @AfterAll
    static void dropSchema() throws SQLException {
        ShadowTestDatabases.dropPostgres("tdlc_pg");
    }

    @Override
    DataSource dataSource() throws SQLException {
        if (ds == null) {
            ds = ShadowTestDatabases.postgres("tdlc_pg");
        }
        return ds;
    }
}
