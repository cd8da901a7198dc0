package io.tipdata.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.tipdata.core.KillSwitch;
import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What every database must do behind a TipDataSource; subclasses give the database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TipDataSourceContract {

    static final TestRun RUN_A = run("run-a");
    static final TestRun RUN_B = run("run-b");

    TestDatabase db;
    KillSwitch killSwitch;
    TipDataSource tip;

    abstract TestDatabase newDatabase();

    /** An upsert of (order_id, sku, qty) that raises qty on conflict, in the database's own syntax. */
    abstract String upsert(long orderId, String sku, int qty);

    /** A collation as a COLLATE clause names it, or null where the database has no COLLATE in expressions. */
    abstract String collation();

    /** The ways the database writes a disjunction (MariaDB also reads || and XOR as one by default). */
    java.util.List<String> orSpellings() {
        return java.util.List.of("OR");
    }

    /** Whether INSERT ... RETURNING is available. */
    boolean supportsReturning() {
        return true;
    }

    static TestRun run(String id) {
        Instant now = Instant.now();
        return TestRun.of(id, now, now.plus(1, ChronoUnit.HOURS));
    }

    @BeforeAll
    void openDatabase() throws SQLException {
        db = newDatabase();
        db.open();
        db.createTables();
        killSwitch = KillSwitch.create();
        tip = TipDataSource.wrap(db.raw).testConnections(db.testPool).policies(db.policies()).shadowSchema(db.shadow).killSwitch(killSwitch)
                .build();
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    @BeforeEach
    void resetRows() throws SQLException {
        killSwitch.release();
        db.reset();
    }

    static <T> T in(TestRun run, Callable<T> work) throws Exception {
        return TipContext.call(run, work);
    }

    /** Runs the statement in the run on a connection borrowed there (connections are pinned to their context). */
    static int updateIn(TipDataSource ds, TestRun run, String sql) throws Exception {
        return in(run, () -> {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                return s.executeUpdate(sql);
            }
        });
    }

    /** Runs the query in the run on a connection borrowed there and tells whether it returned a row. */
    static boolean queryIn(TipDataSource ds, TestRun run, String sql) throws Exception {
        return in(run, () -> {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                return rs.next();
            }
        });
    }

    int update(String sql) throws SQLException {
        try (Connection c = tip.getConnection(); Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    List<String> query(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = tip.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    List<String> prod(String where) throws SQLException {
        return db.rows("SELECT customer, amount FROM orders" + where + " ORDER BY customer");
    }

    List<String> twin(String runId) throws SQLException {
        return db.rows("SELECT customer, amount FROM " + db.shadow + ".orders WHERE tip_run = '" + runId
                + "' ORDER BY customer");
    }

    void seedOrders() throws Exception {
        update("INSERT INTO orders (customer, amount) VALUES ('prod-1', 10)");
        in(RUN_A, () -> update("INSERT INTO orders (customer, amount) VALUES ('a-1', 1)"));
        in(RUN_B, () -> update("INSERT INTO orders (customer, amount) VALUES ('b-1', 2)"));
    }

    void assertRefused(ThrowingCallable call, String sqlState, String... named) {
        assertThatThrownBy(call).isInstanceOf(RefusedStatementException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(sqlState))
                .hasMessageContainingAll(named);
    }

    @Test
    void productionSqlGoesAsWrittenEvenWhatTestContextWouldRefuse() throws Exception {
        String before = db.snapshot();
        update("CREATE TABLE prod_only (id INT)");
        update("INSERT INTO audit (id, note) VALUES (2, 'prod')");
        assertThat(query("SELECT note FROM secrets")).containsExactly("do not read");
        update("INSERT INTO orders (customer, amount) VALUES ('prod-1', 10)");
        killSwitch.engage("test");
        update("DROP TABLE prod_only");

        assertThat(db.rows("SELECT note FROM audit ORDER BY id")).containsExactly("boot", "prod");
        assertThat(prod("")).containsExactly("prod-1|10");
        assertThat(db.count("SELECT * FROM " + db.shadow + ".orders")).isZero();
        assertThat(db.snapshot()).isNotEqualTo(before);
    }

    @Test
    void testInsertLandsOnlyInTheTwinStampedWithTheRun() throws Exception {
        in(RUN_A, () -> update("INSERT INTO orders (customer, amount) VALUES ('a-1', 1)"));

        assertThat(prod("")).isEmpty();
        assertThat(twin("run-a")).containsExactly("a-1|1");
        assertThat(db.count("SELECT * FROM " + db.shadow + ".orders")).isEqualTo(1);
    }

    @Test
    void readsSeeOnlyTheirOwnSide() throws Exception {
        seedOrders();

        assertThat(query("SELECT customer FROM orders")).containsExactly("prod-1");
        assertThat(in(RUN_A, () -> query("SELECT customer FROM orders"))).containsExactly("a-1");
        assertThat(in(RUN_B, () -> query("SELECT customer FROM orders o WHERE o.amount > 0"))).containsExactly("b-1");
    }

    @Test
    void testUpdatesAndDeletesTouchOnlyTheirRun() throws Exception {
        seedOrders();

        assertThat(in(RUN_A, () -> update("UPDATE orders SET amount = amount + 100"))).isEqualTo(1);
        assertThat(prod("")).containsExactly("prod-1|10");
        assertThat(twin("run-a")).containsExactly("a-1|101");
        assertThat(twin("run-b")).containsExactly("b-1|2");

        assertThat(in(RUN_A, () -> update("DELETE FROM orders"))).isEqualTo(1);
        assertThat(prod("")).containsExactly("prod-1|10");
        assertThat(twin("run-a")).isEmpty();
        assertThat(twin("run-b")).containsExactly("b-1|2");
    }

    @Test
    void referenceTablesAreReadableAndNeverWritable() throws Exception {
        assertThat(in(RUN_A,
                () -> query("SELECT name FROM countries ORDER BY code"))).containsExactly("Germany", "France");
        String before = db.snapshot();

        assertRefused(() -> in(RUN_A, () -> update("INSERT INTO countries (code, name) VALUES ('it', 'Italy')")),
                RefusedStatementException.REFUSED, "countries");
        assertRefused(() -> in(RUN_A, () -> update("UPDATE countries SET name = 'x'")),
                RefusedStatementException.REFUSED, "countries");
        assertRefused(() -> in(RUN_A, () -> update("DELETE FROM countries")),
                RefusedStatementException.REFUSED, "countries");
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void deniedAndUndeclaredTablesAreRefused() throws Exception {
        String before = db.snapshot();
        assertRefused(() -> in(RUN_A,
                () -> query("SELECT note FROM audit")), RefusedStatementException.REFUSED, "audit");
        assertRefused(() -> in(RUN_A, () -> query("SELECT note FROM secrets")), RefusedStatementException.REFUSED,
                "secrets");
        assertRefused(() -> in(RUN_A, () -> update("INSERT INTO audit (id, note) VALUES (9, 'x')")),
                RefusedStatementException.REFUSED, "audit");
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void generatedKeysComeFromTheTwin() throws Exception {
        long fromPrepared = in(RUN_A, () -> {
            try (Connection c = tip.getConnection();
                 PreparedStatement ps = c.prepareStatement("INSERT INTO orders (customer, amount) VALUES (?, ?)",
                         Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, "a-1");
                ps.setInt(2, 1);
                assertThat(ps.executeUpdate()).isEqualTo(1);
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    assertThat(keys.next()).isTrue();
                    assertThat(keys.getStatement()).isSameAs(ps);
                    return keys.getLong(1);
                }
            }
        });
        long fromStatement = in(RUN_A, () -> {
            try (Connection c = tip.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO orders (customer, amount) VALUES ('a-2', 2)", new String[] {db.spell("id")});
                try (ResultSet keys = s.getGeneratedKeys()) {
                    assertThat(keys.next()).isTrue();
                    assertThat(keys.getStatement()).isSameAs(s);
                    return keys.getLong(1);
                }
            }
        });

        assertThat(db.rows("SELECT customer FROM " + db.shadow + ".orders WHERE tip_run = 'run-a' AND id = "
                + fromPrepared)).containsExactly("a-1");
        assertThat(db.rows("SELECT customer FROM " + db.shadow + ".orders WHERE tip_run = 'run-a' AND id = "
                + fromStatement)).containsExactly("a-2");
        assertThat(prod("")).isEmpty();
    }

    @Test
    void everyPrepareStatementOverloadPreparesTheRewrite() throws Exception {
        String sql = "INSERT INTO orders (customer, amount) VALUES ('a', 1)";
        int done = in(RUN_A, () -> {
            int n = 0;
            try (Connection c = tip.getConnection()) {
                List<Callable<PreparedStatement>> overloads = new ArrayList<>(List.of(
                        () -> c.prepareStatement(sql),
                        () -> c.prepareStatement(sql, Statement.NO_GENERATED_KEYS),
                        () -> c.prepareStatement(sql, new String[] {db.spell("id")}),
                        () -> c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY),
                        () -> c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY,
                                ResultSet.CLOSE_CURSORS_AT_COMMIT)));
                if (db.dialect() != Dialect.POSTGRESQL) {
                    overloads.add(() -> c.prepareStatement(sql, new int[] {1}));
                }
                for (Callable<PreparedStatement> prepare : overloads) {
                    try (PreparedStatement ps = prepare.call()) {
                        n += ps.executeUpdate();
                    }
                }
            }
            return n;
        });
        assertThat(done).isEqualTo(db.dialect() == Dialect.POSTGRESQL ? 5 : 6);
        assertThat(db.count("SELECT * FROM " + db.shadow + ".orders WHERE tip_run = 'run-a'")).isEqualTo(done);
        assertThat(prod("")).isEmpty();
    }

    @Test
    void batchesOfBothKindsAreIsolated() throws Exception {
        in(RUN_A, () -> {
            try (Connection c = tip.getConnection(); Statement s = c.createStatement()) {
                s.addBatch("INSERT INTO orders (customer, amount) VALUES ('a-1', 1)");
                s.addBatch("INSERT INTO orders (customer, amount) VALUES ('a-2', 2)");
                s.addBatch("UPDATE orders SET amount = amount * 10");
                assertThat(s.executeBatch()).hasSize(3);
            }
            try (Connection c = tip.getConnection();
                 PreparedStatement ps = c.prepareStatement("INSERT INTO orders (customer, amount) VALUES (?, ?)")) {
                for (int i = 3; i <= 4; i++) {
                    ps.setString(1, "a-" + i);
                    ps.setInt(2, i);
                    ps.addBatch();
                }
                assertThat(ps.executeLargeBatch()).containsExactly(1L, 1L);
            }
            return null;
        });
        update("INSERT INTO orders (customer, amount) VALUES ('prod-1', 5)");

        assertThat(twin("run-a")).containsExactly("a-1|10", "a-2|20", "a-3|3", "a-4|4");
        assertThat(prod("")).containsExactly("prod-1|5");
    }

    @Test
    void executeLargeUpdateIsIsolated() throws Exception {
        seedOrders();
        long n = in(RUN_A, () -> {
            try (Connection c = tip.getConnection(); Statement s = c.createStatement()) {
                return s.executeLargeUpdate("UPDATE orders SET amount = 7");
            }
        });
        long m = in(RUN_B, () -> {
            try (Connection c = tip.getConnection();
                 PreparedStatement ps = c.prepareStatement("UPDATE orders SET amount = ?")) {
                ps.setInt(1, 8);
                return ps.executeLargeUpdate();
            }
        });
        assertThat(n).isEqualTo(1);
        assertThat(m).isEqualTo(1);
        assertThat(prod("")).containsExactly("prod-1|10");
        assertThat(twin("run-a")).containsExactly("a-1|7");
        assertThat(twin("run-b")).containsExactly("b-1|8");
    }

    @Test
    void returningGivesTheTwinRow() throws Exception {
        if (!supportsReturning()) {
            // The database has no INSERT ... RETURNING: the statement fails and leaves nothing behind.
            assertThatThrownBy(() -> in(RUN_A,
                    () -> query("INSERT INTO orders (customer, amount) VALUES ('a-1', 3) RETURNING customer")))
                    .isInstanceOf(SQLException.class);
            assertThat(twin("run-a")).isEmpty();
            assertThat(prod("")).isEmpty();
            return;
        }
        List<String> returned = in(RUN_A,
                () -> query("INSERT INTO orders (customer, amount) VALUES ('a-1', 3) RETURNING customer"));
        assertThat(returned).containsExactly("a-1");
        assertThat(twin("run-a")).containsExactly("a-1|3");
        assertThat(prod("")).isEmpty();
    }

    @Test
    void upsertNeverTouchesTheProductionRow() throws Exception {
        update("INSERT INTO order_items (order_id, sku, qty) VALUES (1, 'sku', 5)");
        in(RUN_A, () -> update(upsert(1, "sku", 7)));
        in(RUN_A, () -> update(upsert(1, "sku", 9)));
        in(RUN_B, () -> update(upsert(1, "sku", 4)));

        assertThat(db.rows("SELECT order_id, sku, qty FROM order_items")).containsExactly("1|sku|5");
        assertThat(db.rows("SELECT tip_run, qty FROM " + db.shadow + ".order_items ORDER BY tip_run"))
                .containsExactly("run-a|9", "run-b|4");
    }

    @Test
    void insertSelectCopiesOnlyTheRunsRows() throws Exception {
        seedOrders();
        in(RUN_A, () -> update("INSERT INTO order_items (order_id, sku, qty) SELECT id, customer, amount FROM orders"));

        assertThat(db.rows("SELECT sku, qty, tip_run FROM " + db.shadow + ".order_items")).containsExactly("a-1|1|run-a");
        assertThat(db.count("SELECT * FROM order_items")).isZero();
    }

    @Test
    void killSwitchRefusesTestTrafficAndSparesProduction() throws Exception {
        in(RUN_A, () -> {
            try (Connection c = tip.getConnection()) {
                PreparedStatement inA = c.prepareStatement("INSERT INTO orders (customer, amount) VALUES ('a', 1)");
                killSwitch.engage("isolation drill");
                String before = db.snapshot();
                assertRefused(() -> query("SELECT customer FROM orders"), RefusedStatementException.KILLED,
                        "kill switch", "isolation drill");
                assertRefused(inA::executeUpdate, RefusedStatementException.KILLED, "kill switch");
                assertRefused(() -> c.prepareStatement("SELECT customer FROM orders"),
                        RefusedStatementException.KILLED, "kill switch");
                try (Connection forRun = tip.connectionFor(RUN_A); Statement s = forRun.createStatement()) {
                    assertRefused(() -> s.executeQuery("SELECT customer FROM orders"),
                            RefusedStatementException.KILLED, "kill switch");
                }
                assertThat(db.snapshot()).isEqualTo(before);
            }
            return null;
        });
        update("INSERT INTO orders (customer, amount) VALUES ('prod-1', 1)");
        assertThat(prod("")).containsExactly("prod-1|1");
    }

    @Test
    void unwrapNeverHandsOutTheUnguardedDelegateInTestContext() throws Exception {
        Class<?> rawMetaDataType;
        Class<?> rawConnectionType;
        try (Connection rawConnection = db.raw.getConnection()) {
            rawMetaDataType = rawConnection.getMetaData().getClass();
            rawConnectionType = rawConnection.unwrap(Connection.class).getClass();
        }
        in(RUN_A, () -> {
            try (Connection c = tip.getConnection(); Statement s = c.createStatement()) {
                DatabaseMetaData md = c.getMetaData();
                assertRefused(() -> tip.unwrap(HikariDataSource.class), RefusedStatementException.REFUSED,
                        "HikariDataSource");
                assertThat(tip.isWrapperFor(HikariDataSource.class)).isFalse();
                assertThat(tip.unwrap(javax.sql.DataSource.class)).isSameAs(tip);
                assertThat(c.unwrap(Connection.class)).isSameAs(c);
                assertThat(c.isWrapperFor(rawConnectionType)).isFalse();
                assertRefused(() -> c.unwrap(rawConnectionType),
                        RefusedStatementException.REFUSED, "unwrap");
                assertRefused(() -> s.unwrap(com.zaxxer.hikari.pool.HikariProxyStatement.class),
                        RefusedStatementException.REFUSED, "unwrap");
                assertRefused(() -> md.unwrap(rawMetaDataType), RefusedStatementException.REFUSED, "unwrap");
                assertThat(md.unwrap(DatabaseMetaData.class)).isSameAs(md);
                assertThat(md.getConnection()).isSameAs(c);
                assertThat(s.getConnection()).isSameAs(c);
                try (ResultSet rs = s.executeQuery("SELECT customer FROM orders")) {
                    assertThat(rs.getStatement()).isSameAs(s);
                    assertRefused(() -> rs.unwrap(com.zaxxer.hikari.pool.HikariProxyResultSet.class),
                            RefusedStatementException.REFUSED, "unwrap");
                }
                try (ResultSet rs = md.getTables(null, null, "%", null)) {
                    Statement behind = rs.getStatement();
                    assertThat(behind == null || behind.getConnection() == c).isTrue();
                }
            }
            return null;
        });
        // A connection of a run is never unwrapped, not even where no run is bound.
        try (Connection forRun = tip.connectionFor(RUN_A)) {
            assertRefused(() -> forRun.unwrap(rawConnectionType), RefusedStatementException.REFUSED, "unwrap");
            assertThat(forRun.isWrapperFor(rawConnectionType)).isFalse();
        }
        try (Connection c = tip.getConnection()) {
            assertThat(c.unwrap(rawConnectionType)).isInstanceOf(rawConnectionType);
            assertThat(tip.unwrap(HikariDataSource.class)).isSameAs(db.raw);
            assertThat(c.isWrapperFor(rawConnectionType)).isTrue();
        }
    }

    @Test
    void sessionStateAndProcedureCallsAreRefusedInTestContext() throws Exception {
        in(RUN_A, () -> {
            try (Connection c = tip.getConnection()) {
                String schema = c.getSchema();
                assertRefused(() -> c.setSchema(db.shadow), RefusedStatementException.REFUSED, "setSchema");
                assertRefused(() -> c.setCatalog("x"), RefusedStatementException.REFUSED, "setCatalog");
                assertRefused(() -> c.prepareCall("{call anything()}"), RefusedStatementException.REFUSED,
                        "prepareCall");
                assertThat(c.getSchema()).isEqualTo(schema);
            }
            return null;
        });
        try (Connection c = tip.getConnection()) {
            String schema = c.getSchema();
            assertRefused(() -> in(RUN_A, () -> {
                c.setSchema(db.shadow);
                return null;
            }), RefusedStatementException.CONTEXT_CROSSED, "setSchema");
            assertThat(c.getSchema()).isEqualTo(schema);
            c.setSchema(schema);
        }
    }

    @Test
    void nativeSqlIsTheRewrittenSqlInTestContext() throws Exception {
        String sql = "SELECT customer FROM orders";
        try (Connection c = tip.getConnection()) {
            assertThat(c.nativeSQL(sql)).isEqualTo(sql);
        }
        in(RUN_A, () -> {
            try (Connection c = tip.getConnection()) {
                assertThat(c.nativeSQL(sql)).containsIgnoringCase(db.shadow).contains("run-a");
                assertRefused(() -> c.nativeSQL("SELECT note FROM audit"), RefusedStatementException.REFUSED,
                        "audit");
            }
            return null;
        });
    }

    @Test
    void aMissingTableRefusesTestTrafficOnItAndNeverStopsTheStart() throws Exception {
        TipDataSource ds = TipDataSource.wrap(db.raw).isolated("orders", "order_items", "invoices")
                .reference("countries", "currencies").shadowSchema(db.shadow).build();
        assertThat(ds.problems()).extracting(SchemaProblem::toString).containsExactly(
                "currencies: table 'currencies' is declared REFERENCE but does not exist in schema "
                        + db.productionSchema() + "; create it or remove it from the policies",
                "invoices: table 'invoices' does not exist in schema " + db.productionSchema()
                        + "; create it or remove it from the policies");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("INSERT INTO orders (customer, amount) VALUES ('prod-9', 9)")).isEqualTo(1);
            updateIn(ds, RUN_A, "INSERT INTO orders (customer, amount) VALUES ('a-9', 9)");
            assertRefused(() -> queryIn(ds, RUN_A, "SELECT id FROM invoices"),
                    RefusedStatementException.REFUSED, "table invoices is refused",
                    "does not exist in schema " + db.productionSchema());
        }
        assertThat(prod(" WHERE customer = 'prod-9'")).containsExactly("prod-9|9");
        assertThat(twin("run-a")).containsExactly("a-9|9");
    }

    @Test
    void anIsolatedTableWithoutTwinRefusesTestTrafficOnItOnly() throws Exception {
        TipDataSource ds = TipDataSource.wrap(db.raw).isolated("orders", "secrets").shadowSchema(db.shadow).build();
        assertThat(ds.problems()).extracting(SchemaProblem::toString).containsExactly(db.spell("secrets")
                + ": shadow twin " + db.spell(db.shadow) + "." + db.spell("secrets") + " does not exist; run"
                + " ShadowSchema.create() or `java -cp tip-data-jdbc-<version>-cli.jar:<JDBC driver jar>"
                + " io.tipdata.jdbc.cli.TipCommand shadow create --url ... --isolated ...`");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            assertRefused(() -> queryIn(ds, RUN_A, "SELECT note FROM secrets"),
                    RefusedStatementException.REFUSED, "table secrets is refused", "ShadowSchema.create()");
            assertThat(updateIn(ds, RUN_A, "INSERT INTO orders (customer, amount) VALUES ('a-1', 1)")).isEqualTo(1);
            try (ResultSet rs = s.executeQuery("SELECT note FROM secrets")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }

    @Test
    void buildNamesBadSettings() {
        assertThatThrownBy(() -> TipDataSource.wrap(db.raw).isolated("orders").shadowSchema("tip shadow").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'tip shadow'");
        assertThatThrownBy(() -> TipDataSource.wrap(db.raw).isolated("orders").rewriteCacheSize(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rewrite cache size 0");
        assertThatThrownBy(() -> TipDataSource.wrap(db.raw).isolated("orders").policies(db.policies()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("one or the other");
        assertThatThrownBy(() -> TipDataSource.wrap(db.raw).isolated("orders.x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'orders.x'");
    }

    @Test
    void patternPoliciesAreChecked() {
        TipDataSource ds = TipDataSource.wrap(db.raw).policy(TablePolicy.ISOLATED, "order*")
                .reference("countries").shadowSchema(db.shadow).killSwitch(killSwitch).build();
        assertThat(ds.policies().policyOf("order_items")).isEqualTo(TablePolicy.ISOLATED);
        assertThat(ds.dialect()).isEqualTo(db.dialect());
    }

    @Test
    void quotedIsolatedTableIsRewrittenAndLeavesTheKillSwitchReleased() throws Exception {
        String orders = db.quote(db.spell("orders"));
        in(RUN_A, () -> update("INSERT INTO " + orders + " (customer, amount) VALUES ('a-1', 1)"));
        in(RUN_A, () -> update("INSERT INTO " + orders + " (customer, amount) VALUES ('a-2', 2)"));
        assertThat(in(RUN_A, () -> update("UPDATE " + orders + " SET amount = 5 WHERE customer = 'a-1'"))).isEqualTo(1);
        assertThat(in(RUN_A, () -> query("SELECT customer FROM " + orders + " ORDER BY customer")))
                .containsExactly("a-1", "a-2");
        assertThat(in(RUN_A, () -> update("DELETE FROM " + orders + " WHERE customer = 'a-2'"))).isEqualTo(1);
        assertThat(twin("run-a")).containsExactly("a-1|5");
        assertThat(in(RUN_A, () -> update("DELETE FROM " + orders))).isEqualTo(1);

        assertThat(killSwitch.isEngaged()).isFalse();
        assertThat(twin("run-a")).isEmpty();
        assertThat(prod("")).isEmpty();
    }

    @Test
    void selectStarInTestContextReturnsTheProductionColumnsInOrder() throws Exception {
        seedOrders();
        List<String> read = in(RUN_A, () -> {
            List<String> out = new ArrayList<>();
            try (Connection c = tip.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT * FROM orders o JOIN countries c ON c.code = 'de'")) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    out.add(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
                }
                while (rs.next()) {
                    out.add(rs.getString(2) + "|" + rs.getInt(3) + "|" + rs.getString(4));
                }
            }
            return out;
        });
        assertThat(read).containsExactly("id", "customer", "amount", "code", "name", "a-1|1|de");
    }

    @Test
    void aComparisonUnderACollationReadsOnlyTheRunsRowsAndHidesNoTable() throws Exception {
        seedOrders();
        String collation = collation();
        String sql = "SELECT customer FROM orders WHERE customer COLLATE " + (collation == null ? "x" : collation)
                + " = 'a-1'";
        if (collation == null) {
            // accepted by tip-data; the database's own syntax error comes back, nothing is refused as TD001
            assertThatThrownBy(() -> in(RUN_A, () -> query(sql))).isInstanceOf(SQLException.class)
                    .isNotInstanceOf(RefusedStatementException.class);
            return;
        }
        assertThat(in(RUN_A, () -> query(sql))).containsExactly("a-1");
        assertThat(in(RUN_B, () -> query(sql))).isEmpty();
        assertThat(in(RUN_A, () -> query("SELECT customer FROM orders WHERE customer = 'prod-1' COLLATE " + collation)))
                .isEmpty();
        // the collated expression is walked like any other: a subquery over a denied table stays refused
        assertRefused(() -> in(RUN_A, () -> query("SELECT customer FROM orders WHERE (SELECT note FROM audit LIMIT 1)"
                + " COLLATE " + collation + " = customer")), "TD001", "audit");
        // a qualified collation name is refused (the parser does not read it)
        assertRefused(() -> in(RUN_A, () -> query("SELECT customer FROM orders WHERE customer COLLATE other."
                + collation + " = 'a-1'")), "TD001", "could not be parsed");
    }

    @Test
    void aDisjunctionAfterAChainOfComparisonsStaysInsideTheRunsFilter() throws Exception {
        for (String or : orSpellings()) {
            db.reset();
            seedOrders();
            // the rewrite leaves a chain of plain comparisons unparenthesized; an OR after it must not escape the filter
            assertThat(in(RUN_A, () -> query("SELECT customer FROM orders WHERE amount = 1 AND customer = 'zz' " + or
                    + " amount > 0"))).as(or).containsExactly("a-1");
            assertThat(in(RUN_A, () -> updateIn(tip, RUN_A, "UPDATE orders SET amount = 7 WHERE amount = 9 AND customer"
                    + " = 'zz' " + or + " amount > 0"))).as(or).isEqualTo(1);
            assertThat(in(RUN_A, () -> updateIn(tip, RUN_A, "DELETE FROM orders WHERE amount = 9 AND customer = 'zz' "
                    + or + " amount > 0"))).as(or).isEqualTo(1);
            assertThat(prod("")).as(or).containsExactly("prod-1|10");
            assertThat(twin("run-b")).as(or).containsExactly("b-1|2");
            assertThat(twin("run-a")).as(or).isEmpty();
        }
    }
}
