package io.tipdata.hibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import io.tipdata.hibernate.domain.Ticket;
import io.tipdata.jdbc.TablePolicies;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.context.spi.TenantSchemaMapper;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * tip-data composed with the application's own schema-per-tenant {@link MultiTenantConnectionProvider} (MariaDB:
 * database per tenant): one pool, the tenant's schema set on each borrowed connection. Each (tenant, context) pair
 * writes and reads only the tenant's own production table or the tenant's twin with the run, checked on the
 * database; the second-level and query caches never cross on either axis; each tenant may have a test login of its
 * own (H2 and PostgreSQL here). One subclass per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SchemaPerTenantContract {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final TestRun RUN_A = TestRun.of("stc-a", NOW, NOW.plus(1, ChronoUnit.HOURS));
    static final TestRun RUN_B = TestRun.of("stc-b", NOW, NOW.plus(1, ChronoUnit.HOURS));
    static final String A = "tipc_ten_a";
    static final String B = "tipc_ten_b";
    static final String[] TENANTS = {A, B};
    static final TestRun[] CONTEXTS = {null, RUN_A, RUN_B};

    /** The application's provider, as Hibernate's documentation shows it: one pool, the tenant's schema per borrow. */
    final class SchemaPerTenant implements MultiTenantConnectionProvider<String> {
        private static final long serialVersionUID = 1L;
        final AtomicInteger borrowed = new AtomicInteger();
        final AtomicInteger released = new AtomicInteger();
        private final transient DataSource from;
        private final boolean testLogin;

        SchemaPerTenant(DataSource from) {
            this(from, false);
        }

        SchemaPerTenant(DataSource from, boolean testLogin) {
            this.from = from;
            this.testLogin = testLogin;
        }

        @Override
        public Connection getAnyConnection() throws SQLException {
            return from.getConnection();
        }

        @Override
        public void releaseAnyConnection(Connection connection) throws SQLException {
            connection.close();
        }

        @Override
        public Connection getConnection(String tenant) throws SQLException {
            Connection c = from.getConnection();
            if (testLogin) {
                selectForTestLogin(c, tenant);
            } else {
                select(c, tenant);
            }
            borrowed.incrementAndGet();
            return c;
        }

        @Override
        public void releaseConnection(String tenant, Connection connection) throws SQLException {
            released.incrementAndGet();
            connection.close(); // the pool resets the schema it was borrowed with
        }

        @Override
        public boolean supportsAggressiveRelease() {
            return false;
        }

        @Override
        public boolean isUnwrappableAs(Class<?> type) {
            return type.isInstance(this);
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            return type.cast(this);
        }
    }

    HikariDataSource pool;
    SchemaPerTenant provider;
    SessionFactory sf;
    TablePolicies policies;

    /** The pool of the application, in a schema (database) that is neither tenant's. */
    abstract HikariDataSource createPool() throws SQLException;

    /** Makes the connection work in the tenant's schema (database). */
    abstract void select(Connection c, String tenant) throws SQLException;

    /** Makes a connection of the tenant's test login work in the tenant's schema (database), where it can. */
    void selectForTestLogin(Connection c, String tenant) throws SQLException {
        select(c, tenant);
    }

    /** The tenant's schema (database) as SQL names it. */
    String schema(String tenant) {
        return tenant;
    }

    /** Drops the tenants' schemas and twins; runs before and after. */
    abstract void dropTenants() throws SQLException;

    void createTenant(String tenant) throws SQLException {
        exec("CREATE SCHEMA " + schema(tenant));
        exec("CREATE TABLE " + schema(tenant) + ".ticket (id BIGINT PRIMARY KEY, title VARCHAR(100))");
    }

    @BeforeAll
    void open() throws SQLException {
        pool = createPool();
        dropTenants();
        provider = new SchemaPerTenant(pool);
        policies = TipHibernate.policies(Map.of(), Ticket.class);
        TipTenants tenants = TipTenants.of(policies);
        for (String t : TENANTS) {
            createTenant(t);
            DataSource own = TipTenants.tenantDataSource(provider, t);
            assertThat(tenants.shadowSchemaOf(t, own)).isEqualTo(t + "_tip_shadow");
            tenants.shadowSchemaFor(t, own).build().create();
        }
        sf = factory(Map.of(TipTenants.SETTING, tenants));
    }

    SessionFactory factory(Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("hibernate.multi_tenant_connection_provider", provider);
        settings.put("hibernate.tenant_identifier_resolver", new AppTenancyContract.AppResolver());
        settings.put("hibernate.cache.use_second_level_cache", "true");
        settings.put("hibernate.cache.use_query_cache", String.valueOf(!"false".equals(extra.get(NO_CACHE))));
        settings.put("hibernate.cache.region.factory_class", "jcache");
        settings.put("hibernate.javax.cache.provider", "org.ehcache.jsr107.EhcacheCachingProvider");
        settings.put("hibernate.javax.cache.missing_cache_strategy", "create");
        settings.put("hibernate.cache.region_prefix", "tenants-" + UUID.randomUUID());
        settings.put("hibernate.generate_statistics", "true");
        settings.putAll(extra);
        return ShopDatabase.factory(settings, Ticket.class);
    }

    @AfterAll
    void close() throws SQLException {
        if (sf != null) {
            sf.close();
        }
        if (pool != null) {
            dropTenants();
            pool.close();
        }
    }

    @BeforeEach
    void reset() throws SQLException {
        for (String t : TENANTS) {
            exec("DELETE FROM " + schema(t) + ".ticket");
            exec("DELETE FROM " + twin(t));
        }
        sf.getCache().evictAllRegions();
        sf.getStatistics().clear();
    }

    String twin(String tenant) {
        return schema(tenant) + "_tip_shadow.ticket";
    }

    static String title(String tenant, TestRun run) {
        return tenant.substring(tenant.length() - 1) + "-" + (run == null ? "prod" : run.runId());
    }

    void inTx(String tenant, TestRun run, Consumer<Session> work) {
        AppTenancyContract.APP_TENANT.set(tenant);
        try (TipContext.Scope ignored = run == null ? TipContext.clear() : TipContext.bind(run);
                Session s = sf.openSession()) {
            Transaction tx = s.beginTransaction();
            try {
                work.accept(s);
                tx.commit();
            } catch (RuntimeException e) {
                if (tx.isActive()) {
                    tx.rollback();
                }
                throw e;
            }
        } finally {
            AppTenancyContract.APP_TENANT.remove();
        }
    }

    @Test
    void eachTenantAndContextWritesAndReadsOnlyItsOwnTable() throws SQLException {
        // the same id in every (tenant, context) pair but (b, run B)
        for (String t : TENANTS) {
            for (TestRun run : CONTEXTS) {
                if (!(t.equals(B) && run == RUN_B)) {
                    inTx(t, run, s -> s.persist(new Ticket(1, title(t, run))));
                }
            }
        }
        assertThat(rows("SELECT id, title FROM " + schema(A) + ".ticket")).containsExactly("1|a-prod");
        assertThat(rows("SELECT id, title FROM " + schema(B) + ".ticket")).containsExactly("1|b-prod");
        assertThat(rows("SELECT id, title, tip_run FROM " + twin(A) + " ORDER BY tip_run"))
                .containsExactly("1|a-stc-a|stc-a", "1|a-stc-b|stc-b");
        assertThat(rows("SELECT id, title, tip_run FROM " + twin(B))).containsExactly("1|b-stc-a|stc-a");

        for (String t : TENANTS) {
            for (TestRun run : CONTEXTS) {
                List<String> expected = t.equals(B) && run == RUN_B ? List.of() : List.of(title(t, run));
                inTx(t, run, s -> {
                    Ticket found = s.find(Ticket.class, 1L);
                    assertThat(found == null ? null : found.getTitle()).as("find in %s, %s", t, run)
                            .isEqualTo(expected.isEmpty() ? null : expected.get(0));
                    assertThat(s.createSelectionQuery("select t.title from Ticket t", String.class).getResultList())
                            .as("HQL in %s, %s", t, run).isEqualTo(expected);
                });
            }
        }

        // a bulk update and a native query of (a, run A) touch its twin rows only
        inTx(A, RUN_A, s -> {
            assertThat(s.createMutationQuery("update Ticket t set t.title = 'changed'").executeUpdate()).isEqualTo(1);
            assertThat(s.createNativeQuery("SELECT title FROM ticket", String.class).getResultList())
                    .containsExactly("changed");
        });
        assertThat(rows("SELECT title, tip_run FROM " + twin(A) + " ORDER BY tip_run"))
                .containsExactly("changed|stc-a", "a-stc-b|stc-b");
        assertThat(rows("SELECT title FROM " + schema(A) + ".ticket")).containsExactly("a-prod");
        assertThat(rows("SELECT title FROM " + schema(B) + ".ticket")).containsExactly("b-prod");
        assertThat(rows("SELECT title FROM " + twin(B))).containsExactly("b-stc-a");
        // every connection borrowed from the application's provider was given back to it
        assertThat(provider.released.get()).isEqualTo(provider.borrowed.get());
    }

    @Test
    void aRunOfOneTenantCannotReachTheOtherTenantsSchema() throws SQLException {
        exec("INSERT INTO " + schema(B) + ".ticket (id, title) VALUES (1, 'b-prod')");
        String[] attempts = {"SELECT title FROM " + schema(B) + ".ticket",
            "UPDATE " + schema(B) + ".ticket SET title = 'stolen'",
            "INSERT INTO " + schema(B) + ".ticket (id, title) VALUES (2, 'planted')",
            "DELETE FROM " + schema(B) + ".ticket"};
        for (String sql : attempts) {
            assertThatThrownBy(() -> inTx(A, RUN_A, s -> s.createNativeQuery(sql, Object.class).getResultList()))
                    .as(sql).hasStackTraceContaining("RefusedStatementException");
        }
        assertThat(rows("SELECT id, title FROM " + schema(B) + ".ticket")).containsExactly("1|b-prod");
        assertThat(rows("SELECT id FROM " + twin(A))).isEmpty();
        assertThat(rows("SELECT id FROM " + twin(B))).isEmpty();
    }

    /**
     * A login of the tenant's own for its test connections (created here), or {@code null} where the test has none;
     * each tenant needs its own, since the check refuses a test identity that can reach another tenant's tables.
     */
    HikariDataSource testPool(String tenant) throws SQLException {
        return null;
    }

    /** The name of the tenant's test login. */
    static String testLogin(String tenant) {
        return tenant + "_test";
    }

    @Test
    void eachTenantMayHaveATestIdentityOfItsOwn() throws SQLException {
        Map<String, HikariDataSource> pools = new HashMap<>();
        for (String t : TENANTS) {
            HikariDataSource p = testPool(t);
            org.junit.jupiter.api.Assumptions.assumeTrue(p != null, "no test logins on this database in this test");
            pools.put(t, p);
        }
        try {
            Map<String, DataSource> testConnections = new HashMap<>();
            Map<String, SchemaPerTenant> testProviders = new HashMap<>();
            TipTenants tenants = TipTenants.of(policies);
            for (String t : TENANTS) {
                testProviders.put(t, new SchemaPerTenant(pools.get(t), true));
                testConnections.put(t, TipTenants.tenantDataSource(testProviders.get(t), t));
                tenants.shadowSchemaFor(t, TipTenants.tenantDataSource(provider, t))
                        .testIdentity(testConnections.get(t)).build().create();
            }
            tenants.testConnections(testConnections::get);
            try (SessionFactory withLogins = factory(Map.of(TipTenants.SETTING, tenants, NO_CACHE, "false"))) {
                for (String t : TENANTS) {
                    AppTenancyContract.APP_TENANT.set(t);
                    try (TipContext.Scope ignored = TipContext.bind(RUN_A); Session s = withLogins.openSession()) {
                        s.inTransaction(tx -> s.persist(new Ticket(5, title(t, RUN_A))));
                        assertThat(s.createSelectionQuery("select t.title from Ticket t", String.class)
                                .getResultList()).containsExactly(title(t, RUN_A));
                    } finally {
                        AppTenancyContract.APP_TENANT.remove();
                    }
                }
            }
            for (String t : TENANTS) {
                // the run's statements went through the tenant's test login, and every connection came back
                SchemaPerTenant own = testProviders.get(t);
                assertThat(own.borrowed.get()).as("test connections of %s", t).isGreaterThan(1);
                assertThat(own.released.get()).isEqualTo(own.borrowed.get());
            }
            assertThat(rows("SELECT id, title FROM " + twin(A))).containsExactly("5|a-stc-a");
            assertThat(rows("SELECT id, title FROM " + twin(B))).containsExactly("5|b-stc-a");
            // the second wall: tenant A's test login reaches neither tenant B's tables nor writes A's production table
            try (Connection c = testConnections.get(A).getConnection(); Statement st = c.createStatement()) {
                assertThatThrownBy(() -> st.executeQuery("SELECT * FROM " + twin(B))).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> st.executeUpdate("DELETE FROM " + schema(B) + ".ticket"))
                        .isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> st.executeUpdate("DELETE FROM ticket")).isInstanceOf(SQLException.class);
            }
        } finally {
            pools.values().forEach(HikariDataSource::close);
        }
    }

    long hits() {
        return sf.getStatistics().getEntityStatistics(Ticket.class.getName()).getCacheHitCount();
    }

    String findCounting(String tenant, TestRun run, long[] hit) {
        long h0 = hits();
        String[] out = new String[1];
        inTx(tenant, run, s -> {
            Ticket t = s.find(Ticket.class, 1L);
            out[0] = t == null ? null : t.getTitle();
        });
        hit[0] = hits() - h0;
        return out[0];
    }

    @Test
    void cachesNeverCrossOnEitherAxis() throws SQLException {
        for (String t : TENANTS) {
            exec("INSERT INTO " + schema(t) + ".ticket (id, title) VALUES (1, '" + title(t, null) + "')");
            for (TestRun run : new TestRun[] {RUN_A, RUN_B}) {
                exec("INSERT INTO " + twin(t) + " (id, title, tip_run) VALUES (1, '" + title(t, run) + "', '"
                        + run.runId() + "')");
            }
        }
        long[] hit = new long[1];
        // first round: every pair misses (the same id is cached under each other pair already), second: each hits
        for (int round = 0; round < 2; round++) {
            for (String t : TENANTS) {
                for (TestRun run : CONTEXTS) {
                    assertThat(findCounting(t, run, hit)).as("%s, %s", t, run).isEqualTo(title(t, run));
                    assertThat(hit[0]).as("entity cache hits of %s, %s in round %d", t, run, round).isEqualTo(round);
                    long q0 = sf.getStatistics().getQueryCacheHitCount();
                    inTx(t, run, s -> assertThat(s.createSelectionQuery("select t.title from Ticket t", String.class)
                            .setCacheable(true).getResultList()).isEqualTo(List.of(title(t, run))));
                    assertThat(sf.getStatistics().getQueryCacheHitCount() - q0)
                            .as("query cache hits of %s, %s in round %d", t, run, round).isEqualTo(round);
                }
            }
        }
        // a purged run's entries go for every tenant; production's stay
        TipHibernate.evictRun(sf, RUN_A.runId());
        for (String t : TENANTS) {
            assertThat(findCounting(t, RUN_A, hit)).isEqualTo(title(t, RUN_A));
            assertThat(hit[0]).isZero();
            assertThat(findCounting(t, null, hit)).isEqualTo(title(t, null));
            assertThat(hit[0]).isEqualTo(1);
        }
    }

    /** A mapper that would switch the schema of tip-data's connections. */
    public static final class Mapper implements TenantSchemaMapper<String> {
        @Override
        public String schemaName(String tenantIdentifier) {
            return tenantIdentifier;
        }
    }

    static final String NO_CACHE = "hibernate.cache.use_second_level_cache";

    @Test
    void bootRefusesWhatDoesNotCompose() {
        TipTenants tenants = TipTenants.of(policies);
        assertThatThrownBy(() -> factory(Map.of(TipTenants.SETTING, tenants,
                "hibernate.multi_tenant.schema_mapper", new Mapper())))
                .hasStackTraceContaining("does not compose with hibernate.multi_tenant.schema_mapper")
                .hasStackTraceContaining("Give Hibernate a MultiTenantConnectionProvider that sets the tenant's schema");
        assertThatThrownBy(() -> factory(Map.of(TipHibernate.ENABLED, "true")))
                .hasStackTraceContaining("set tip.hibernate.tenants to TipTenants.of(policies)");
        assertThatThrownBy(() -> factory(Map.of(TipTenants.SETTING, "yes")))
                .hasStackTraceContaining("tip.hibernate.tenants = yes is not a TipTenants");
        // without tip.hibernate.tenants and without a TipDataSource, the application's tenancy runs alone (no
        // second-level cache: closing a factory closes the JCache manager the test's factory shares)
        try (SessionFactory alone = factory(Map.of(NO_CACHE, "false"))) {
            assertThat(TipHibernate.isActive(alone)).isFalse();
        }
        try (SessionFactory on = factory(Map.of(TipTenants.SETTING, tenants, NO_CACHE, "false"))) {
            assertThat(TipHibernate.isActive(on)).isTrue();
        }
    }

    void exec(String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    b.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(b.toString());
            }
        }
        return out;
    }
}
