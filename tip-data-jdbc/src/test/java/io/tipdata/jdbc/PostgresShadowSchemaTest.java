package io.tipdata.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class PostgresShadowSchemaTest extends ShadowSchemaContract {

    private DataSource ds;

    @AfterAll
    static void dropDatabase() throws SQLException {
        ShadowTestDatabases.dropPostgres("tdss_pg_prod");
    }

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
    String dropTwinIndex(String table, String index) {
        return "DROP INDEX " + shadow() + ".\"" + index + "\"";
    }

    @Override
    String dropSchema(String name) {
        return "DROP SCHEMA IF EXISTS " + name + " CASCADE";
    }

    @Test
    void identityColumnGeneratesValuesInTheTwinAndSerialSharesTheProductionSequence() throws SQLException {
        exec("CREATE TABLE audit_a (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v VARCHAR(5))");
        TablePolicies p = TablePolicies.builder().table(TablePolicy.ISOLATED, "audit_a", "orders").build();
        shadowSchema(p).create();

        exec("INSERT INTO " + shadow() + ".audit_a (v, tip_run) VALUES ('a', 'run-a'), ('b', 'run-a')",
                "INSERT INTO " + shadow() + ".orders (code, tip_run) VALUES ('t', 'run-a')",
                "INSERT INTO orders (code) VALUES ('prod-2')");

        assertThat(count("SELECT COUNT(DISTINCT id) FROM " + shadow() + ".audit_a")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM orders o JOIN " + shadow() + ".orders t ON o.id = t.id")).isZero();
        assertThat(shadowSchema(p).check()).isEmpty();
    }
}
