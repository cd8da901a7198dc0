package io.tipdata.benchmarks.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tipdata.jdbc.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The databases the JDBC workload runs on. Each has a production database and, on the same server, a
 * second database that ShardingSphere uses as its shadow data source.
 *
 * <p>PostgreSQL uses two databases of its own ({@code tip_bench} and {@code tip_bench_peer_shadow}) on
 * the server named by {@code tip.pg.url}, created on first use, so that the benchmark does not collide
 * with tests that use the {@code test} database at the same time. Its sessions run with
 * {@code synchronous_commit = off}, so that writes measure the client and server work rather than the
 * disk's flush latency, which would hide every client-side difference.
 */
public enum BenchDatabase {
    /** H2 2.x in memory, in the benchmark's JVM. */
    H2(Dialect.H2) {
        @Override
        String productionUrl() {
            return "jdbc:h2:mem:tip_bench;DB_CLOSE_DELAY=-1";
        }

        @Override
        String peerShadowUrl() {
            return "jdbc:h2:mem:tip_bench_peer_shadow;DB_CLOSE_DELAY=-1";
        }

        @Override
        String user() {
            return "sa";
        }

        @Override
        void prepareServer() {
        }
    },
    /** PostgreSQL over TCP on the local server. */
    POSTGRESQL(Dialect.POSTGRESQL) {
        @Override
        String productionUrl() {
            return serverUrl() + "tip_bench";
        }

        @Override
        String peerShadowUrl() {
            return serverUrl() + "tip_bench_peer_shadow";
        }

        @Override
        String user() {
            return System.getProperty("tip.pg.user", "postgres");
        }

        @Override
        void prepareServer() throws SQLException {
            String adminUrl = System.getProperty("tip.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
            try (Connection c = DriverManager.getConnection(adminUrl, credentials());
                 Statement s = c.createStatement()) {
                for (String db : new String[] {"tip_bench", "tip_bench_peer_shadow"}) {
                    try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + db + "'")) {
                        if (!rs.next()) {
                            s.execute("CREATE DATABASE " + db);
                        }
                    }
                }
            }
        }

        private String serverUrl() {
            String url = System.getProperty("tip.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
            int slash = url.indexOf('/', "jdbc:postgresql://".length());
            return url.substring(0, slash + 1);
        }
    };

    private final Dialect dialect;

    BenchDatabase(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The tip-data dialect of this database. */
    public Dialect dialect() {
        return dialect;
    }

    abstract String productionUrl();

    abstract String peerShadowUrl();

    abstract String user();

    /** Creates what must exist on the server before pools can connect. */
    abstract void prepareServer() throws SQLException;

    Properties credentials() {
        Properties p = new Properties();
        p.setProperty("user", user());
        p.setProperty("password", "");
        return p;
    }

    /** A pool to the production database. */
    public HikariDataSource productionPool(String name) {
        return pool(productionUrl(), name);
    }

    /** The test identity's login, created if missing. */
    static final String TEST_LOGIN = "tip_bench_test";

    /** A pool that logs in as the test identity {@value #TEST_LOGIN} (created here if missing, without grants). */
    public HikariDataSource testIdentityPool(String name) throws SQLException {
        return testIdentityPool(name, TEST_LOGIN, 4);
    }

    /**
     * A pool of {@code size} that logs in as that test identity, created here if missing, without grants (each
     * benchmark has its own, as the check reports grants on another benchmark's tables as excess).
     */
    HikariDataSource testIdentityPool(String name, String login, int size) throws SQLException {
        try (Connection c = DriverManager.getConnection(productionUrl(), credentials());
             Statement s = c.createStatement()) {
            if (this == H2) {
                s.execute("CREATE USER IF NOT EXISTS " + login + " PASSWORD '" + login + "'");
            } else {
                try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + login + "'")) {
                    if (!rs.next()) {
                        s.execute("CREATE ROLE " + login + " LOGIN PASSWORD '" + login + "'");
                    }
                }
            }
        }
        return pool(this == H2 ? "jdbc:h2:mem:tip_bench" : productionUrl(), name, login, login, size);
    }

    /** A pool to the second database that ShardingSphere uses as its shadow data source. */
    public HikariDataSource peerShadowPool(String name) {
        return pool(peerShadowUrl(), name);
    }

    private HikariDataSource pool(String url, String name) {
        return pool(url, name, user(), "", 4);
    }

    /** A pool of {@code size} connections, as the benchmarks configure them. */
    HikariDataSource pool(String url, String name, String user, String password, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setAutoCommit(true);
        if (this == POSTGRESQL) {
            config.setConnectionInitSql("SET synchronous_commit = off");
        }
        return new HikariDataSource(config);
    }
}
