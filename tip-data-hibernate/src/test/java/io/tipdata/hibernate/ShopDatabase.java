package io.tipdata.hibernate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tipdata.hibernate.domain.CardPayment;
import io.tipdata.hibernate.domain.Customer;
import io.tipdata.hibernate.domain.Invoice;
import io.tipdata.hibernate.domain.OrderLine;
import io.tipdata.hibernate.domain.Payment;
import io.tipdata.hibernate.domain.Product;
import io.tipdata.hibernate.domain.PurchaseOrder;
import io.tipdata.hibernate.domain.Shipment;
import io.tipdata.hibernate.domain.TransferPayment;
import io.tipdata.jdbc.ShadowSchema;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TablePolicy;
import io.tipdata.jdbc.TipDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/**
 * The shop domain on one database: production tables made by Hibernate's schema export over the raw pool, the
 * shadow twins made by {@link ShadowSchema}, a {@link TipDataSource} and session factories over it, plus direct
 * reads that bypass tip-data and Hibernate.
 */
abstract class ShopDatabase implements AutoCloseable {

    static final String[] ISOLATED = {"customer", "purchase_order", "order_line", "payment", "card_payment",
            "transfer_payment", "shipment", "shipment_detail", "invoice"};
    static final Class<?>[] ENTITIES = {Product.class, Customer.class, PurchaseOrder.class, OrderLine.class,
            Payment.class, CardPayment.class, TransferPayment.class, Shipment.class};
    /** The entities of the application's own tenants (a {@code @TenantId} column), for factories that have them. */
    static final Class<?>[] TENANT_ENTITIES = {Invoice.class};
    /**
     * HQL {@code insert ... select} into JOINED hierarchies and entities with secondary tables: Hibernate's persistent
     * {@code HTE_} tables (rows stamped with the session), isolated like the entity tables, instead of temporary
     * tables or data-modifying CTEs.
     */
    static final Map<String, Object> INSERT_STRATEGY = Map.of("hibernate.query.insert_strategy",
            "org.hibernate.query.sqm.mutation.internal.temptable.PersistentTableInsertStrategy");
    /** The settings that declare the policies {@code @TipPolicy} does not. */
    static final Map<String, Object> POLICY_SETTINGS = Map.of("tip.hibernate.policy.invoice", "isolated");

    final String shadow;
    HikariDataSource raw;
    TipDataSource tip;

    ShopDatabase(String shadow) {
        this.shadow = shadow;
    }

    static ShopDatabase h2() {
        return new H2();
    }

    static ShopDatabase postgres(String name) {
        return new Postgres(name);
    }

    static ShopDatabase mariadb(String name) {
        return new MariaDb(name);
    }

    /** The policies the mapping declares: {@code @TipPolicy} on the entities, the invoice's by a setting. */
    static TablePolicies policies() {
        return TipHibernate.policies(TablePolicies.builder().pattern(TablePolicy.ISOLATED, "hte_*"), POLICY_SETTINGS,
                all());
    }

    static Class<?>[] all() {
        Class<?>[] all = Arrays.copyOf(ENTITIES, ENTITIES.length + TENANT_ENTITIES.length);
        System.arraycopy(TENANT_ENTITIES, 0, all, ENTITIES.length, TENANT_ENTITIES.length);
        return all;
    }

    /** Creates the schemas, the tables (Hibernate schema export), the twins and the TipDataSource. */
    void open() throws SQLException {
        raw = createPool();
        Map<String, Object> settings = new HashMap<>();
        settings.put("hibernate.connection.datasource", raw);
        settings.put("jakarta.persistence.schema-generation.database.action", "drop-and-create");
        settings.putAll(INSERT_STRATEGY);
        try (SessionFactory schema = factory(settings, all())) {
            schema.getSchemaManager().validateMappedObjects();
        }
        ShadowSchema.builder(raw).policies(policies()).schema(shadow).build().create();
        tip = TipDataSource.wrap(raw).policies(policies()).shadowSchema(shadow).build();
    }

    /** A session factory over the TipDataSource with the given extra settings (second-level caches on by default). */
    SessionFactory tipFactory(Map<String, Object> extra) {
        return tipFactory(extra, ENTITIES);
    }

    /** A session factory of the given entities over the TipDataSource with the given extra settings. */
    SessionFactory tipFactory(Map<String, Object> extra, Class<?>... entities) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("hibernate.connection.datasource", tip);
        settings.put("hibernate.cache.use_second_level_cache", "true");
        settings.put("hibernate.cache.use_query_cache", "true");
        settings.put("hibernate.cache.region.factory_class", "jcache");
        settings.put("hibernate.javax.cache.provider", "org.ehcache.jsr107.EhcacheCachingProvider");
        settings.put("hibernate.javax.cache.missing_cache_strategy", "create");
        settings.put("hibernate.cache.region_prefix", "shop-" + UUID.randomUUID());
        settings.put("hibernate.generate_statistics", "true");
        settings.put("hibernate.jdbc.batch_size", "20");
        settings.put("hibernate.order_inserts", "true");
        settings.putAll(POLICY_SETTINGS);
        settings.putAll(INSERT_STRATEGY);
        settings.putAll(extra);
        return factory(settings, entities);
    }

    static SessionFactory factory(Map<String, Object> settings) {
        return factory(settings, ENTITIES);
    }

    static SessionFactory factory(Map<String, Object> settings, Class<?>... entities) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            for (Class<?> entity : entities) {
                sources.addAnnotatedClass(entity);
            }
            return sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    abstract HikariDataSource createPool() throws SQLException;

    /** The production schema (MariaDB: database) as Hibernate's default_schema would name it. */
    abstract String productionSchema();

    /** Deletes every row of every table and twin, then seeds the catalogue. */
    void reset() throws SQLException {
        String[] order = {"card_payment", "transfer_payment", "payment", "order_line", "purchase_order", "customer",
            "shipment_detail", "shipment", "invoice"};
        for (String t : order) {
            exec("DELETE FROM " + t);
            exec("DELETE FROM " + shadow + "." + t);
        }
        exec("DELETE FROM product");
        exec("INSERT INTO product (id, sku, name, price) VALUES (1, 'pen', 'Pen', 2), (2, 'book', 'Book', 15),"
                + " (3, 'mug', 'Mug', 8)");
    }

    void exec(String sql) throws SQLException {
        try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Rows read directly from the database, each as its columns joined by '|'. */
    List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = raw.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
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

    long count(String sql) throws SQLException {
        return Long.parseLong(rows("SELECT COUNT(*) FROM (" + sql + ") c").get(0));
    }

    static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(6);
        return new HikariDataSource(config);
    }

    @Override
    public void close() {
        if (raw != null) {
            raw.close();
        }
    }

    static final class H2 extends ShopDatabase {
        H2() {
            super("tip_shadow");
        }

        @Override
        HikariDataSource createPool() {
            return pool("jdbc:h2:mem:shop_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1",
                    "sa", "");
        }

        @Override
        String productionSchema() {
            return "PUBLIC";
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

    static final class Postgres extends ShopDatabase {
        private final String schema;

        Postgres(String name) {
            super(name + "_shadow");
            this.schema = name;
        }

        @Override
        HikariDataSource createPool() throws SQLException {
            admin("DROP SCHEMA IF EXISTS " + schema + " CASCADE", "DROP SCHEMA IF EXISTS " + shadow + " CASCADE",
                    "CREATE SCHEMA " + schema);
            String url = TestServers.PG_URL;
            return pool(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, TestServers.PG_USER,
                    TestServers.PG_PASSWORD);
        }

        @Override
        String productionSchema() {
            return schema;
        }

        private void admin(String... sql) throws SQLException {
            try (Connection c = DriverManager.getConnection(TestServers.PG_URL, TestServers.PG_USER,
                    TestServers.PG_PASSWORD); Statement s = c.createStatement()) {
                for (String q : sql) {
                    s.execute(q);
                }
            }
        }

        @Override
        public void close() {
            super.close();
            try {
                admin("DROP SCHEMA IF EXISTS " + schema + " CASCADE", "DROP SCHEMA IF EXISTS " + shadow + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop the test schemas " + schema + ", " + shadow, e);
            }
        }
    }

    static final class MariaDb extends ShopDatabase {
        private final String database;

        MariaDb(String name) {
            super(name + "_shadow");
            this.database = name;
        }

        @Override
        HikariDataSource createPool() throws SQLException {
            admin("DROP DATABASE IF EXISTS " + database, "DROP DATABASE IF EXISTS " + shadow,
                    "CREATE DATABASE " + database);
            return pool(TestServers.MARIADB_URL.replaceFirst("(jdbc:mariadb://[^/]+/)[^?]*", "$1" + database),
                    TestServers.MARIADB_USER, TestServers.MARIADB_PASSWORD);
        }

        @Override
        String productionSchema() {
            return database;
        }

        private void admin(String... sql) throws SQLException {
            try (Connection c = DriverManager.getConnection(TestServers.MARIADB_URL, TestServers.MARIADB_USER,
                    TestServers.MARIADB_PASSWORD); Statement s = c.createStatement()) {
                for (String q : sql) {
                    s.execute(q);
                }
            }
        }

        @Override
        public void close() {
            super.close();
            try {
                admin("DROP DATABASE IF EXISTS " + database, "DROP DATABASE IF EXISTS " + shadow);
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop the test databases " + database + ", " + shadow, e);
            }
        }
    }

}
