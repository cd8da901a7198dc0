package io.tipdata.hibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import io.tipdata.hibernate.domain.Invoice;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hibernate.PropertyValueException;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * tip-data composed with the application's own multi-tenancy: a {@code @TenantId} discriminator column and the
 * application's tenant resolver. Data and caches stay apart on both axes (application tenant, tip-data context), and
 * the discriminator column holds the application's tenant. One subclass per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AppTenancyContract {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final TestRun RUN_A = TestRun.of("ten-a", NOW, NOW.plus(1, ChronoUnit.HOURS));
    static final TestRun RUN_B = TestRun.of("ten-b", NOW, NOW.plus(1, ChronoUnit.HOURS));
    static final ThreadLocal<String> APP_TENANT = new ThreadLocal<>();

    /** The application's resolver: the tenant its own request handling put on the thread. */
    public static final class AppResolver implements CurrentTenantIdentifierResolver<String> {
        @Override
        public String resolveCurrentTenantIdentifier() {
            return APP_TENANT.get();
        }

        @Override
        public boolean validateExistingCurrentSessions() {
            return false;
        }
    }

    ShopDatabase db;
    SessionFactory sf;

    abstract ShopDatabase newDatabase();

    @BeforeAll
    void open() throws SQLException {
        db = newDatabase();
        db.open();
        sf = db.tipFactory(Map.of("hibernate.tenant_identifier_resolver", AppResolver.class.getName()),
                ShopDatabase.TENANT_ENTITIES);
    }

    @AfterAll
    void close() {
        if (sf != null) {
            sf.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void reset() throws SQLException {
        db.reset();
        sf.getCache().evictAllRegions();
        sf.getStatistics().clear();
    }

    void inTx(String tenant, TestRun run, Consumer<Session> work) {
        APP_TENANT.set(tenant);
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
            APP_TENANT.remove();
        }
    }

    String twin() {
        return db.shadow + ".invoice";
    }

    @Test
    void theDiscriminatorColumnGetsTheApplicationsTenantAndRowsStayApartOnBothAxes() throws SQLException {
        inTx("acme", null, s -> s.persist(new Invoice(1, "acme-prod")));
        inTx("globex", null, s -> s.persist(new Invoice(2, "globex-prod")));
        inTx("acme", RUN_A, s -> s.persist(new Invoice(11, "acme-a")));
        inTx("globex", RUN_A, s -> s.persist(new Invoice(12, "globex-a")));
        inTx("acme", RUN_B, s -> s.persist(new Invoice(21, "acme-b")));

        assertThat(db.rows("SELECT id, tenant, number FROM invoice ORDER BY id"))
                .containsExactly("1|acme|acme-prod", "2|globex|globex-prod");
        assertThat(db.rows("SELECT id, tenant, number, tip_run FROM " + twin() + " ORDER BY id"))
                .containsExactly("11|acme|acme-a|ten-a", "12|globex|globex-a|ten-a", "21|acme|acme-b|ten-b");

        Object[][] expected = {
            {"acme", null, List.of("acme-prod")}, {"globex", null, List.of("globex-prod")},
            {"acme", RUN_A, List.of("acme-a")}, {"globex", RUN_A, List.of("globex-a")},
            {"acme", RUN_B, List.of("acme-b")}, {"globex", RUN_B, List.of()},
        };
        for (Object[] e : expected) {
            inTx((String) e[0], (TestRun) e[1], s -> assertThat(s.createSelectionQuery(
                    "select i.number from Invoice i order by i.id", String.class).getResultList())
                    .as("%s in %s", e[0], e[1]).isEqualTo(e[2]));
        }
        // the application's own check of an assigned tenant still holds
        assertThatThrownBy(() -> inTx("acme", RUN_A, s -> {
            Invoice i = new Invoice(13, "forged");
            i.setTenant("globex");
            s.persist(i);
        })).satisfies(e -> assertThat(e).isInstanceOf(PropertyValueException.class).hasMessageContaining(
                "assigned tenant id differs from current tenant id [globex != acme]"));
        assertThat(db.count("SELECT * FROM " + twin() + " WHERE id = 13")).isZero();
    }

    /** The name read by id in the context, and the entity cache hits it took. */
    record Read(String number, long hits) {
    }

    Read find(String tenant, TestRun run, long id) {
        long h0 = sf.getStatistics().getEntityStatistics(Invoice.class.getName()).getCacheHitCount();
        String[] out = new String[1];
        inTx(tenant, run, s -> {
            Invoice i = s.find(Invoice.class, id);
            out[0] = i == null ? null : i.getNumber();
        });
        return new Read(out[0], sf.getStatistics().getEntityStatistics(Invoice.class.getName()).getCacheHitCount() - h0);
    }

    @Test
    void cachesNeverCrossOnEitherAxis() throws SQLException {
        // the same id in production and in run A, both of acme
        db.exec("INSERT INTO invoice (id, tenant, number) VALUES (7, 'acme', 'acme-prod')");
        db.exec("INSERT INTO " + twin() + " (id, tenant, number, tip_run) VALUES (7, 'acme', 'acme-a', 'ten-a')");

        assertThat(find("acme", RUN_A, 7)).isEqualTo(new Read("acme-a", 0));
        assertThat(find("acme", RUN_A, 7)).isEqualTo(new Read("acme-a", 1));
        // cached under (acme, run A): never served to another tenant of the run, to production or to another run
        assertThat(find("globex", RUN_A, 7)).isEqualTo(new Read(null, 0));
        assertThat(find("acme", null, 7)).isEqualTo(new Read("acme-prod", 0));
        assertThat(find("acme", RUN_B, 7)).isEqualTo(new Read(null, 0));
        assertThat(find("globex", null, 7)).isEqualTo(new Read(null, 0));
        assertThat(find("acme", null, 7)).isEqualTo(new Read("acme-prod", 1));
        assertThat(find("acme", RUN_A, 7)).isEqualTo(new Read("acme-a", 1));

        // the query cache too
        for (int i = 0; i < 2; i++) {
            for (String tenant : new String[] {"acme", "globex"}) {
                for (TestRun run : new TestRun[] {null, RUN_A}) {
                    long q0 = sf.getStatistics().getQueryCacheHitCount();
                    inTx(tenant, run, s -> assertThat(s.createSelectionQuery("select i.number from Invoice i",
                            String.class).setCacheable(true).getResultList()).isEqualTo(
                                    !tenant.equals("acme") ? List.of() : run == null ? List.of("acme-prod")
                                            : List.of("acme-a")));
                    assertThat(sf.getStatistics().getQueryCacheHitCount() - q0).isEqualTo(i);
                }
            }
        }

        // evicting a run takes its entries of every application tenant, and production's stay
        TipHibernate.evictRun(sf, RUN_A.runId());
        assertThat(find("acme", RUN_A, 7)).isEqualTo(new Read("acme-a", 0));
        assertThat(find("acme", null, 7)).isEqualTo(new Read("acme-prod", 1));
    }
}
