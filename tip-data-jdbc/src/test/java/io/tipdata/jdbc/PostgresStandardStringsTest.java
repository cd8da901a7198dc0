package io.tipdata.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * PostgreSQL with {@code standard_conforming_strings} off reads a backslash in a string literal as an escape,
 * so a literal ends elsewhere than where tip-data's lexer and parser saw it end: all test traffic is refused
 * while it is off for either login, production goes on, and turning it on again lets test traffic through.
 * Schemas tipc_scs and tipc_scs_shadow.
 */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class PostgresStandardStringsTest {

    private TestDatabase db;

    @BeforeEach
    void open() throws SQLException {
        db = TestDatabase.postgres("tipc_scs");
        db.open();
        db.createTables();
        db.reset();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = db.admin(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private void insertAsTest(DataSource tip) throws SQLException {
        try (TipContext.Scope ignored = TipContext.bind(TestRun.of("scs-run", Duration.ofMinutes(5)));
             Connection c = tip.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO orders (customer, amount) VALUES ('de', 1)");
        }
    }

    @Test
    void offForTheTestIdentityRefusesAllTestTrafficUntilItIsOnAgain() throws SQLException {
        String testLogin = ((TestDatabase.Postgres) db).testLogin();
        admin("ALTER ROLE " + testLogin + " SET standard_conforming_strings = off");
        db.testPool.getHikariPoolMXBean().softEvictConnections();
        TipDataSource tip = TipDataSource.wrap(db.raw).testConnections(db.testPool).policies(db.policies())
                .shadowSchema(db.shadow).recheckInterval(Duration.ZERO).build();

        assertThatThrownBy(() -> insertAsTest(tip)).isInstanceOf(SQLException.class)
                .hasMessageContaining("standard_conforming_strings is 'off' for the test identity login");
        assertThat(db.count("SELECT * FROM " + db.shadow + ".orders")).isZero();
        try (Connection c = tip.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO orders (customer, amount) VALUES ('fr', 2)");
        }
        assertThat(db.count("SELECT * FROM orders")).as("production is never refused").isEqualTo(1);

        admin("ALTER ROLE " + testLogin + " RESET standard_conforming_strings");
        db.testPool.getHikariPoolMXBean().softEvictConnections();
        insertAsTest(tip);
        assertThat(db.count("SELECT * FROM " + db.shadow + ".orders WHERE tip_run = 'scs-run'")).isEqualTo(1);
    }
}
