package io.tipdata.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import io.tipdata.hibernate.domain.Customer;
import jakarta.persistence.LockModeType;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Hibernate SQL that names tables qualified with the production schema ({@code hibernate.default_schema}) and
 * MariaDB's {@code lock in share mode} ({@code PESSIMISTIC_READ}), in a run, asserted on the database. Waits for the
 * rewriter to resolve qualified names to the declared tables and to accept MariaDB's shared lock; the lead enables
 * the tests when that lands. One subclass per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QualifiedSqlContract {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final TestRun RUN = TestRun.of("qual-a", NOW, NOW.plus(1, ChronoUnit.HOURS));

    ShopDatabase db;

    abstract ShopDatabase newDatabase();

    @BeforeAll
    void open() throws SQLException {
        db = newDatabase();
        db.open();
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void reset() throws SQLException {
        db.reset();
    }

    /** Persists, reads, locks, bulk-updates and deletes customers in the run through the factory. */
    void workInRun(SessionFactory sf, LockModeType lock) {
        try (TipContext.Scope ignored = TipContext.bind(RUN); Session s = sf.openSession()) {
            Transaction tx = s.beginTransaction();
            Customer ann = new Customer("ann@example.com", "ann");
            s.persist(ann);
            s.persist(new Customer("bob@example.com", "bob"));
            s.flush();
            s.clear();
            assertThat(s.find(Customer.class, ann.getId(), lock).getName()).isEqualTo("ann");
            assertThat(s.createSelectionQuery("from Customer c where c.name = 'bob'", Customer.class)
                    .setLockMode(lock).getResultList()).hasSize(1);
            assertThat(s.createMutationQuery("update Customer c set c.name = 'renamed' where c.name = 'bob'")
                    .executeUpdate()).isEqualTo(1);
            assertThat(s.createMutationQuery("delete from Customer c where c.name = 'ann'").executeUpdate())
                    .isEqualTo(1);
            tx.commit();
        }
    }

    void assertOnlyTheRunsRows() throws SQLException {
        assertThat(db.count("SELECT * FROM customer")).isZero();
        assertThat(db.rows("SELECT name, tip_run FROM " + db.shadow + ".customer")).containsExactly("renamed|qual-a");
    }

    @Test
    void namesQualifiedWithTheProductionSchemaStayInTheRun() throws SQLException {
        try (SessionFactory sf = db.tipFactory(Map.of("hibernate.default_schema", db.productionSchema()))) {
            workInRun(sf, LockModeType.PESSIMISTIC_WRITE);
        }
        assertOnlyTheRunsRows();
    }

    @Test
    void pessimisticReadLocksStayInTheRun() throws SQLException {
        try (SessionFactory sf = db.tipFactory(Map.of())) {
            workInRun(sf, LockModeType.PESSIMISTIC_READ);
        }
        assertOnlyTheRunsRows();
    }
}
