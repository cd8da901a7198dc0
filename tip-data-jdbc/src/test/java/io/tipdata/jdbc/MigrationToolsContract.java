package io.tipdata.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import io.tipdata.jdbc.flyway.ShadowSchemaCallback;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Flyway and Liquibase migrations of an isolated table, with tip-data's callback and custom change: the twins
 * follow each migration, and a running TipDataSource lets test traffic through on the new column.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MigrationToolsContract {

    static final TestRun RUN = TestRun.of("tools-1", Duration.ofMinutes(30));

    /**
     * A fresh production database for one tool (dropped and created again), with its non-superuser owner and
     * test identity; this class closes it.
     */
    abstract TestLogins freshDatabase(String name) throws SQLException;

    private final List<TestLogins> opened = new ArrayList<>();

    /** A fresh database whose logins are closed after the class. */
    TestLogins open(String name) throws SQLException {
        TestLogins logins = freshDatabase(name);
        opened.add(logins);
        return logins;
    }

    @AfterAll
    void dropDatabases() throws SQLException {
        for (TestLogins logins : opened) {
            logins.close();
        }
    }

    /** The shadow schema the default resolves to for that database. */
    abstract String defaultShadow(String database);

    @TempDir
    Path dir;

    @Test
    void flywayMigrationsAreFollowedByTheTwins() throws Exception {
        TestLogins logins = open("tdtools_fw");
        DataSource ds = logins.production();
        ShadowSchema shadow = ShadowSchema.builder(ds).policies(TablePolicies.builder()
                .table(TablePolicy.ISOLATED, "tools_orders").build()).testIdentity(logins.testIdentity()).build();
        Files.writeString(dir.resolve("V1__orders.sql"),
                "CREATE TABLE tools_orders (id INT NOT NULL PRIMARY KEY, customer VARCHAR(50) NOT NULL);\n");
        Files.writeString(dir.resolve("V2__note.sql"), "ALTER TABLE tools_orders ADD COLUMN note VARCHAR(100);\n"
                + "CREATE INDEX tools_orders_customer ON tools_orders (customer);\n");
        Flyway.configure().dataSource(ds).locations("filesystem:" + dir).target("1")
                .callbacks(new ShadowSchemaCallback(shadow)).load().migrate();
        assertThat(TestLogins.check(shadow)).isEmpty();
        TipDataSource tip = TipDataSource.wrap(ds).testConnections(logins.testIdentity()).isolated("tools_orders")
                .recheckInterval(Duration.ZERO).build();
        assertThat(TestLogins.own(tip.problems())).isEmpty();

        Flyway.configure().dataSource(ds).locations("filesystem:" + dir)
                .callbacks(new ShadowSchemaCallback(shadow)).load().migrate();

        assertThat(TestLogins.check(shadow)).isEmpty();
        assertTestTrafficUsesTheNewColumn(tip, ds, "tdtools_fw");
    }

    @Test
    void liquibaseMigrationsAreFollowedByTheTwins() throws Exception {
        TestLogins logins = open("tdtools_lb");
        DataSource ds = logins.production();
        Files.writeString(dir.resolve("changelog.xml"), """
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
                        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">
                  <changeSet id="1" author="app">
                    <sql>CREATE TABLE tools_orders (id INT NOT NULL PRIMARY KEY, customer VARCHAR(50) NOT NULL)</sql>
                  </changeSet>
                  <changeSet id="2" author="app">
                    <sql>ALTER TABLE tools_orders ADD COLUMN note VARCHAR(100)</sql>
                  </changeSet>
                  <changeSet id="tip-data-shadow" author="tip-data" runAlways="true">
                    <customChange class="io.tipdata.jdbc.liquibase.UpdateShadowSchema">
                      <param name="isolated" value="tools_*"/>
                    </customChange>
                  </changeSet>
                </databaseChangeLog>
                """);
        TipDataSource tip = TipDataSource.wrap(ds).testConnections(logins.testIdentity())
                .policy(TablePolicy.ISOLATED, "tools_*").recheckInterval(Duration.ZERO).build();
        try (Connection c = ds.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            try (Liquibase liquibase = new Liquibase("changelog.xml", new DirectoryResourceAccessor(dir), database)) {
                liquibase.update();
            }
        }
        assertThat(TestLogins.check(ShadowSchema.builder(ds).policies(tip.policies()).build())).isEmpty();
        // the custom change knows no test identity: the application grants it as after any update
        ShadowSchema granted = ShadowSchema.builder(ds).policies(tip.policies()).testIdentity(logins.testIdentity())
                .build();
        granted.create();
        assertThat(TestLogins.check(granted)).isEmpty();
        tip.recheck();
        assertTestTrafficUsesTheNewColumn(tip, ds, "tdtools_lb");
    }

    private void assertTestTrafficUsesTheNewColumn(TipDataSource tip, DataSource ds, String database)
            throws Exception {
        try (Connection c = tip.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO tools_orders (id, customer, note) VALUES (1, 'prod', 'p')");
        }
        TipContext.call(RUN, () -> {
            try (Connection c = tip.getConnection(); Statement s = c.createStatement()) {
                return s.executeUpdate("INSERT INTO tools_orders (id, customer, note) VALUES (1, 'test', 't')");
            }
        });
        assertThat(rows(ds, "SELECT note FROM " + defaultShadow(database) + ".tools_orders WHERE tip_run = 'tools-1'"))
                .containsExactly("t");
        assertThat(rows(ds, "SELECT note FROM tools_orders")).containsExactly("p");
    }

    private static List<String> rows(DataSource ds, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
