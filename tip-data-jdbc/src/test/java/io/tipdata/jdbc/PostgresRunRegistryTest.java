package io.tipdata.jdbc;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class PostgresRunRegistryTest extends RunRegistryContract {

    private DataSource ds;

    @AfterAll
    static void dropDatabase() throws SQLException {
        ShadowTestDatabases.dropPostgres("tdrr_pg");
    }

    @Override
    DataSource dataSource() throws SQLException {
        if (ds == null) {
            ds = ShadowTestDatabases.postgres("tdrr_pg");
        }
        return ds;
    }
}
