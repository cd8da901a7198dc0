package io.tipdata.jdbc;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class MariaDbRunLifecycleTest extends RunLifecycleContract {

    private DataSource ds;

    @AfterAll
    static void dropDatabase() throws SQLException {
        ShadowTestDatabases.dropMariaDb("tdlc_my");
    }

    @Override
    DataSource dataSource() throws SQLException {
        if (ds == null) {
            ds = ShadowTestDatabases.mariadb("tdlc_my");
        }
        return ds;
    }
}
