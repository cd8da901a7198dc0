package io.tipdata.jdbc;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Migrations on MariaDB, in the database tdmig_maria and its default shadow schema tdmig_maria_tip_shadow. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class MariaDbMigrationTest extends MigrationContract {

    private static TestLogins logins;

    @BeforeAll
    static void createLogins() throws SQLException {
        logins = TestLogins.mariadb("tdmig_maria", "tdmig_maria_tip_shadow");
    }

    @AfterAll
    static void dropLogins() throws SQLException {
        logins.close();
    }

    @Override
    DataSource dataSource() {
        return logins.production();
    }

    @Override
    DataSource testIdentity() {
        return logins.testIdentity();
    }

    @Override
    String explicitShadow() {
        return null;
    }

    @Override
    String shadow() {
        return "tdmig_maria_tip_shadow";
    }

    @Override
    String textType() {
        return "text";
    }

    @Override
    String alterType(String table, String column, String type) {
        return "ALTER TABLE " + table + " MODIFY COLUMN " + column + " " + type + " NOT NULL";
    }
}
