package io.tipdata.jdbc;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Migrations on PostgreSQL, in the schemas tdmig_pg and tdmig_pg_shadow. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class PostgresMigrationTest extends MigrationContract {

    private static TestLogins logins;

    @BeforeAll
    static void createLogins() throws SQLException {
        logins = TestLogins.postgres("tdmig_pg", "tdmig_pg_shadow");
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
        return "tdmig_pg_shadow";
    }

    @Override
    String shadow() {
        return "tdmig_pg_shadow";
    }

    @Override
    String textType() {
        return "text";
    }

    @Override
    String alterType(String table, String column, String type) {
        return "ALTER TABLE " + table + " ALTER COLUMN " + column + " TYPE " + type
                + (type.equals("INT") ? " USING length(" + column + ")" : "");
    }
}
