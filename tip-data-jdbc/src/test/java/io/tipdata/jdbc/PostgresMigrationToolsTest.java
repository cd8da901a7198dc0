package io.tipdata.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Flyway and Liquibase on PostgreSQL, each in its own database, with the default shadow schema tip_shadow. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class PostgresMigrationToolsTest extends MigrationToolsContract {

    @Override
    TestLogins freshDatabase(String name) throws SQLException {
        return TestLogins.postgresDatabase(name);
    }

    @Override
    String defaultShadow(String database) {
        return "tip_shadow";
    }

    @Test
    void liquibaseCreatesTwinsPartitionedByRunWhenAsked() throws Exception {
        DataSource ds = open("tdtools_lbp").production();
        Files.writeString(dir.resolve("partitioned.xml"), """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
                  <changeSet id="1" author="app">
                    <sql>CREATE TABLE tools_orders (id INT NOT NULL PRIMARY KEY, customer VARCHAR(50) NOT NULL)</sql>
                  </changeSet>
                  <changeSet id="tip-data-shadow" author="tip-data" runAlways="true">
                    <customChange class="io.tipdata.jdbc.liquibase.UpdateShadowSchema">
                      <param name="isolated" value="tools_*"/>
                      <param name="partitionByRun" value="true"/>
                    </customChange>
                  </changeSet>
                </databaseChangeLog>
                """);
        try (Connection c = ds.getConnection()) {
            try (Liquibase liquibase = new Liquibase("partitioned.xml", new DirectoryResourceAccessor(dir),
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c)))) {
                liquibase.update();
            }
        }
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT partdefid <> 0 FROM pg_partitioned_table"
                     + " WHERE partrelid = 'tip_shadow.tools_orders'::regclass AND partstrat = 'l'")) {
            assertThat(rs.next()).as("partitioned by list").isTrue();
            assertThat(rs.getBoolean(1)).as("with a DEFAULT partition").isTrue();
        }
        assertThat(ShadowSchema.builder(ds).policies(TablePolicies.builder().pattern(TablePolicy.ISOLATED, "tools_*")
                .build()).partitionByRun(true).build().check()).isEmpty();
    }
}
