package io.tipdata.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The two logins every database test uses: a production owner that is not a superuser and a test identity that
 * starts with no privilege at all (the twins' grants are {@link ShadowSchema}'s to give). Only this fixture uses
 * {@link TestServers}' administrator login, to create the logins and what they own and to drop it all again at
 * {@link #close()}; tests work as the owner.
 *
 * <ul>
 *   <li>PostgreSQL, {@link #postgres}: roles {@code <schema>_owner} (owner of the production schema, with
 *       {@code CREATE} on the database so it can make shadow schemas) and {@code <schema>_test}; or, with
 *       {@link #postgresDatabase}, a database of its own owned by {@code <database>_owner}.</li>
 *   <li>MariaDB, {@link #mariadb}: users {@code <database>_owner} (every privilege on the production database and
 *       on the named shadow databases, with grant option) and {@code <database>_test}, each for host {@code %}
 *       and {@code localhost} (an anonymous {@code ''@localhost} would shadow {@code %}). The test identity may
 *       not enter the production database before it has grants, so its connections start there only once they
 *       may; until then they have no default database ({@code ShadowSchema} only asks them who they are).</li>
 *   <li>H2, {@link #h2}: production is the database's admin {@code sa} (H2 lets only admins create schemas) and
 *       the test identity the plain user {@code tip_test}.</li>
 * </ul>
 */
public final class TestLogins implements AutoCloseable {

    /** The password of every login made here. */
    public static final String PASSWORD = "tip-test-pw";

    /** MariaDB accounts are made for both host forms. */
    static final List<String> MARIADB_HOSTS = List.of("%", "localhost");

    private final Dialect dialect;
    private final String owner;
    private final String test;
    private final String url;
    private final DataSource production;
    private final DataSource testIdentity;
    private final Cleanup cleanup;

    private TestLogins(Dialect dialect, String owner, String test, String url, DataSource production,
                       DataSource testIdentity, Cleanup cleanup) {
        this.dialect = dialect;
        this.owner = owner;
        this.test = test;
        this.url = url;
        this.production = production;
        this.testIdentity = testIdentity;
        this.cleanup = cleanup;
    }

    /** PostgreSQL: schema {@code schema} owned by {@code <schema>_owner}; the shadow schemas are dropped at close. */
    public static TestLogins postgres(String schema, String... shadows) throws SQLException {
        String owner = schema + "_owner";
        String test = schema + "_test";
        Cleanup cleanup = admin -> {
            for (String s : concat(schema, shadows)) {
                admin.execute("DROP SCHEMA IF EXISTS " + s + " CASCADE");
            }
            dropPgRoles(admin, test, owner);
        };
        try (Connection c = pgAdmin(TestServers.PG_URL); Statement s = c.createStatement()) {
            cleanup.run(s);
            createPgRoles(s, owner, test);
            s.execute("GRANT CREATE ON DATABASE \"" + currentDatabase(s) + "\" TO " + owner);
            s.execute("CREATE SCHEMA " + schema + " AUTHORIZATION " + owner);
        }
        String at = TestServers.PG_URL + (TestServers.PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestLogins(Dialect.POSTGRESQL, owner, test, at, pg(at, owner), pg(at, test),
                s -> withPgAdmin(TestServers.PG_URL, cleanup, s));
    }

    /** PostgreSQL: a database {@code database} of the same server, owned by {@code <database>_owner}. */
    public static TestLogins postgresDatabase(String database) throws SQLException {
        String owner = database + "_owner";
        String test = database + "_test";
        Cleanup cleanup = admin -> {
            admin.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            dropPgRoles(admin, test, owner);
        };
        try (Connection c = pgAdmin(TestServers.PG_URL); Statement s = c.createStatement()) {
            cleanup.run(s);
            createPgRoles(s, owner, test);
            s.execute("CREATE DATABASE " + database + " OWNER " + owner);
        }
        String at = ShadowTestDatabases.withDatabase(TestServers.PG_URL, database);
        return new TestLogins(Dialect.POSTGRESQL, owner, test, at, pg(at, owner), pg(at, test),
                s -> withPgAdmin(TestServers.PG_URL, cleanup, s));
    }

    /** MariaDB: database {@code database} and, to be created by the owner, the shadow databases named. */
    public static TestLogins mariadb(String database, String... shadows) throws SQLException {
        String owner = database + "_owner";
        String test = database + "_test";
        Cleanup cleanup = admin -> {
            for (String d : concat(database, shadows)) {
                admin.execute("DROP DATABASE IF EXISTS " + d);
            }
            for (String host : MARIADB_HOSTS) {
                admin.execute("DROP USER IF EXISTS " + owner + "@'" + host + "'");
                admin.execute("DROP USER IF EXISTS " + test + "@'" + host + "'");
            }
        };
        try (Connection c = mariaAdmin(); Statement s = c.createStatement()) {
            cleanup.run(s);
            s.execute("CREATE DATABASE " + database);
            for (String host : MARIADB_HOSTS) {
                s.execute("CREATE USER " + owner + "@'" + host + "' IDENTIFIED BY '" + PASSWORD + "'");
                for (String d : concat(database, shadows)) {
                    s.execute("GRANT ALL PRIVILEGES ON `" + d + "`.* TO " + owner + "@'" + host + "' WITH GRANT OPTION");
                }
                s.execute("CREATE USER " + test + "@'" + host + "' IDENTIFIED BY '" + PASSWORD + "'");
            }
        }
        String at = ShadowTestDatabases.withDatabase(TestServers.MARIADB_URL, database);
        return new TestLogins(Dialect.MARIADB, owner, test, at, maria(at, owner),
                new MariaDbTestIdentity(maria(ShadowTestDatabases.withDatabase(TestServers.MARIADB_URL, ""), test),
                        database), s -> {
                    try (Connection c = mariaAdmin(); Statement st = c.createStatement()) {
                        cleanup.run(st);
                    }
                });
    }

    /** H2: an in-memory database of that name, kept until the JVM ends; production {@code sa}, test {@code tip_test}. */
    public static TestLogins h2(String name) throws SQLException {
        String at = "jdbc:h2:mem:" + name;
        DataSource production = h2(at + ";DB_CLOSE_DELAY=-1", "sa", "");
        try (Connection c = production.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE USER IF NOT EXISTS tip_test PASSWORD '" + PASSWORD + "'");
        }
        return new TestLogins(Dialect.H2, "sa", "tip_test", at, production, h2(at, "tip_test", PASSWORD), s -> { });
    }

    /** {@link #h2(String)} for a static field. */
    public static TestLogins h2Unchecked(String name) {
        try {
            return h2(name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the H2 test identity in " + name, e);
        }
    }

    /**
     * {@link ShadowSchema#check()} without the warnings about what the server grants every user (Debian's MariaDB
     * grants all of them the databases {@code test} and {@code test_%}), which no test may take away.
     */
    public static List<SchemaProblem> check(ShadowSchema schema) throws SQLException {
        return own(schema.check());
    }

    /** The problems without those about what the server grants every user, as {@link #check(ShadowSchema)}. */
    public static List<SchemaProblem> own(List<SchemaProblem> problems) {
        return problems.stream().filter(p -> p.isError()
                || !p.problem().contains("which are neither the production nor the shadow database")).toList();
    }

    /** The production login's data source (its default schema the production schema). */
    public DataSource production() {
        return production;
    }

    /** The test identity's data source, to give {@code ShadowSchema.testIdentity} and {@code testConnections}. */
    public DataSource testIdentity() {
        return testIdentity;
    }

    /** The production login's name. */
    public String owner() {
        return owner;
    }

    /** The test identity's login name. */
    public String testLogin() {
        return test;
    }

    /** The JDBC URL both logins use. */
    public String url() {
        return url;
    }

    /** The database. */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * Takes every privilege from the test identity (the fixture's administrator does it: MariaDB keeps a table's
     * grants when the table is dropped, so a test that drops its tables would otherwise leave them to the next).
     */
    public void revokeTestIdentity() throws SQLException {
        switch (dialect) {
            case POSTGRESQL -> {
                try (Connection c = pgAdmin(url); Statement s = c.createStatement()) {
                    s.execute("DROP OWNED BY " + test);
                }
            }
            case MARIADB -> {
                try (Connection c = mariaAdmin(); Statement s = c.createStatement()) {
                    for (String host : MARIADB_HOSTS) {
                        s.execute("REVOKE ALL PRIVILEGES, GRANT OPTION FROM " + test + "@'" + host + "'");
                    }
                }
            }
            case H2 -> {
                // H2 drops a table's rights with the table
            }
        }
    }

    /** Drops the logins and everything they own. */
    @Override
    public void close() throws SQLException {
        cleanup.run(null);
    }

    private interface Cleanup {
        void run(Statement admin) throws SQLException;
    }

    private static List<String> concat(String first, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all;
    }

    private static void withPgAdmin(String url, Cleanup cleanup, Statement ignored) throws SQLException {
        try (Connection c = pgAdmin(url); Statement s = c.createStatement()) {
            cleanup.run(s);
        }
    }

    private static void createPgRoles(Statement s, String owner, String test) throws SQLException {
        s.execute("CREATE ROLE " + owner + " LOGIN PASSWORD '" + PASSWORD + "'");
        s.execute("CREATE ROLE " + test + " LOGIN PASSWORD '" + PASSWORD + "'");
    }

    /** Drops the roles with what they own and every privilege granted to them in this database. */
    private static void dropPgRoles(Statement s, String... roles) throws SQLException {
        for (String role : roles) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
                if (!rs.next()) {
                    continue;
                }
            }
            s.execute("DROP OWNED BY " + role + " CASCADE");
            s.execute("DROP ROLE " + role);
        }
    }

    private static String currentDatabase(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Connection pgAdmin(String url) throws SQLException {
        return DriverManager.getConnection(url, TestServers.PG_USER, TestServers.PG_PASSWORD);
    }

    private static Connection mariaAdmin() throws SQLException {
        return DriverManager.getConnection(TestServers.MARIADB_URL, TestServers.MARIADB_USER,
                TestServers.MARIADB_PASSWORD);
    }

    private static DataSource pg(String url, String user) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(user);
        ds.setPassword(PASSWORD);
        return ds;
    }

    private static MariaDbDataSource maria(String url, String user) throws SQLException {
        MariaDbDataSource ds = new MariaDbDataSource(url);
        ds.setUser(user);
        ds.setPassword(PASSWORD);
        return ds;
    }

    private static DataSource h2(String url, String user, String password) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser(user);
        ds.setPassword(password);
        return ds;
    }

    /**
     * The MariaDB test identity: logs in without a database and enters the production database when it may
     * (once {@code ShadowSchema} granted it a privilege there); MariaDB's "access denied to database" (1044)
     * before that leaves the connection without a default database.
     */
    private static final class MariaDbTestIdentity implements DataSource {
        private final MariaDbDataSource server;
        private final String database;

        MariaDbTestIdentity(MariaDbDataSource server, String database) {
            this.server = Objects.requireNonNull(server);
            this.database = database;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection c = server.getConnection();
            try {
                c.setCatalog(database);
            } catch (SQLException e) {
                if (e.getErrorCode() != 1044) {
                    c.close();
                    throw e;
                }
            }
            return c;
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            throw new SQLException("the test identity logs in as " + server.getUser() + " only");
        }

        @Override
        public java.io.PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public java.util.logging.Logger getParentLogger() {
            return java.util.logging.Logger.getLogger("io.tipdata.jdbc");
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
