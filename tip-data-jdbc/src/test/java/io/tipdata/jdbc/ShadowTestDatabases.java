package io.tipdata.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Data sources for the shadow schema and run registry tests, each on its own production schema (a
 * database on MariaDB) so test classes never share tables.
 */
final class ShadowTestDatabases {

    static final String PG_URL = TestServers.PG_URL;
    static final String MARIADB_URL = TestServers.MARIADB_URL;

    private ShadowTestDatabases() {
    }

    /** An in-memory H2 database of that name, kept until the JVM ends; production schema PUBLIC. */
    static DataSource h2(String name) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    /** PostgreSQL with {@code schema} as current schema; the schema is created if missing. */
    static DataSource postgres(String schema) throws SQLException {
        PGSimpleDataSource base = new PGSimpleDataSource();
        base.setURL(PG_URL);
        base.setUser(TestServers.PG_USER);
        base.setPassword(TestServers.PG_PASSWORD);
        execute(base, "CREATE SCHEMA IF NOT EXISTS " + schema);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(PG_URL);
        ds.setUser(base.getUser());
        ds.setPassword(base.getPassword());
        ds.setCurrentSchema(schema);
        return ds;
    }

    /** MariaDB connected to {@code database}, which is created if missing. */
    static DataSource mariadb(String database) throws SQLException {
        MariaDbDataSource base = new MariaDbDataSource(MARIADB_URL);
        base.setUser(TestServers.MARIADB_USER);
        base.setPassword(TestServers.MARIADB_PASSWORD);
        execute(base, "CREATE DATABASE IF NOT EXISTS " + database);
        MariaDbDataSource ds = new MariaDbDataSource(withDatabase(MARIADB_URL, database));
        ds.setUser(TestServers.MARIADB_USER);
        ds.setPassword(TestServers.MARIADB_PASSWORD);
        return ds;
    }

    /** PostgreSQL's test database as configured, to create and drop other databases from. */
    static DataSource postgresServer() {
        PGSimpleDataSource base = new PGSimpleDataSource();
        base.setURL(PG_URL);
        base.setUser(TestServers.PG_USER);
        base.setPassword(TestServers.PG_PASSWORD);
        return base;
    }

    /** PostgreSQL connected to another database of the same server (schema public). */
    static DataSource postgresDatabase(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(withDatabase(PG_URL, database));
        ds.setUser(TestServers.PG_USER);
        ds.setPassword(TestServers.PG_PASSWORD);
        return ds;
    }

    /** Drops a PostgreSQL schema made by {@link #postgres(String)}, with everything in it. */
    static void dropPostgres(String schema) throws SQLException {
        PGSimpleDataSource base = new PGSimpleDataSource();
        base.setURL(PG_URL);
        base.setUser(TestServers.PG_USER);
        base.setPassword(TestServers.PG_PASSWORD);
        execute(base, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    /** Drops a MariaDB database made by {@link #mariadb(String)}. */
    static void dropMariaDb(String database) throws SQLException {
        MariaDbDataSource base = new MariaDbDataSource(MARIADB_URL);
        base.setUser(TestServers.MARIADB_USER);
        base.setPassword(TestServers.MARIADB_PASSWORD);
        execute(base, "DROP DATABASE IF EXISTS " + database);
    }

    /** The JDBC URL with its database replaced. */
    static String withDatabase(String url, String database) {
        int q = url.indexOf('?');
        String head = q < 0 ? url : url.substring(0, q);
        String tail = q < 0 ? "" : url.substring(q);
        int slash = head.indexOf('/', head.indexOf("//") + 2);
        return (slash < 0 ? head : head.substring(0, slash)) + "/" + database + tail;
    }

    static void execute(DataSource ds, String... sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }
}
