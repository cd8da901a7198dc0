package io.tipdata.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class MariaDbShadowSchemaTest extends ShadowSchemaContract {

    private static TestLogins logins;

    @BeforeAll
    static void createLogins() throws SQLException {
        logins = TestLogins.mariadb("tdss_maria_prod", "tdss_maria_shadow");
    }

    @AfterAll
    static void dropLogins() throws SQLException {
        logins.close();
    }

    @Override
    TestLogins logins() {
        return logins;
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
    void partitionByRunIsRefusedWithTheOptionNamed() throws SQLException {
        ShadowSchema partitioned = ShadowSchema.builder(dataSource()).policies(policies).shadowSchema(shadow())
                .partitionByRun(true).build();

        assertThatThrownBy(partitioned::create).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("partitionByRun(true)").hasMessageContaining("PostgreSQL only")
                .hasMessageContaining("MARIADB");
        assertThatThrownBy(() -> ShadowSchema.builder(dataSource()).policies(policies).dialect(Dialect.MARIADB)
                .partitionByRun(true).build()).hasMessageContaining("partitionByRun(true)");
    }

    @Test
    void twinKeepsTheProductionSpellingOfAMixedCaseTable() throws SQLException {
        exec("DROP TABLE IF EXISTS Audit_Mixed", "CREATE TABLE Audit_Mixed (id INT PRIMARY KEY)");
        try {
            TablePolicies p = TablePolicies.builder().table(TablePolicy.ISOLATED, "audit_mixed").build();
            shadowSchema(p).create();

            exec("INSERT INTO " + shadow() + ".Audit_Mixed (id, tip_run) VALUES (1, 'run-a')");
            assertThat(count("SELECT COUNT(*) FROM " + shadow() + ".Audit_Mixed")).isEqualTo(1);
            assertThat(TestLogins.check(shadowSchema(p))).isEmpty();
        } finally {
            exec("DROP TABLE IF EXISTS Audit_Mixed");
        }
    }

    @Test
    void prefixKeysKeepTheirLengthAndFulltextIndexesStayAsCopied() throws SQLException {
        exec("CREATE TABLE audit_a (id INT PRIMARY KEY, name VARCHAR(100), body TEXT, UNIQUE KEY name_uk (name(10)),"
                + " KEY body_k (body(20), id DESC), FULLTEXT KEY ft (name))");
        TablePolicies p = TablePolicies.builder().table(TablePolicy.ISOLATED, "audit_a").build();

        shadowSchema(p).create();

        assertThat(keyParts("audit_a")).containsExactlyInAnyOrder("PRIMARY:0:id,tip_run", "body_k:1:tip_run,body(20),id-D",
                "ft:1:name", "name_uk:0:name(10),tip_run", "tip_run_idx:1:tip_run");
        String insert = "INSERT INTO " + shadow() + ".audit_a (id, name, tip_run) VALUES ";
        exec(insert + "(1, 'abcdefghij-1', 'run-a')", insert + "(2, 'abcdefghij-2', 'run-b')");
        assertThatThrownBy(() -> exec(insert + "(3, 'abcdefghij-3', 'run-a')")).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23000"));
        assertThat(TestLogins.check(shadowSchema(p))).isEmpty();

        exec("ALTER TABLE " + shadow() + ".audit_a DROP INDEX name_uk, ADD UNIQUE name_uk (name, tip_run)");
        List<SchemaProblem> problems = TestLogins.check(shadowSchema(p));
        assertThat(problems).hasSize(2);
        assertThat(problems).filteredOn(pr -> pr.column().equals("name")).singleElement().satisfies(pr ->
                assertThat(pr.problem()).contains("unique key name_uk (name(10))")
                        .contains("no counterpart (name(10), tip_run)"));
        assertThat(problems).filteredOn(pr -> pr.column().equals("name,tip_run")).singleElement().satisfies(pr ->
                assertThat(pr.fix()).startsWith("run ALTER TABLE `" + shadow() + "`.`audit_a` DROP INDEX `name_uk`"));
    }

    /** index:non_unique:column(sub_part)-collation,... of each index of the twin, from information_schema. */
    private List<String> keyParts(String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT INDEX_NAME, NON_UNIQUE, GROUP_CONCAT(CONCAT(COLUMN_NAME,"
                     + " IF(SUB_PART IS NULL, '', CONCAT('(', SUB_PART, ')')), IF(COLLATION = 'D', '-D', ''))"
                     + " ORDER BY SEQ_IN_INDEX) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = '" + shadow()
                     + "' AND TABLE_NAME = '" + table + "' GROUP BY INDEX_NAME, NON_UNIQUE ORDER BY INDEX_NAME")) {
            while (rs.next()) {
                out.add(rs.getString(1) + ":" + rs.getInt(2) + ":" + rs.getString(3));
            }
        }
        return out;
    }
}
