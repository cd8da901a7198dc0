package io.tipdata.jdbc;

import java.util.Locale;
import javax.sql.DataSource;

/** Migrations on H2, in the database tdmig_h2. */
class H2MigrationTest extends MigrationContract {

    private static final TestLogins LOGINS = TestLogins.h2Unchecked("tdmig_h2");

    @Override
    DataSource dataSource() {
        return LOGINS.production();
    }

    @Override
    DataSource testIdentity() {
        return LOGINS.testIdentity();
    }

    @Override
    String explicitShadow() {
        return null;
    }

    @Override
    String shadow() {
        return "tip_shadow";
    }

    @Override
    String textType() {
        return "VARCHAR(1000)";
    }

    @Override
    String alterType(String table, String column, String type) {
        return "ALTER TABLE " + table + " ALTER COLUMN " + column + " SET DATA TYPE " + type;
    }

    @Override
    String spell(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}
