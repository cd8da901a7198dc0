package io.tipdata.jdbc;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class MariaDbShadowSchemaTest extends ShadowSchemaContract {

    private DataSource ds;

    @Override
    DataSource dataSource() throws SQLException {
        if (ds == null) {
            ds = ShadowTestDatabases.mariadb("tdss_maria_prod");
        }
        return ds;
    }

    @Override
    String shadow() {
        return "tdss_maria_shadow";
    }

    @Override
    String identityColumn() {
        return "id BIGINT AUTO_INCREMENT";
    }

    @Override
    String alterType(String table, String column, String type) {
        return "ALTER TABLE " + table + " MODIFY " + column + " " + type;
    }

    @Override
    String setNotNull(String table, String column, String type) {
        return "ALTER TABLE " + table + " MODIFY " + column + " " + type + " NOT NULL";
    }

    @Override
    String dropRunIndexOfOrders() {
        return "DROP INDEX tip_run_idx ON " + shadow() + ".orders";
    }

    @Override
    String dropSchema(String name) {
        return "DROP DATABASE IF EXISTS " + name;
    }
}
