package io.tipdata.hibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipdata.core.InMemoryRunRegistry;
import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import io.tipdata.hibernate.domain.CardPayment;
import io.tipdata.hibernate.domain.Customer;
import io.tipdata.hibernate.domain.Payment;
import io.tipdata.hibernate.domain.Product;
import io.tipdata.hibernate.domain.PurchaseOrder;
import io.tipdata.hibernate.domain.Shipment;
import io.tipdata.hibernate.domain.TransferPayment;
import io.tipdata.jdbc.PurgeJob;
import io.tipdata.jdbc.RefusedStatementException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The shop domain through Hibernate in production and in two concurrent test runs, asserted on the database
 * directly; one subclass per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HibernateContract {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final TestRun RUN_A = TestRun.of("hib-a", NOW, NOW.plus(1, ChronoUnit.HOURS));
    static final TestRun RUN_B = TestRun.of("hib-b", NOW, NOW.plus(1, ChronoUnit.HOURS));

    ShopDatabase db;
    SessionFactory sf;

    abstract ShopDatabase newDatabase();

    @BeforeAll
    void open() throws SQLException {
        db = newDatabase();
        db.open();
        sf = db.tipFactory(Map.of());
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

    String twin(String table) {
        return db.shadow + "." + table;
    }

    void inTx(TestRun run, Consumer<Session> work) {
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
        }
    }

    /** A customer with one order of two lines and a payment of each kind, in the context given. */
    Long placeOrder(TestRun run, String email, String name) {
        Long[] id = new Long[1];
        inTx(run, s -> {
            Customer c = new Customer(email, name);
            s.persist(c);
            PurchaseOrder o = new PurchaseOrder(c, "new").line(s.getReference(Product.class, 1L), 2)
                    .line(s.find(Product.class, 2L), 1);
            s.persist(o);
            s.persist(new CardPayment(o, 19, "4242"));
            s.persist(new TransferPayment(o, 1, "DE89"));
            id[0] = c.getId();
        });
        return id[0];
    }

    @Test
    void productionAndTwoConcurrentRunsStayApart() throws Exception {
        placeOrder(null, "ann@example.com", "prod");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Long> a = pool.submit(() -> placeOrder(RUN_A, "ann@example.com", "run-a"));
            Future<Long> b = pool.submit(() -> placeOrder(RUN_B, "ann@example.com", "run-b"));
            a.get();
            b.get();
        } finally {
            pool.shutdown();
        }
        assertThat(db.rows("SELECT name FROM customer")).containsExactly("prod");
        assertThat(db.rows("SELECT name, tip_run FROM " + twin("customer") + " ORDER BY tip_run"))
                .containsExactly("run-a|hib-a", "run-b|hib-b");
        assertThat(db.count("SELECT * FROM order_line")).isEqualTo(2);
        assertThat(db.rows("SELECT tip_run, COUNT(*) FROM " + twin("order_line") + " GROUP BY tip_run ORDER BY 1"))
                .containsExactly("hib-a|2", "hib-b|2");
        assertThat(db.rows("SELECT line_no, qty FROM " + twin("order_line") + " WHERE tip_run = 'hib-a' ORDER BY 1"))
                .containsExactly("0|2", "1|1");
        assertThat(db.count("SELECT * FROM payment")).isEqualTo(2);
        assertThat(db.rows("SELECT tip_run, COUNT(*) FROM " + twin("card_payment") + " GROUP BY tip_run ORDER BY 1"))
                .containsExactly("hib-a|1", "hib-b|1");
        assertThat(db.rows("SELECT tip_run, COUNT(*) FROM " + twin("transfer_payment") + " GROUP BY tip_run ORDER BY 1"))
                .containsExactly("hib-a|1", "hib-b|1");
        assertThat(db.count("SELECT * FROM product")).isEqualTo(3);

        for (TestRun run : new TestRun[] {null, RUN_A, RUN_B}) {
            String expected = run == null ? "prod" : "run-" + run.runId().substring(4);
            inTx(run, s -> {
                assertThat(s.createSelectionQuery("select c.name from Customer c", String.class).getResultList())
                        .containsExactly(expected);
                assertThat(s.createSelectionQuery("from Payment p order by p.amount", Payment.class).getResultList())
                        .extracting(p -> p.getClass().getSimpleName())
                        .containsExactly("TransferPayment", "CardPayment");
                assertThat(s.createSelectionQuery("select sum(l.qty * p.price) from PurchaseOrder o join o.lines l"
                        + " join l.product p where o.customer.email = :e", Long.class)
                        .setParameter("e", "ann@example.com").getSingleResult()).isEqualTo(19L);
                Customer c = s.bySimpleNaturalId(Customer.class).load("ann@example.com");
                assertThat(c.getName()).isEqualTo(expected);
                assertThat(c.getOrders()).singleElement().satisfies(o -> assertThat(o.getLines())
                        .extracting(l -> l.getProduct().getSku()).containsExactly("pen", "book"));
            });
        }
    }

    @Test
    void sessionOpenedInRunFlushesForItAfterTheScopeAndOnOtherThreads() throws Exception {
        Session session;
        Transaction tx;
        try (TipContext.Scope ignored = TipContext.bind(RUN_A)) {
            session = sf.openSession();
            tx = session.beginTransaction();
            session.persist(new Customer("late@example.com", "persisted in run a"));
        }
        // the scope is closed: production on this thread; the flush and commit run on a thread bound to run B
        Session s = session;
        Transaction t = tx;
        try (TipContext.Scope ignored = TipContext.bind(RUN_B)) {
            CompletableFuture.runAsync(() -> {
                try (TipContext.Scope inner = TipContext.bind(RUN_B)) {
                    s.persist(new Customer("later@example.com", "persisted on another thread"));
                    t.commit();
                }
            }).get();
        }
        assertThat(TipHibernate.runIdOf(session)).isEqualTo("hib-a");
        session.close();
        assertThat(db.count("SELECT * FROM customer")).isZero();
        assertThat(db.rows("SELECT email, tip_run FROM " + twin("customer") + " ORDER BY email"))
                .containsExactly("late@example.com|hib-a", "later@example.com|hib-a");

        // a StatelessSession belongs to its run as well
        try (TipContext.Scope ignored = TipContext.bind(RUN_B); var stateless = sf.openStatelessSession()) {
            stateless.insert(new Customer("stateless@example.com", "stateless"));
        }
        assertThat(db.rows("SELECT tip_run FROM " + twin("customer") + " WHERE email = 'stateless@example.com'"))
                .containsExactly("hib-b");
        assertThat(db.count("SELECT * FROM customer")).isZero();
    }

    @Test
    void lazyCollectionsLoadForTheRunAfterTheScope() throws Exception {
        placeOrder(null, "ann@example.com", "prod");
        placeOrder(RUN_A, "ann@example.com", "run-a");
        inTx(RUN_A, s -> s.persist(new PurchaseOrder(s.bySimpleNaturalId(Customer.class).load("ann@example.com"),
                "second")));
        Session session;
        Customer customer;
        try (TipContext.Scope ignored = TipContext.bind(RUN_A)) {
            session = sf.openSession();
            customer = session.bySimpleNaturalId(Customer.class).load("ann@example.com");
        }
        try (session) {
            assertThat(customer.getOrders()).extracting(PurchaseOrder::getStatus).containsExactly("new", "second");
            assertThat(customer.getOrders().get(0).getLines()).hasSize(2);
            assertThat(customer.getOrders().get(0).getLines().get(0).getProduct().getName()).isEqualTo("Pen");
        }
    }

    @Test
    void productionSessionUsedInsideARunIsRefused() throws SQLException {
        try (Session session = sf.openSession()) {
            Transaction tx = session.beginTransaction();
            session.persist(new Customer("prod@example.com", "prod"));
            try (TipContext.Scope ignored = TipContext.bind(RUN_A)) {
                assertThatThrownBy(session::flush).rootCause().isInstanceOf(RefusedStatementException.class)
                        .hasMessageContaining("borrowed in production is used in test run hib-a")
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("TD003"));
            }
            tx.rollback();
        }
        assertThat(db.count("SELECT * FROM customer")).isZero();
        assertThat(db.count("SELECT * FROM " + twin("customer"))).isZero();
    }

    @Test
    void mergeOfAnEntityLoadedInProductionNeverTouchesTheProductionRow() throws SQLException {
        Long id = placeOrder(null, "ann@example.com", "prod");
        Customer detached;
        try (Session s = sf.openSession()) {
            detached = s.find(Customer.class, id);
        }
        detached.setName("changed by a test");
        try {
            inTx(RUN_A, s -> s.merge(detached));
        } catch (RuntimeException expected) {
            // the row does not exist in run A's partition: Hibernate reports a stale (versioned) entity
        }
        assertThat(db.rows("SELECT name, version FROM customer")).containsExactly("prod|0");
        assertThat(db.count("SELECT * FROM " + twin("customer") + " WHERE name = 'prod'")).isZero();
    }

    /** Seeds customer 1001 with the same email in production and in run A (not in run B), each with an order. */
    void seedSameCustomerInProductionAndRunA() throws SQLException {
        db.exec("INSERT INTO customer (id, email, name, version) VALUES (1001, 'same@example.com', 'prod', 0)");
        db.exec("INSERT INTO " + twin("customer") + " (id, email, name, version, tip_run)"
                + " VALUES (1001, 'same@example.com', 'run-a', 0, 'hib-a')");
        db.exec("INSERT INTO purchase_order (id, customer_id, status) VALUES (5001, 1001, 'prod-order')");
        db.exec("INSERT INTO " + twin("purchase_order") + " (id, customer_id, status, tip_run)"
                + " VALUES (5001, 1001, 'a-order', 'hib-a')");
    }

    /** What each context reads through every cache, and how many cache hits each kind of read had. */
    record CacheReads(String entity, String naturalId, List<String> query, List<String> orders, long entityHits,
            long naturalIdHits, long queryHits, long collectionHits) {
    }

    CacheReads readThroughCaches(TestRun run) {
        Statistics st = sf.getStatistics();
        String customer = Customer.class.getName();
        long e0 = st.getEntityStatistics(customer).getCacheHitCount();
        long n0 = st.getNaturalIdStatistics(customer).getCacheHitCount();
        long q0 = st.getQueryCacheHitCount();
        long c0 = st.getCollectionStatistics(customer + ".orders").getCacheHitCount();
        Object[] out = new Object[4];
        inTx(run, s -> {
            Customer c = s.find(Customer.class, 1001L);
            out[0] = c == null ? null : c.getName();
            out[3] = c == null ? List.of() : c.getOrders().stream().map(PurchaseOrder::getStatus).toList();
        });
        inTx(run, s -> {
            Customer c = s.bySimpleNaturalId(Customer.class).load("same@example.com");
            out[1] = c == null ? null : c.getName();
        });
        inTx(run, s -> out[2] = s.createSelectionQuery("select c.name from Customer c where c.email = :e", String.class)
                .setParameter("e", "same@example.com").setCacheable(true).getResultList());
        @SuppressWarnings("unchecked")
        CacheReads reads = new CacheReads((String) out[0], (String) out[1], (List<String>) out[2],
                (List<String>) out[3], st.getEntityStatistics(customer).getCacheHitCount() - e0,
                st.getNaturalIdStatistics(customer).getCacheHitCount() - n0, st.getQueryCacheHitCount() - q0,
                st.getCollectionStatistics(customer + ".orders").getCacheHitCount() - c0);
        return reads;
    }

    @Test
    void cachesNeverCrossBetweenProductionAndRuns() throws SQLException {
        seedSameCustomerInProductionAndRunA();
        // first reads fill the caches: run A first, so production would be served run A's entries if keys crossed
        CacheReads a1 = readThroughCaches(RUN_A);
        CacheReads p1 = readThroughCaches(null);
        CacheReads b1 = readThroughCaches(RUN_B);
        assertThat(a1).extracting(CacheReads::entity, CacheReads::naturalId, CacheReads::query, CacheReads::orders)
                .containsExactly("run-a", "run-a", List.of("run-a"), List.of("a-order"));
        assertThat(p1).extracting(CacheReads::entity, CacheReads::naturalId, CacheReads::query, CacheReads::orders)
                .containsExactly("prod", "prod", List.of("prod"), List.of("prod-order"));
        assertThat(b1).extracting(CacheReads::entity, CacheReads::naturalId, CacheReads::query, CacheReads::orders)
                .containsExactly(null, null, List.of(), List.of());
        assertThat(b1.entityHits() + b1.naturalIdHits() + b1.queryHits() + b1.collectionHits()).isZero();
        assertThat(p1.queryHits() + p1.collectionHits()).isZero();

        // second reads are served from the caches, each context its own entries
        CacheReads p2 = readThroughCaches(null);
        CacheReads a2 = readThroughCaches(RUN_A);
        CacheReads b2 = readThroughCaches(RUN_B);
        assertThat(p2).isEqualTo(new CacheReads("prod", "prod", List.of("prod"), List.of("prod-order"), p2.entityHits(),
                p2.naturalIdHits(), 1, 1));
        assertThat(a2).isEqualTo(new CacheReads("run-a", "run-a", List.of("run-a"), List.of("a-order"),
                a2.entityHits(), a2.naturalIdHits(), 1, 1));
        assertThat(p2.entityHits()).isPositive();
        assertThat(a2.entityHits()).isPositive();
        assertThat(p2.naturalIdHits()).isPositive();
        assertThat(a2.naturalIdHits()).isPositive();
        assertThat(b2.entity()).isNull();
        assertThat(b2.query()).isEmpty();

        // the reference catalogue is cached per context too, and served within each
        for (TestRun run : new TestRun[] {RUN_A, null, RUN_A}) {
            inTx(run, s -> assertThat(s.find(Product.class, 1L).getName()).isEqualTo("Pen"));
        }
        assertThat(sf.getStatistics().getEntityStatistics(Product.class.getName()).getCacheHitCount()).isEqualTo(1);

        // a purged run's entries go, production's stay
        TipHibernate.evictRun(sf, RUN_A.runId());
        assertThat(hitsOfNaturalIdLoad(null)).containsExactly(1L, 1L);
        assertThat(hitsOfNaturalIdLoad(RUN_A)).containsExactly(0L, 0L);
    }

    /** The natural-id and entity cache hits of loading the seeded customer by natural id in a fresh session. */
    List<Long> hitsOfNaturalIdLoad(TestRun run) {
        Statistics st = sf.getStatistics();
        String customer = Customer.class.getName();
        long n0 = st.getNaturalIdStatistics(customer).getCacheHitCount();
        long e0 = st.getEntityStatistics(customer).getCacheHitCount();
        inTx(run, s -> assertThat(s.bySimpleNaturalId(Customer.class).load("same@example.com").getName())
                .isEqualTo(run == null ? "prod" : "run-a"));
        return List.of(st.getNaturalIdStatistics(customer).getCacheHitCount() - n0,
                st.getEntityStatistics(customer).getCacheHitCount() - e0);
    }

    @Test
    void everyOrdinarySqlPathStaysInTheRun() throws SQLException {
        placeOrder(null, "ann@example.com", "prod");
        String before = db.rows("SELECT id, email, name, version FROM customer").toString()
                + db.rows("SELECT id, amount FROM payment ORDER BY id")
                + db.rows("SELECT id, status FROM purchase_order") + db.rows("SELECT id, qty FROM order_line");
        inTx(RUN_A, s -> {
            for (int i = 0; i < 30; i++) { // batched inserts with sequence ids
                s.persist(new Customer("c" + i + "@example.com", "batch " + i));
            }
        });
        placeOrder(RUN_A, "ann@example.com", "run-a");
        inTx(RUN_A, s -> {
            Customer ann = s.bySimpleNaturalId(Customer.class).load("ann@example.com");
            ann.setName("renamed"); // versioned update at flush
            s.flush();
            assertThat(ann.getVersion()).isEqualTo(1);
            Customer ref = s.getReference(Customer.class, ann.getId());
            assertThat(ref.getEmail()).isEqualTo("ann@example.com");
            var cb = s.getCriteriaBuilder();
            var q = cb.createQuery(Customer.class);
            var root = q.from(Customer.class);
            q.select(root).where(cb.like(root.get("email"), "c%")).orderBy(cb.asc(root.get("id")));
            assertThat(s.createQuery(q).setFirstResult(5).setMaxResults(10).getResultList()).hasSize(10);
            assertThat(s.createSelectionQuery("from Customer c order by c.id", Customer.class).setFirstResult(28)
                    .setMaxResults(5).getResultList()).hasSize(3);
            assertThat(s.createMutationQuery("update Customer c set c.name = 'bulk' where c.email like 'c1%'")
                    .executeUpdate()).isEqualTo(11);
            assertThat(s.createMutationQuery("delete from Customer c where c.email like 'c2%'").executeUpdate())
                    .isEqualTo(11);
            assertThat(s.createMutationQuery("insert into Customer (id, email, name, version) select c.id + 100000,"
                    + " concat('copy-', c.email), c.name, 0 from Customer c where c.email like 'c1%'").executeUpdate())
                    .isEqualTo(11);
            assertThat(s.createMutationQuery("delete from Customer c where c.email like 'copy-%'").executeUpdate())
                    .isEqualTo(11);
            assertThat(s.createMutationQuery("update Payment p set p.amount = p.amount + 100").executeUpdate())
                    .isEqualTo(2);
            assertThat(s.createMutationQuery("delete from Payment p where p.amount = 101").executeUpdate())
                    .isEqualTo(1);
            assertThat(s.createNativeQuery("select count(*) from customer", Long.class).getSingleResult())
                    .isEqualTo(20L);
            assertThat(s.createNativeMutationQuery("update purchase_order set status = 'native'").executeUpdate())
                    .isEqualTo(1);
            Customer locked = s.find(Customer.class, ann.getId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            assertThat(locked.getName()).isEqualTo("renamed");
            assertThat(s.createSelectionQuery("from Customer c where c.email = :e", Customer.class)
                    .setParameter("e", "ann@example.com").setHibernateLockMode(org.hibernate.LockMode.UPGRADE_SKIPLOCKED)
                    .getResultList()).hasSize(1);
            assertThat(s.createSelectionQuery("from Customer c where c.email = :e", Customer.class)
                    .setParameter("e", "ann@example.com").setHibernateLockMode(org.hibernate.LockMode.UPGRADE_NOWAIT)
                    .getResultList()).hasSize(1);
            PurchaseOrder order = ann.getOrders().get(0);
            order.getLines().remove(0); // @OrderColumn rewrite and orphan removal
            s.flush();
            s.remove(order.getLines().get(0));
            order.getLines().clear();
        });
        assertThat(db.rows("SELECT id, email, name, version FROM customer").toString()
                + db.rows("SELECT id, amount FROM payment ORDER BY id")
                + db.rows("SELECT id, status FROM purchase_order") + db.rows("SELECT id, qty FROM order_line"))
                .isEqualTo(before);
        assertThat(db.rows("SELECT name, version FROM " + twin("customer") + " WHERE email = 'ann@example.com'"))
                .containsExactly("renamed|1");
        assertThat(db.count("SELECT * FROM " + twin("customer") + " WHERE tip_run = 'hib-a'")).isEqualTo(20);
        assertThat(db.count("SELECT * FROM " + twin("customer") + " WHERE name = 'bulk'")).isEqualTo(11);
        assertThat(db.rows("SELECT status FROM " + twin("purchase_order"))).containsExactly("native");
        assertThat(db.count("SELECT * FROM " + twin("order_line"))).isZero();
        assertThat(db.rows("SELECT amount FROM " + twin("payment"))).containsExactly("119");
        assertThat(db.count("SELECT * FROM " + twin("transfer_payment"))).isZero();
        assertThat(db.rows("SELECT amount FROM payment ORDER BY amount")).containsExactly("1", "19");
    }

    @Test
    void aRunPurgedByThePurgeJobLeavesTheCaches() throws SQLException {
        seedSameCustomerInProductionAndRunA();
        readThroughCaches(RUN_A);
        readThroughCaches(null);
        CacheReads cached = readThroughCaches(RUN_A);
        assertThat(cached.entity()).isEqualTo("run-a");
        assertThat(cached.entityHits()).isPositive();
        assertThat(cached.queryHits()).isPositive();

        InMemoryRunRegistry registry = new InMemoryRunRegistry();
        registry.register(RUN_A);
        PurgeJob job = PurgeJob.builder(db.raw, registry).policies(ShopDatabase.policies()).shadowSchema(db.shadow)
                .inFlightAllowance(Duration.ZERO).listener(TipHibernate.evictOnPurge(sf)).build();
        assertThat(job.purgeNow(RUN_A.runId()).purged()).containsKey(RUN_A.runId());
        assertThat(db.count("SELECT * FROM " + twin("customer") + " WHERE tip_run = 'hib-a'")).isZero();

        // served from a cache, run A would still see its customer: the purge evicted it
        assertThat(readThroughCaches(RUN_A)).isEqualTo(new CacheReads(null, null, List.of(), List.of(), 0, 0, 0, 0));
        CacheReads production = readThroughCaches(null);
        assertThat(production.entity()).isEqualTo("prod");
        assertThat(production.entityHits()).isPositive();
        assertThat(production.naturalIdHits()).isPositive();
    }

    @Test
    void bulkMutationsOfAnEntityWithASecondaryTableStayInTheRun() throws SQLException {
        inTx(null, s -> {
            s.persist(new Shipment(1, "new", "dhl"));
            s.persist(new Shipment(2, "new", "ups"));
        });
        inTx(RUN_A, s -> {
            s.persist(new Shipment(1, "new", "dhl"));
            s.persist(new Shipment(3, "new", "fedex"));
        });
        inTx(RUN_B, s -> s.persist(new Shipment(1, "new", "dhl")));
        inTx(RUN_A, s -> {
            assertThat(s.createMutationQuery("update Shipment s set s.carrier = 'post', s.status = 'sent'"
                    + " where s.carrier <> 'fedex'").executeUpdate()).isEqualTo(1);
            assertThat(s.createMutationQuery("delete from Shipment s where s.carrier = 'fedex'").executeUpdate())
                    .isEqualTo(1);
            assertThat(s.createSelectionQuery("select s.carrier from Shipment s", String.class).getResultList())
                    .containsExactly("post");
        });
        assertThat(db.rows("SELECT s.id, s.status, d.carrier FROM shipment s JOIN shipment_detail d ON d.id = s.id"
                + " ORDER BY 1")).containsExactly("1|new|dhl", "2|new|ups");
        assertThat(db.rows("SELECT s.id, s.status, d.carrier, s.tip_run FROM " + twin("shipment") + " s JOIN "
                + twin("shipment_detail") + " d ON d.id = s.id AND d.tip_run = s.tip_run ORDER BY 4, 1"))
                .containsExactly("1|sent|post|hib-a", "1|new|dhl|hib-b");
    }

    @Test
    void hqlInsertSelectIntoAJoinedHierarchyAndASecondaryTableStaysInTheRun() throws SQLException {
        placeOrder(null, "ann@example.com", "prod");
        placeOrder(RUN_A, "ann@example.com", "run-a");
        placeOrder(RUN_B, "ann@example.com", "run-b");
        inTx(null, s -> s.persist(new Shipment(1, "new", "dhl")));
        inTx(RUN_A, s -> s.persist(new Shipment(1, "new", "ups")));
        String production = db.rows("SELECT p.id, p.amount, c.cardLast4 FROM payment p JOIN card_payment c ON c.id = p.id")
                + "" + db.rows("SELECT s.id, d.carrier FROM shipment s JOIN shipment_detail d ON d.id = s.id");
        inTx(RUN_A, s -> {
            assertThat(s.createMutationQuery("insert into CardPayment (purchaseOrder, amount, cardLast4)"
                    + " select p.purchaseOrder, p.amount + 1000, '0000' from CardPayment p").executeUpdate()).isEqualTo(1);
            assertThat(s.createMutationQuery("insert into Shipment (id, status, carrier)"
                    + " select s.id + 100, 'copy', s.carrier from Shipment s").executeUpdate()).isEqualTo(1);
        });
        assertThat(db.rows("SELECT p.id, p.amount, c.cardLast4 FROM payment p JOIN card_payment c ON c.id = p.id")
                + "" + db.rows("SELECT s.id, d.carrier FROM shipment s JOIN shipment_detail d ON d.id = s.id"))
                .isEqualTo(production);
        assertThat(db.rows("SELECT p.amount, c.cardLast4, p.tip_run FROM " + twin("payment") + " p JOIN "
                + twin("card_payment") + " c ON c.id = p.id AND c.tip_run = p.tip_run ORDER BY 3, 1"))
                .containsExactly("19|4242|hib-a", "1019|0000|hib-a", "19|4242|hib-b");
        assertThat(db.rows("SELECT s.id, s.status, d.carrier, s.tip_run FROM " + twin("shipment") + " s JOIN "
                + twin("shipment_detail") + " d ON d.id = s.id AND d.tip_run = s.tip_run ORDER BY 1"))
                .containsExactly("1|new|ups|hib-a", "101|copy|ups|hib-a");
        // the new payment has an id of the run's own, from the sequence
        assertThat(db.count("SELECT p.id FROM " + twin("payment") + " p JOIN payment q ON q.id = p.id")).isZero();
        // and Hibernate emptied its HTE_ rows
        assertThat(db.count("SELECT * FROM " + twin("HTE_card_payment"))).isZero();
    }

    @Test
    void testStatementsDrawFromTheMappingsSequencesAndNoOther() throws SQLException {
        db.exec("CREATE SEQUENCE IF NOT EXISTS unmapped_seq");
        var sequences = sf.unwrap(org.hibernate.engine.spi.SessionFactoryImplementor.class).getJdbcServices()
                .getDialect().getSequenceSupport();
        inTx(RUN_A, s -> assertThat(s.createNativeQuery(sequences.getSequenceNextValString("customer_seq"))
                .getSingleResult()).isNotNull());
        assertThatThrownBy(() -> inTx(RUN_A, s -> s.createNativeQuery(sequences.getSequenceNextValString("unmapped_seq"))
                .getSingleResult())).rootCause().isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo(RefusedStatementException.REFUSED);
                    assertThat(e.getMessage()).containsIgnoringCase("unmapped_seq").contains("allowSequence");
                });
        // production is not rewritten, so it may use any sequence
        inTx(null, s -> assertThat(s.createNativeQuery(sequences.getSequenceNextValString("unmapped_seq"))
                .getSingleResult()).isNotNull());
    }
}
