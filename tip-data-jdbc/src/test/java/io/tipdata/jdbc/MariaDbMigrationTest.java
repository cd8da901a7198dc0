package io.tipdata.jdbc;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Migrations on MariaDB, in the database tdmig_maria and its default shadow schema tdmig_maria_tip_shadow. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class MariaDbMigrationTest extends MigrationContract {

    private DataSource ds;

    @AfterAll
    void dropDatabases() throws SQLException {
        ShadowTestDatabases.dropMariaDb("tdmig_maria");
        ShadowTestDatabases.dropMariaDb("tdmig_maria_tip_shadow");
    }

    @Override
    DataSource dataSource() throws SQLException {
        if (ds == null) {
            ds = ShadowTestDatabases.mariadb("tdmig_maria");
        }
        return ds;
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
