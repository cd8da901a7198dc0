package io.tipdata.benchmarks.hibernate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import io.tipdata.jdbc.ShadowSchema;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TablePolicy;
import io.tipdata.jdbc.TipDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Persist-and-find through Hibernate: one session persists an item and commits, another finds a seeded item by id
 * (served by the second-level cache when it is on). Targets: plain Hibernate over the pool, Hibernate over a
 * TipDataSource in production, and in a test run; H2 in memory and PostgreSQL ({@code tip.pg.url}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HibernateBenchmark {

    /** Which stack runs the workload. */
    public enum Target { PLAIN, TIP_PRODUCTION, TIP_TEST }

    @Param({"H2", "POSTGRESQL"})
    public String database;
    @Param({"PLAIN", "TIP_PRODUCTION", "TIP_TEST"})
    public Target target;
    @Param({"true", "false"})
    public boolean secondLevelCache;

    private HikariDataSource pool;
    private SessionFactory sessionFactory;
    private TestRun run;
    private long seeded;
    private int n;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        pool = pool();
        schema();
        TablePolicies policies = TablePolicies.builder().table(TablePolicy.ISOLATED, "bench_item").build();
        ShadowSchema.builder(pool).policies(policies).build().create();
        DataSource ds = target == Target.PLAIN ? pool : TipDataSource.wrap(pool).policies(policies).build();
        Map<String, Object> settings = new HashMap<>();
        settings.put("hibernate.connection.datasource", ds);
        settings.put("hibernate.cache.use_second_level_cache", String.valueOf(secondLevelCache));
        if (secondLevelCache) {
            settings.put("hibernate.cache.region.factory_class", "jcache");
            settings.put("hibernate.javax.cache.provider", "org.ehcache.jsr107.EhcacheCachingProvider");
            settings.put("hibernate.javax.cache.missing_cache_strategy", "create");
            settings.put("hibernate.cache.region_prefix", "bench-" + UUID.randomUUID());
        }
        sessionFactory = factory(settings);
        Instant now = Instant.now();
        run = target == Target.TIP_TEST ? TestRun.of("bench-hib", now, now.plus(1, ChronoUnit.DAYS)) : null;
        try (TipContext.Scope ignored = bind()) {
            seeded = persist("seed");
        }
    }

    private TipContext.Scope bind() {
        return run == null ? TipContext.clear() : TipContext.bind(run);
    }

    @Benchmark
    public String persistAndFind() {
        try (TipContext.Scope ignored = bind()) {
            persist("item-" + (n++));
            try (Session s = sessionFactory.openSession()) {
                return s.find(BenchItem.class, seeded).getName();
            }
        }
    }

    private long persist(String name) {
        try (Session s = sessionFactory.openSession()) {
            s.beginTransaction();
            BenchItem item = new BenchItem(name, 1);
            s.persist(item);
            s.getTransaction().commit();
            return item.getId();
        }
    }

    @TearDown(Level.Iteration)
    public void removeInserted() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM bench_item WHERE name <> 'seed'");
            s.execute("DELETE FROM tip_shadow.bench_item WHERE name <> 'seed'");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sessionFactory.close();
        pool.close();
    }

    private void schema() {
        Map<String, Object> settings = new HashMap<>();
        settings.put("hibernate.connection.datasource", pool);
        settings.put("jakarta.persistence.schema-generation.database.action", "drop-and-create");
        factory(settings).close();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS tip_shadow");
            s.execute("DROP TABLE IF EXISTS tip_shadow.bench_item");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop the twin of bench_item", e);
        }
    }

    private static SessionFactory factory(Map<String, Object> settings) {
        var registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
        return new MetadataSources(registry).addAnnotatedClass(BenchItem.class).buildMetadata().buildSessionFactory();
    }

    private HikariDataSource pool() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(4);
        if (database.equals("H2")) {
            config.setJdbcUrl("jdbc:h2:mem:tip_bench_hib;DB_CLOSE_DELAY=-1");
            config.setUsername("sa");
        } else {
            String admin = System.getProperty("tip.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
            String user = System.getProperty("tip.pg.user", "postgres");
            try (Connection c = DriverManager.getConnection(admin, user, "");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'tip_bench_hib'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE tip_bench_hib");
                }
            }
            int slash = admin.indexOf('/', "jdbc:postgresql://".length());
            config.setJdbcUrl(admin.substring(0, slash + 1) + "tip_bench_hib");
            config.setUsername(user);
            config.setConnectionInitSql("SET synchronous_commit = off");
        }
        return new HikariDataSource(config);
    }
}
