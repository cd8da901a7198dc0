package io.tipdata.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One test database: a production schema with the test tables and a shadow schema with their twins, over a
 * HikariCP pool, plus direct reads that bypass tip-data. Each test class names its own schemas.
 *
 * <p>Logins: on PostgreSQL and MariaDB the production pool {@link #raw} logs in as a non-superuser owner of
 * the production and shadow schemas, and {@link #testPool} as the test identity (each made by the shared fixture
 * {@link TestLogins}, named after the schema, dropped at {@link #close()}); on H2 production is
 * the admin {@code sa} and the test identity a plain user. {@link #createTables()} grants the identity its
 * privileges through {@link ShadowSchema}.
 *
 * <p>Tables: {@code orders} and {@code order_items} (isolated), {@code countries} (reference),
 * {@code audit} (denied), {@code secrets} (not declared).
 */
abstract class TestDatabase implements AutoCloseable {

    static final String[] TABLES = {"orders", "order_items", "countries", "audit", "secrets"};
    static final String[] ISOLATED = {"orders", "order_items"};

    static final String PASSWORD = TestLogins.PASSWORD;

    final String shadow;
    HikariDataSource raw;
    HikariDataSource testPool;
    /** The logins on PostgreSQL and MariaDB, made and dropped by the shared fixture. */
    TestLogins logins;

    TestDatabase(String shadow) {
        this.shadow = shadow;
    }

    static TestDatabase h2() {
        return new H2("tip_shadow");
    }

    static TestDatabase postgres(String name) {
        return new Postgres(name);
    }

    /** PostgreSQL with twins partitioned by run ({@code ShadowSchema.Builder.partitionByRun(true)}). */
    static TestDatabase postgresPartitioned(String name) {
        Postgres pg = new Postgres(name);
        pg.partitionByRun = true;
        return pg;
    }

    static TestDatabase mariadb(String name) {
        return new MariaDb(name);
    }

    abstract Dialect dialect();

    /** Creates fresh schemas and the pool over the production one. */
    abstract void open() throws SQLException;

    /** The production schema as the database spells it. */
    abstract String productionSchema();

    /** The identifier column type clause of {@code orders.id}. */
    abstract String identity();

    /** Quotes an identifier. */
    String quote(String name) {
        return "\"" + name + "\"";
    }

    /** The name an unquoted identifier takes. */
    String spell(String name) {
        return name;
    }

    /** Creates the tables, the twins (through ShadowSchema) and seeds reference rows. */
    void createTables() throws SQLException {
        exec("CREATE TABLE orders (id " + identity() + " PRIMARY KEY, customer VARCHAR(50) NOT NULL,"
                + " amount INT NOT NULL)");
        exec("CREATE TABLE order_items (order_id BIGINT NOT NULL, sku VARCHAR(20) NOT NULL, qty INT NOT NULL,"
                + " PRIMARY KEY (order_id, sku))");
        exec("CREATE TABLE countries (code VARCHAR(2) PRIMARY KEY, name VARCHAR(50) NOT NULL)");
        exec("CREATE TABLE audit (id INT PRIMARY KEY, note VARCHAR(50))");
        exec("CREATE TABLE secrets (id INT PRIMARY KEY, note VARCHAR(50))");
        grantTestIdentity();
    }

    /** Creates the twins and grants the test identity its privileges. */
    void grantTestIdentity() throws SQLException {
        shadowSchema().create();
    }

    /** The shadow schema of these tables, with the test identity. */
    ShadowSchema shadowSchema() {
        return ShadowSchema.builder(raw).policies(policies()).shadowSchema(shadow).testIdentity(testPool).build();
    }

    /** The production login as an administrator's connection, for what neither pool may do. */
    abstract Connection admin() throws SQLException;

    TablePolicies policies() {
        return TablePolicies.builder().table(TablePolicy.ISOLATED, ISOLATED)
                .table(TablePolicy.REFERENCE, "countries").table(TablePolicy.DENIED, "audit").build();
    }

    /** Deletes every row everywhere and seeds the reference and production rows every test starts from. */
    void reset() throws SQLException {
        for (String t : TABLES) {
            exec("DELETE FROM " + t);
        }
        for (String t : ISOLATED) {
            exec("DELETE FROM " + shadow + "." + t);
        }
        exec("INSERT INTO countries (code, name) VALUES ('de', 'Germany'), ('fr', 'France')");
        exec("INSERT INTO audit (id, note) VALUES (1, 'boot')");
        exec("INSERT INTO secrets (id, note) VALUES (1, 'do not read')");
    }

    void exec(String sql) throws SQLException {
        try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Rows of a query read directly, each row as its columns joined by '|'. */
    List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = raw.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    b.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(b.toString());
            }
        }
        return out;
    }

    long count(String sql) throws SQLException {
        return Long.parseLong(rows("SELECT COUNT(*) FROM (" + sql + ") c").get(0));
    }

    /** Every row of every production table and twin, sorted: equal snapshots mean nothing changed. */
    String snapshot() throws SQLException {
        StringBuilder b = new StringBuilder();
        for (String t : TABLES) {
            b.append(t).append(rows("SELECT * FROM " + t + " ORDER BY 1, 2")).append('\n');
        }
        for (String t : ISOLATED) {
            b.append(shadow).append('.').append(t).append(rows("SELECT * FROM " + shadow + "." + t + " ORDER BY 1, 2"))
                    .append('\n');
        }
        b.append(rows(listTables()));
        return b.toString();
    }

    /** A query listing the tables of both schemas, to see DDL. */
    abstract String listTables();

    HikariDataSource pool(String url, String user, String password) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        cfg.setUsername(user);
        cfg.setPassword(password);
        cfg.setMaximumPoolSize(8);
        cfg.setPoolName("tip-test-" + user);
        cfg.setInitializationFailTimeout(-1);
        return new HikariDataSource(cfg);
    }

    @Override
    public void close() {
        if (testPool != null) {
            testPool.close();
        }
        if (raw != null) {
            raw.close();
        }
    }

    static final class H2 extends TestDatabase {
        private final String db = "tip_" + UUID.randomUUID().toString().replace("-", "");

        H2(String shadow) {
            super(shadow);
        }

        @Override
        Dialect dialect() {
            return Dialect.H2;
        }

        @Override
        void open() throws SQLException {
            raw = pool("jdbc:h2:mem:" + db + ";DB_CLOSE_DELAY=-1", "sa", "");
            exec("CREATE USER tip_test PASSWORD '" + PASSWORD + "'");
            testPool = pool("jdbc:h2:mem:" + db, "tip_test", PASSWORD);
        }

        @Override
        Connection admin() throws SQLException {
            return raw.getConnection();
        }

        @Override
        String productionSchema() {
            return "PUBLIC";
        }

        @Override
        String spell(String name) {
            return name.toUpperCase(java.util.Locale.ROOT);
        }

        @Override
        String identity() {
            return "BIGINT GENERATED BY DEFAULT AS IDENTITY";
        }

        @Override
        String listTables() {
            return "SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema IN ('PUBLIC', '"
                    + spell(shadow) + "') ORDER BY 1, 2";
        }

        @Override
        public void close() {
            try {
                exec("SHUTDOWN");
            } catch (SQLException ignored) {
                // the pool is closed next anyway
            }
            super.close();
        }
    }

    static final class Postgres extends TestDatabase {
        private final String schema;
        private final String url = TestServers.PG_URL;
        boolean partitionByRun;

        @Override
        ShadowSchema shadowSchema() {
            return ShadowSchema.builder(raw).policies(policies()).shadowSchema(shadow).testIdentity(testPool)
                    .partitionByRun(partitionByRun).build();
        }

        /** Also drops the run partitions of partitioned twins, DEFAULT kept. */
        @Override
        void reset() throws SQLException {
            super.reset();
            for (String p : rows("SELECT c.oid::regclass::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                    + " JOIN pg_class t ON t.oid = i.inhparent JOIN pg_namespace n ON n.oid = t.relnamespace"
                    + " WHERE n.nspname = '" + shadow + "' AND c.relkind = 'r' AND NOT EXISTS (SELECT 1 FROM"
                    + " pg_partitioned_table p WHERE p.partdefid = c.oid)")) {
                exec("DROP TABLE " + p);
            }
        }

        Postgres(String name) {
            super(name + "_shadow");
            this.schema = name;
        }

        @Override
        Dialect dialect() {
            return Dialect.POSTGRESQL;
        }

        @Override
        void open() throws SQLException {
            logins = TestLogins.postgres(schema, shadow);
            raw = pool(logins.url(), owner(), PASSWORD);
            testPool = pool(logins.url(), testLogin(), PASSWORD);
        }

        String owner() {
            return logins.owner();
        }

        String testLogin() {
            return logins.testLogin();
        }

        @Override
        Connection admin() throws SQLException {
            return DriverManager.getConnection(url, TestServers.PG_USER, TestServers.PG_PASSWORD);
        }

        @Override
        String productionSchema() {
            return schema;
        }

        @Override
        String identity() {
            return "BIGINT GENERATED BY DEFAULT AS IDENTITY";
        }

        @Override
        String listTables() {
            return "SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema IN ('" + schema
                    + "', '" + shadow + "') ORDER BY 1, 2";
        }

        @Override
        public void close() {
            super.close();
            try {
                if (logins != null) {
                    logins.close();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop the test schemas " + schema + ", " + shadow, e);
            }
        }
    }

    static final class MariaDb extends TestDatabase {
        private final String database;
        private final String url = TestServers.MARIADB_URL;

        MariaDb(String name) {
            super(name + "_shadow");
            this.database = name;
        }

        @Override
        Dialect dialect() {
            return Dialect.MARIADB;
        }

        @Override
        void open() throws SQLException {
            logins = TestLogins.mariadb(database, shadow);
            String at = logins.url();
            raw = pool(at, owner(), PASSWORD);
            testPool = pool(at, testLogin(), PASSWORD);
        }

        String owner() {
            return logins.owner();
        }

        /** Grants each account of the test login, which cannot connect to its database before. */
        @Override
        void grantTestIdentity() throws SQLException {
            for (String host : TestLogins.MARIADB_HOSTS) {
                ShadowSchema.builder(raw).policies(policies()).shadowSchema(shadow)
                        .testLogin(testLogin() + "@" + host).build().create();
            }
        }

        String testLogin() {
            return logins.testLogin();
        }

        @Override
        Connection admin() throws SQLException {
            return DriverManager.getConnection(url, TestServers.MARIADB_USER, TestServers.MARIADB_PASSWORD);
        }

        @Override
        String productionSchema() {
            return database;
        }

        @Override
        String quote(String name) {
            return "`" + name + "`";
        }

        @Override
        String identity() {
            return "BIGINT AUTO_INCREMENT";
        }

        @Override
        String listTables() {
            return "SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema IN ('" + database
                    + "', '" + shadow + "') ORDER BY 1, 2";
        }

        @Override
        public void close() {
            super.close();
            try {
                if (logins != null) {
                    logins.close();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop the test databases " + database + ", " + shadow, e);
            }
        }
    }
}
