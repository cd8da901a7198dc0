package io.tipdata.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every dialect's shadow schema must do; subclasses supply a database and a few dialect phrases. */
abstract class ShadowSchemaContract {

    private static final List<String> TABLES = List.of("items", "orders", "notes", "audit_a", "audit_b", "audit_ref",
            "users");

    /** This class's logins: the production owner (not a superuser) and the test identity. */
    abstract TestLogins logins();

    /** The data source whose default schema is this class's production schema, as its owner. */
    DataSource dataSource() {
        return logins().production();
    }

    /** The test identity's data source: every shadow schema here grants and checks it. */
    DataSource testIdentity() {
        return logins().testIdentity();
    }

    /** This class's shadow schema name. */
    abstract String shadow();

    /** A column definition {@code id} of a 64-bit auto-generated key. */
    abstract String identityColumn();

    /** Changes a column's type. */
    abstract String alterType(String table, String column, String type);

    /** Makes a column NOT NULL (its type given for dialects that restate it). */
    abstract String setNotNull(String table, String column, String type);

    /** Drops the index on tip_run of the twin of {@code orders}. */
    abstract String dropRunIndexOfOrders();

    /** Drops a schema (database) with everything in it. */
    abstract String dropSchema(String name);

    /** Drops the index of that name of the table in the shadow schema. */
    abstract String dropTwinIndex(String table, String index);

    TablePolicies policies = TablePolicies.builder()
            .table(TablePolicy.ISOLATED, "orders", "items")
            .table(TablePolicy.REFERENCE, "notes")
            .build();

    @BeforeEach
    void setUp() throws SQLException {
        cleanUp();
        exec("CREATE TABLE orders (" + identityColumn() + " PRIMARY KEY, code VARCHAR(20) NOT NULL,"
                        + " amount DECIMAL(10,2) DEFAULT 0 NOT NULL, note VARCHAR(100), CONSTRAINT orders_code_uk UNIQUE (code))",
                "CREATE TABLE items (order_id BIGINT NOT NULL, line INT NOT NULL, sku VARCHAR(10),"
                        + " PRIMARY KEY (order_id, line), CONSTRAINT items_fk FOREIGN KEY (order_id) REFERENCES orders (id))",
                "CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(20))",
                "INSERT INTO orders (code, amount) VALUES ('prod-1', 5)");
    }

    @AfterEach
    void cleanUp() throws SQLException {
        exec(dropSchema(shadow()));
        for (String t : TABLES) {
            exec("DROP TABLE IF EXISTS " + t);
        }
        logins().revokeTestIdentity();
    }

    ShadowSchema shadowSchema(TablePolicies p) throws SQLException {
        return ShadowSchema.builder(dataSource()).policies(p).shadowSchema(shadow()).testIdentity(testIdentity()).build();
    }

    @Test
    void twinHasProductionColumnsWithSameTypesAndNullabilityPlusTipRunNotNull() throws SQLException {
        shadowSchema(policies).create();

        List<String> prod = columns(productionSchema(), "orders");
        List<String> twin = columns(shadow(), "orders");
        assertThat(prod).hasSize(4);
        assertThat(twin).containsAll(prod);
        assertThat(twin).hasSize(5).anyMatch(c -> c.startsWith("tip_run|") && c.contains("|NO|") && c.contains("|40|"));
        assertThat(columns(shadow(), "items")).containsAll(columns(productionSchema(), "items"));
    }

    @Test
    void twinOfNotIsolatedTableIsNotCreatedAndProductionRowsStay() throws SQLException {
        shadowSchema(policies).create();

        assertThat(columns(shadow(), "notes")).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM orders")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM " + shadow() + ".orders")).isZero();
    }

    @Test
    void uniqueAndPrimaryKeysAreExtendedWithTipRun() throws SQLException {
        shadowSchema(policies).create();
        String insert = "INSERT INTO " + shadow() + ".orders (id, code, amount, tip_run) VALUES (1, 'same', 1, ?)";

        insert(insert, "run-a");
        insert(insert, "run-b");
        assertThat(count("SELECT COUNT(*) FROM " + shadow() + ".orders")).isEqualTo(2);
        assertThatThrownBy(() -> insert(insert, "run-a")).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("23"));
        String code = "INSERT INTO " + shadow() + ".orders (id, code, amount, tip_run) VALUES (?, 'code', 1, 'run-a')";
        exec(code.replace("?", "10"));
        assertThatThrownBy(() -> exec(code.replace("?", "11"))).isInstanceOf(SQLException.class);
    }

    @Test
    void tipRunIsRequiredAndIndexed() throws SQLException {
        shadowSchema(policies).create();

        assertThatThrownBy(() -> exec("INSERT INTO " + shadow() + ".orders (code, amount) VALUES ('x', 1)"))
                .isInstanceOf(SQLException.class);
        assertThat(indexesLeadingWith(shadow(), "orders", "tip_run")).isNotEmpty();
        assertThat(indexesLeadingWith(shadow(), "items", "tip_run")).isNotEmpty();
    }

    @Test
    void identityGeneratesValuesInTheTwin() throws SQLException {
        shadowSchema(policies).create();

        exec("INSERT INTO " + shadow() + ".orders (code, tip_run) VALUES ('t-1', 'run-a')",
                "INSERT INTO " + shadow() + ".orders (code, tip_run) VALUES ('t-2', 'run-a')");
        assertThat(count("SELECT COUNT(DISTINCT id) FROM " + shadow() + ".orders WHERE id IS NOT NULL")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM " + shadow() + ".orders WHERE amount = 0")).isEqualTo(2);
    }

    @Test
    void twinHasNoForeignKeys() throws SQLException {
        shadowSchema(policies).create();

        exec("INSERT INTO " + shadow() + ".items (order_id, line, tip_run) VALUES (999, 1, 'run-a')");
        try (Connection c = dataSource().getConnection();
             ResultSet rs = c.getMetaData().getImportedKeys(catalogOf(shadow()), schemaOf(shadow()),
                     spelled("items"))) {
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void createIsIdempotentAndKeepsTwinRows() throws SQLException {
        ShadowSchema schema = shadowSchema(policies);
        schema.create();
        exec("INSERT INTO " + shadow() + ".orders (code, tip_run) VALUES ('kept', 'run-a')");

        schema.create();

        assertThat(count("SELECT COUNT(*) FROM " + shadow() + ".orders WHERE code = 'kept'")).isEqualTo(1);
        assertThat(TestLogins.check(schema)).isEmpty();
    }

    @Test
    void concurrentCreateFromSeveralInstancesSucceedsOnce() throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                ShadowSchema instance = shadowSchema(policies);
                results.add(pool.submit(() -> {
                    start.await();
                    instance.create();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : results) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(TestLogins.check(shadowSchema(policies))).isEmpty();
    }

    @Test
    void patternsTwinEveryMatchingTableExceptExactNamesOfOtherPolicies() throws SQLException {
        exec("CREATE TABLE audit_a (id INT PRIMARY KEY, v VARCHAR(5))",
                "CREATE TABLE audit_b (id INT, v VARCHAR(5))",
                "CREATE TABLE audit_ref (id INT)");
        TablePolicies p = TablePolicies.builder().table(TablePolicy.REFERENCE, "audit_ref")
                .pattern(TablePolicy.ISOLATED, "audit_*").build();

        shadowSchema(p).create();

        assertThat(columns(shadow(), "audit_a")).hasSize(3);
        assertThat(columns(shadow(), "audit_b")).hasSize(3);
        assertThat(columns(shadow(), "audit_ref")).isEmpty();
        assertThat(columns(shadow(), "orders")).isEmpty();
        assertThat(TestLogins.check(shadowSchema(p))).isEmpty();
    }

    @Test
    void checkReportsMissingShadowSchemaTwinAndProductionTable() throws SQLException {
        TablePolicies p = TablePolicies.builder().table(TablePolicy.ISOLATED, "orders", "items", "ghosts").build();

        List<SchemaProblem> before = TestLogins.check(shadowSchema(p));
        assertThat(before).anySatisfy(pr -> {
            assertThat(pr.table()).isEqualToIgnoringCase("orders");
            assertThat(pr.problem()).contains("shadow schema " + shadow() + " does not exist");
            assertThat(pr.fix()).contains("ShadowSchema.create()").contains("TipCommand shadow create");
        });
        assertThat(before).anySatisfy(pr -> {
            assertThat(pr.table()).isEqualTo("ghosts");
            assertThat(pr.column()).isNull();
            assertThat(pr.problem()).startsWith("table 'ghosts' does not exist in schema ");
            assertThat(pr.fix()).isEqualTo("create it or remove it from the policies");
        });

        shadowSchema(p).create();
        exec("DROP TABLE " + shadow() + ".items");
        List<SchemaProblem> after = TestLogins.check(shadowSchema(p));
        // MariaDB keeps a dropped table's grants: the identity check reports the dropped twin's as excess
        assertThat(after).filteredOn(pr -> !pr.problem().startsWith("test identity ")).hasSize(2);
        assertThat(after).anySatisfy(pr -> {
            assertThat(pr.table()).isEqualToIgnoringCase("items");
            assertThat(pr.column()).isNull();
            assertThat(pr.problem()).startsWith("shadow twin ").endsWith(" does not exist");
        });
    }

    @Test
    void checkReportsColumnDriftOnEitherSideByTableAndColumn() throws SQLException {
        ShadowSchema schema = shadowSchema(policies);
        schema.create();
        exec("ALTER TABLE orders ADD COLUMN added_in_prod INT",
                "ALTER TABLE " + shadow() + ".orders ADD COLUMN added_in_twin INT",
                alterType(shadow() + ".orders", "note", "VARCHAR(50)"),
                "UPDATE orders SET note = 'n'",
                setNotNull("orders", "note", "VARCHAR(100)"),
                "ALTER TABLE orders ALTER COLUMN amount SET DEFAULT 7");

        List<SchemaProblem> problems = TestLogins.check(schema);

        assertThat(problems).extracting(pr -> pr.table().toLowerCase(Locale.ROOT) + "."
                        + pr.column().toLowerCase(Locale.ROOT))
                .containsExactlyInAnyOrder("orders.added_in_prod", "orders.added_in_twin", "orders.note", "orders.note",
                        "orders.amount");
        assertThat(problems).anySatisfy(pr -> assertThat(pr.problem()).startsWith("default differs").contains("7"));
        assertThat(problems).anySatisfy(pr -> assertThat(pr.problem()).startsWith("column is missing in the twin"));
        assertThat(problems).anySatisfy(pr -> assertThat(pr.problem()).contains("but not in production"));
        assertThat(problems).anySatisfy(pr -> assertThat(pr.problem()).startsWith("type differs")
                .contains("100").contains("50"));
        assertThat(problems).anySatisfy(pr -> assertThat(pr.problem())
                .isEqualTo("nullability differs: production NOT NULL, twin NULL"));
    }

    @Test
    void checkReportsKeysNotExtendedAndMissingRunIndex() throws SQLException {
        ShadowSchema schema = shadowSchema(policies);
        schema.create();
        exec("ALTER TABLE orders ADD CONSTRAINT orders_note_uk UNIQUE (note)",
                "ALTER TABLE " + shadow() + ".items ADD CONSTRAINT items_sku_uk UNIQUE (sku)",
                dropRunIndexOfOrders());

        List<SchemaProblem> problems = TestLogins.check(schema);

        assertThat(problems).anySatisfy(pr -> {
            assertThat(pr.table()).isEqualToIgnoringCase("orders");
            assertThat(pr.column()).isEqualToIgnoringCase("note");
            assertThat(pr.problem()).contains("has no counterpart").contains("tip_run");
        });
        assertThat(problems).anySatisfy(pr -> {
            assertThat(pr.table()).isEqualToIgnoringCase("items");
            assertThat(pr.column()).isEqualToIgnoringCase("sku");
            assertThat(pr.problem()).contains("does not include tip_run");
        });
        assertThat(problems).anySatisfy(pr -> {
            assertThat(pr.table()).isEqualToIgnoringCase("orders");
            assertThat(pr.column()).isEqualTo("tip_run");
            assertThat(pr.problem()).contains("no index on tip_run");
        });
        assertThat(problems).hasSize(3);
    }

    @Test
    void checkReportsTwinWithoutTipRun() throws SQLException {
        TablePolicies p = TablePolicies.builder().table(TablePolicy.ISOLATED, "notes").build();
        shadowSchema(TablePolicies.builder().build()).create();
        exec("CREATE TABLE " + shadow() + ".notes (id INT NOT NULL, body VARCHAR(20))");

        List<SchemaProblem> problems = TestLogins.check(shadowSchema(p));

        assertThat(problems).anySatisfy(pr -> {
            assertThat(pr.table()).isEqualToIgnoringCase("notes");
            assertThat(pr.column()).isEqualTo("tip_run");
            assertThat(pr.problem()).contains("has no tip_run column");
        });
    }

    @Test
    void checkConstraintsOfProductionHoldInTheTwin() throws SQLException {
        exec("CREATE TABLE audit_a (id INT PRIMARY KEY, qty INT CHECK (qty > 0), v VARCHAR(5),"
                + " CONSTRAINT audit_a_qty_max CHECK (qty < 100 AND v <> 'bad'))");
        TablePolicies p = TablePolicies.builder().table(TablePolicy.ISOLATED, "audit_a").build();

        shadowSchema(p).create();

        assertThat(checkConstraints(shadow(), "audit_a")).isEqualTo(checkConstraints(productionSchema(), "audit_a"))
                .isEqualTo(2);
        String insert = "INSERT INTO " + shadow() + ".audit_a (id, qty, v, tip_run) VALUES ";
        exec(insert + "(1, 5, 'ok', 'run-a')");
        assertThatThrownBy(() -> exec(insert + "(2, 0, 'ok', 'run-a')")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> exec(insert + "(3, 100, 'ok', 'run-a')")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> exec(insert + "(4, 5, 'bad', 'run-a')")).isInstanceOf(SQLException.class);
        assertThat(count("SELECT COUNT(*) FROM " + shadow() + ".audit_a")).isEqualTo(1);
        assertThat(TestLogins.check(shadowSchema(p))).isEmpty();
    }

    @Test
    void nonUniqueIndexesAreReproducedUnderTheirNamesWithTipRunFirst() throws SQLException {
        String longName = "orders_amount_code_" + "x".repeat(63 - "orders_amount_code_".length());
        exec("CREATE INDEX orders_note_idx ON orders (note)", "CREATE INDEX " + longName + " ON orders (amount, code)");

        shadowSchema(policies).create();

        Map<String, List<String>> twin = indexColumns(shadow(), "orders");
        assertThat(twin).containsEntry("orders_note_idx", List.of("tip_run", "note"))
                .containsEntry(longName, List.of("tip_run", "amount", "code"));
        assertThat(twin.values()).noneMatch(cols -> cols.get(0).equals("note") || cols.get(0).equals("amount"));
        assertThat(indexColumns(productionSchema(), "orders")).containsEntry("orders_note_idx", List.of("note"));
        exec("INSERT INTO " + shadow() + ".orders (code, note, tip_run) VALUES ('t-1', 'n', 'run-a')");
        assertThat(count("SELECT COUNT(*) FROM " + shadow() + ".orders WHERE tip_run = 'run-a' AND note = 'n'"))
                .isEqualTo(1);
        assertThat(TestLogins.check(shadowSchema(policies))).isEmpty();
    }

    @Test
    void missingTwinIndexIsAWarningWithAFixThatWorks() throws SQLException {
        exec("CREATE INDEX orders_note_idx ON orders (note)");
        ShadowSchema schema = shadowSchema(policies);
        schema.create();
        exec(dropTwinIndex("orders", spelledIndex("orders_note_idx")));

        List<SchemaProblem> problems = TestLogins.check(schema);

        assertThat(problems).singleElement().satisfies(pr -> {
            assertThat(pr.severity()).isEqualTo(SchemaProblem.Severity.WARNING);
            assertThat(pr.table()).isEqualToIgnoringCase("orders");
            assertThat(pr.problem()).containsIgnoringCase("index orders_note_idx").contains("scan the twin");
            assertThat(pr.fix()).startsWith("run CREATE INDEX ").containsIgnoringCase("orders_note_idx");
            assertThat(pr.toString()).startsWith("warning: ");
        });
        assertThat(TipDataSource.wrap(dataSource()).policies(policies).shadowSchema(shadow())
                .testConnections(testIdentity()).build()).isNotNull();
        exec(problems.get(0).fix().substring("run ".length()));
        assertThat(indexColumns(shadow(), "orders")).containsEntry("orders_note_idx", List.of("tip_run", "note"));
        assertThat(TestLogins.check(schema)).isEmpty();
    }

    @Test
    void failedCreationNamesTableAndStatementLeavesNoTwinAndARerunCompletes() throws SQLException {
        exec("CREATE TABLE audit_a (id INT PRIMARY KEY, tip_run VARCHAR(10))",
                "INSERT INTO audit_a (id, tip_run) VALUES (1, 'prod')");
        TablePolicies p = TablePolicies.builder().table(TablePolicy.ISOLATED, "orders", "audit_a").build();
        ShadowSchema schema = shadowSchema(p);
        List<String> productionColumns = columns(productionSchema(), "audit_a");

        assertThatThrownBy(schema::create).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("shadow twin " + shadow() + ".audit_a")
                        .contains("failed: ALTER TABLE ").contains("ADD COLUMN tip_run VARCHAR(40) NOT NULL")
                        .contains("create again"));

        assertThat(columns(shadow(), "audit_a")).isEmpty();
        assertThat(columns(productionSchema(), "audit_a")).isEqualTo(productionColumns);
        assertThat(count("SELECT COUNT(*) FROM audit_a WHERE tip_run = 'prod'")).isEqualTo(1);
        exec("ALTER TABLE audit_a DROP COLUMN tip_run");
        schema.create();
        assertThat(columns(shadow(), "audit_a")).hasSize(2);
        assertThat(TestLogins.check(schema)).isEmpty();
    }

    // --- reading the database directly ---

    String productionSchema() throws SQLException {
        try (Connection c = dataSource().getConnection()) {
            String s = c.getSchema();
            return s != null ? s : c.getCatalog();
        }
    }

    /** Twin name spelling: the production table's own spelling. */
    String spelled(String table) throws SQLException {
        try (Connection c = dataSource().getConnection()) {
            return c.getMetaData().storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        }
    }

    String catalogOf(String schema) throws SQLException {
        return isMariaDb() ? schema : null;
    }

    String schemaOf(String schema) throws SQLException {
        return isMariaDb() ? null : spelled(schema);
    }

    boolean isMariaDb() throws SQLException {
        try (Connection c = dataSource().getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("maria");
        }
    }

    /** name|type|nullable|length|precision|scale of each column, from information_schema. */
    List<String> columns(String schema, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT column_name, data_type, is_nullable,"
                     + " character_maximum_length, numeric_precision, numeric_scale FROM information_schema.columns"
                     + " WHERE LOWER(table_schema) = ? AND LOWER(table_name) = ? ORDER BY ordinal_position")) {
            ps.setString(1, schema.toLowerCase(Locale.ROOT));
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1).toLowerCase(Locale.ROOT) + "|" + rs.getString(2) + "|" + rs.getString(3)
                            + "|" + rs.getString(4) + "|" + rs.getString(5) + "|" + rs.getString(6));
                }
            }
        }
        return out;
    }

    List<String> indexesLeadingWith(String schema, String table, String column) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource().getConnection();
             ResultSet rs = c.getMetaData().getIndexInfo(catalogOf(schema), schemaOf(schema), spelled(table),
                     false, false)) {
            while (rs.next()) {
                if (rs.getInt("ORDINAL_POSITION") == 1 && column.equalsIgnoreCase(rs.getString("COLUMN_NAME"))) {
                    out.add(rs.getString("INDEX_NAME"));
                }
            }
        }
        return out;
    }

    /** Index name spelling: as an unquoted name folds. */
    String spelledIndex(String index) throws SQLException {
        return spelled(index);
    }

    /** The columns of each index of the table in key order, keyed by index name, all lower-cased. */
    Map<String, List<String>> indexColumns(String schema, String table) throws SQLException {
        Map<String, Map<Integer, String>> byName = new TreeMap<>();
        try (Connection c = dataSource().getConnection();
             ResultSet rs = c.getMetaData().getIndexInfo(catalogOf(schema), schemaOf(schema), spelled(table),
                     false, false)) {
            while (rs.next()) {
                if (rs.getString("INDEX_NAME") != null) {
                    byName.computeIfAbsent(rs.getString("INDEX_NAME").toLowerCase(Locale.ROOT), n -> new TreeMap<>())
                            .put((int) rs.getShort("ORDINAL_POSITION"), rs.getString("COLUMN_NAME")
                                    .toLowerCase(Locale.ROOT));
                }
            }
        }
        Map<String, List<String>> out = new TreeMap<>();
        byName.forEach((name, cols) -> out.put(name, List.copyOf(cols.values())));
        return out;
    }

    /** How many CHECK constraints the table has (PostgreSQL's NOT NULL checks not counted). */
    long checkConstraints(String schema, String table) throws SQLException {
        try (Connection c = dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM information_schema.table_constraints"
                     + " WHERE constraint_type = 'CHECK' AND LOWER(table_schema) = ? AND LOWER(table_name) = ?"
                     + " AND constraint_name NOT LIKE '%_not_null'")) {
            ps.setString(1, schema.toLowerCase(Locale.ROOT));
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    void exec(String... sql) throws SQLException {
        ShadowTestDatabases.execute(dataSource(), sql);
    }

    void insert(String sql, String run) throws SQLException {
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, run);
            ps.executeUpdate();
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
