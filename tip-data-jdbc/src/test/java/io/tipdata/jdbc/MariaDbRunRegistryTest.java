package io.tipdata.jdbc;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class MariaDbRunRegistryTest extends RunRegistryContract {

    private static TestLogins logins;

    @BeforeAll
    static void createLogins() throws SQLException {
        logins = TestLogins.mariadb("tdrr_maria");
    }

    @AfterAll
    static void dropLogins() throws SQLException {
        logins.close();
    }

    @Override
    DataSource dataSource() {
        return logins.production();
    }
}
