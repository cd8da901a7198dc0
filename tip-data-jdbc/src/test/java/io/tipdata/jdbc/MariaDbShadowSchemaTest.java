package io.tipdata.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class MariaDbShadowSchemaTest extends ShadowSchemaContract {

    private DataSource ds;

    @AfterAll
    static void dropDatabase() throws SQLException {
        ShadowTestDatabases.dropMariaDb("tdss_maria_prod");
    }

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
    String dropTwinIndex(String table, String index) {
        return "DROP INDEX `" + index + "` ON " + shadow() + "." + table;
    }

    @Override
    String dropSchema(String name) {
        return "DROP DATABASE IF EXISTS " + name;
    }

    @Test
    void twinKeepsTheProductionSpellingOfAMixedCaseTable() throws SQLException {
        exec("DROP TABLE IF EXISTS Audit_Mixed", "CREATE TABLE Audit_Mixed (id INT PRIMARY KEY)");
        try {
            TablePolicies p = TablePolicies.builder().table(TablePolicy.ISOLATED, "audit_mixed").build();
            shadowSchema(p).create();

            exec("INSERT INTO " + shadow() + ".Audit_Mixed (id, tip_run) VALUES (1, 'run-a')");
            assertThat(count("SELECT COUNT(*) FROM " + shadow() + ".Audit_Mixed")).isEqualTo(1);
            assertThat(shadowSchema(p).check()).isEmpty();
        } finally {
            exec("DROP TABLE IF EXISTS Audit_Mixed");
        }
    }
}
