package io.tipdata.jdbc;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class PostgresShadowSchemaTest extends ShadowSchemaContract {

    private DataSource ds;

    @Override
    DataSource dataSource() throws SQLException {
        if (ds == null) {
            ds = ShadowTestDatabases.postgres("tdss_pg_prod");
        }
        return ds;
    }

    @Override
    String shadow() {
        return "tdss_pg_shadow";
    }

    @Override
    String identityColumn() {
        return "id BIGSERIAL";
    }

    @Override
    String alterType(String table, String column, String type) {
        return "ALTER TABLE " + table + " ALTER COLUMN " + column + " TYPE " + type;
    }

    @Override
    String setNotNull(String table, String column, String type) {
        return "ALTER TABLE " + table + " ALTER COLUMN " + column + " SET NOT NULL";
    }

    @Override
    String dropRunIndexOfOrders() {
        return "DROP INDEX " + shadow() + ".orders_tip_run_idx";
    }

    @Override
    String dropSchema(String name) {
        return "DROP SCHEMA IF EXISTS " + name + " CASCADE";
    }
}
