package io.tipdata.hibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import io.tipdata.hibernate.domain.Customer;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TablePolicy;
import io.tipdata.jdbc.TipDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.engine.jdbc.connections.spi.DataSourceBasedMultiTenantConnectionProviderImpl;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Turning the integration on and off, the JPA bootstrap, and the start-up checks, on H2. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BootstrapTest {

    static final Instant NOW = Instant.now();
    static final TestRun RUN = TestRun.of("boot-a", NOW, NOW.plus(1, ChronoUnit.HOURS));

    ShopDatabase db;

    @BeforeAll
    void open() throws SQLException {
        db = ShopDatabase.h2();
        db.open();
        db.reset();
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void jpaBootstrapWithTheTipDataSourceAsNonJtaDataSource() throws SQLException {
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("shop",
                Map.of("jakarta.persistence.nonJtaDataSource", db.tip));
        try (emf) {
            assertThat(TipHibernate.isActive(emf.unwrap(SessionFactory.class))).isTrue();
            try (TipContext.Scope ignored = TipContext.bind(RUN); EntityManager em = emf.createEntityManager()) {
                em.getTransaction().begin();
                em.persist(new Customer("jpa@example.com", "jpa"));
                em.getTransaction().commit();
            }
        }
        assertThat(db.rows("SELECT email, tip_run FROM " + db.shadow + ".customer WHERE email = 'jpa@example.com'"))
                .containsExactly("jpa@example.com|boot-a");
        assertThat(db.count("SELECT * FROM customer WHERE email = 'jpa@example.com'")).isZero();
    }

    @Test
    void offWhenDisabledOrWhenTheDataSourceIsNotATipDataSource() {
        try (SessionFactory off = db.tipFactory(Map.of(TipHibernate.ENABLED, "false"))) {
            assertThat(TipHibernate.isActive(off)).isFalse();
        }
        try (SessionFactory plain = ShopDatabase.factory(Map.of("hibernate.connection.datasource", db.raw))) {
            assertThat(TipHibernate.isActive(plain)).isFalse();
        }
        assertThatThrownBy(() -> ShopDatabase.factory(Map.of("hibernate.connection.datasource", db.raw,
                TipHibernate.ENABLED, "true"))).hasStackTraceContaining("is not a TipDataSource");
        assertThatThrownBy(() -> db.tipFactory(Map.of(TipHibernate.ENABLED, "yes")))
                .hasStackTraceContaining("invalid tip.hibernate.enabled 'yes'");
    }

    @Test
    void startUpRefusesCacheKeysWithoutTheTenantAndWhatDoesNotCompose() {
        assertThatThrownBy(() -> db.tipFactory(Map.of("hibernate.cache.keys_factory", "simple")))
                .hasStackTraceContaining("drops the tenant identifier from second-level cache keys");
        MultiTenantConnectionProvider<String> own = new DataSourceBasedMultiTenantConnectionProviderImpl<>();
        // the application's own provider needs tip.hibernate.tenants (one TipDataSource per tenant over it)
        assertThatThrownBy(() -> db.tipFactory(Map.of("hibernate.multi_tenant_connection_provider", own)))
                .hasStackTraceContaining("set tip.hibernate.tenants to TipTenants.of(policies), or remove"
                        + " hibernate.multi_tenant_connection_provider");
        // Hibernate's schema mapper would switch the schema of connections tip-data pinned: refused, naming the way
        assertThatThrownBy(() -> db.tipFactory(Map.of("hibernate.multi_tenant.schema_mapper",
                new SchemaPerTenantContract.Mapper())))
                .hasStackTraceContaining("does not compose with hibernate.multi_tenant.schema_mapper")
                .hasStackTraceContaining("tip.hibernate.tenants = TipTenants.of(policies)");
        assertThatThrownBy(() -> db.tipFactory(Map.of("hibernate.tenant_identifier_resolver", "no.such.Resolver")))
                .hasStackTraceContaining("cannot make the tenant resolver hibernate.tenant_identifier_resolver"
                        + " = no.such.Resolver");
        // the application's resolver is composed with, not refused
        try (SessionFactory sf = db.tipFactory(Map.of("hibernate.tenant_identifier_resolver",
                new AppTenancyContract.AppResolver()))) {
            assertThat(TipHibernate.isActive(sf)).isTrue();
        }
    }

    @Test
    void mappedTablesWithoutAPolicyAreNamedAndWarnedOfAtBoot() {
        TipDataSource partial = TipDataSource.wrap(db.raw).shadowSchema(db.shadow)
                .policies(TablePolicies.builder().table(TablePolicy.ISOLATED, "customer", "purchase_order")
                        .table(TablePolicy.REFERENCE, "product").table(TablePolicy.DENIED, "payment").build())
                .build();
        String log = stderrOf(() -> {
            try (SessionFactory sf = ShopDatabase.factory(Map.of("hibernate.connection.datasource", partial))) {
                assertThat(TipHibernate.tablesWithoutPolicy(sf)).containsExactlyInAnyOrder(
                        "order_line (entity io.tipdata.hibernate.domain.OrderLine)",
                        "card_payment (entity io.tipdata.hibernate.domain.CardPayment)",
                        "transfer_payment (entity io.tipdata.hibernate.domain.TransferPayment)",
                        "shipment (entity io.tipdata.hibernate.domain.Shipment)",
                        "shipment_detail (secondary table of io.tipdata.hibernate.domain.Shipment)");
            }
        });
        for (String table : new String[] {"order_line (entity io.tipdata.hibernate.domain.OrderLine)",
                "card_payment (entity io.tipdata.hibernate.domain.CardPayment)",
                "transfer_payment (entity io.tipdata.hibernate.domain.TransferPayment)",
                "shipment (entity io.tipdata.hibernate.domain.Shipment)",
                "shipment_detail (secondary table of io.tipdata.hibernate.domain.Shipment)"}) {
            assertThat(log).contains("WARN").contains("tip-data: mapped table " + table + " has no policy in the"
                    + " TipDataSource, so test traffic on it is refused");
        }
        assertThat(log).contains("@TipPolicy on io.tipdata.hibernate.domain.OrderLine declares it ISOLATED: build"
                + " the TipDataSource with TipHibernate.policies(...)");
        assertThat(log).contains("mapped table payment is declared ISOLATED by @TipPolicy on"
                + " io.tipdata.hibernate.domain.Payment but is DENIED in the TipDataSource");
        assertThat(log).doesNotContain("mapped table customer").doesNotContain("mapped table product");
        try (SessionFactory sf = db.tipFactory(Map.of())) {
            assertThat(TipHibernate.tablesWithoutPolicy(sf)).isEmpty();
        }
    }

    /** What the work wrote to System.err (where slf4j-simple logs), also passed through. */
    static String stderrOf(Runnable work) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setErr(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        original.print(text);
        return text;
    }
}
