package io.tipdata.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipdata.core.KillSwitch;
import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.RefusedStatementException;
import io.tipdata.jdbc.ShadowSchema;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TablePolicy;
import io.tipdata.jdbc.TestServers;
import io.tipdata.jdbc.TipDataSource;
import io.tipdata.jdbc.internal.rewrite.TableColumns;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The column lists TipDataSource reads at build(), and what a star over a table it does not know does. */
class ColumnCatalogTest {

    private static final TestRun RUN = TestRun.of("run-c", Instant.now(), Instant.now().plusSeconds(3600));

    private JdbcDataSource ds;
    private Connection keepAlive;

    @BeforeEach
    void open() throws SQLException {
        ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:catalog" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        keepAlive = ds.getConnection();
        exec("CREATE TABLE orders (id INT PRIMARY KEY, customer VARCHAR(20), \"Mixed Case\" INT)");
        exec("CREATE TABLE order_items (order_id INT, qty INT)");
        exec("CREATE TABLE countries (code VARCHAR(2))");
    }

    @AfterEach
    void close() throws SQLException {
        exec("SHUTDOWN");
        keepAlive.close();
    }

    private void exec(String sql) throws SQLException {
        try (Statement s = keepAlive.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void readsTheIsolatedTablesByNameAndPatternInColumnOrder() throws SQLException {
        TablePolicies policies = TablePolicies.builder().table(TablePolicy.REFERENCE, "countries", "order_items")
                .pattern(TablePolicy.ISOLATED, "order*").build();
        TableColumns columns = ColumnCatalog.load(keepAlive, policies, Dialect.H2);
        assertThat(columns.columnsOf("ORDERS")).containsExactly("ID", "CUSTOMER", "Mixed Case");
        assertThat(columns.columnsOf("order_items")).isNull();
        assertThat(columns.columnsOf("countries")).isNull();
    }

    @Test
    void starIsWrittenOutThroughTipDataSourceAndRefusedOverATableCreatedAfterBuild() throws Exception {
        TablePolicies policies = TablePolicies.builder().pattern(TablePolicy.ISOLATED, "order*").build();
        ShadowSchema.builder(ds).policies(policies).dialect(Dialect.H2).build().create();
        TipDataSource tip = TipDataSource.wrap(ds).policies(policies).killSwitch(KillSwitch.create()).build();
        exec("CREATE TABLE order_notes (id INT)");
        exec("CREATE TABLE tip_shadow.order_notes (id INT, tip_run VARCHAR(40) NOT NULL)");
        TipContext.call(RUN, () -> {
            try (Connection c = tip.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO orders (id, customer, \"Mixed Case\") VALUES (1, 'a', 7)");
                try (ResultSet rs = s.executeQuery("SELECT * FROM orders")) {
                    assertThat(rs.getMetaData().getColumnCount()).isEqualTo(3);
                    assertThat(rs.getMetaData().getColumnLabel(3)).isEqualTo("Mixed Case");
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(3)).isEqualTo(7);
                }
                assertThatThrownBy(() -> s.executeQuery("SELECT * FROM order_notes"))
                        .isInstanceOf(RefusedStatementException.class)
                        .hasMessageContaining("columns of ISOLATED table 'order_notes' are unknown");
                assertThat(s.executeQuery("SELECT id FROM order_notes").next()).isFalse();
            }
            return null;
        });
    }

    @Test
    @EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
    void mariaDbInvisibleColumnsAreLeftOutAsStarLeavesThemOut() throws SQLException {
        String url = TestServers.MARIADB_URL;
        try (Connection c = DriverManager.getConnection(url, TestServers.MARIADB_USER, TestServers.MARIADB_PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS tipc_catalog");
            s.execute("CREATE TABLE tipc_catalog (id INT, secret INT INVISIBLE, note VARCHAR(10))");
            try {
                TablePolicies policies = TablePolicies.builder().table(TablePolicy.ISOLATED, "tipc_catalog").build();
                assertThat(ColumnCatalog.load(c, policies, Dialect.MARIADB).columnsOf("tipc_catalog"))
                        .containsExactly("id", "note");
            } finally {
                s.execute("DROP TABLE tipc_catalog");
            }
        }
    }
}
