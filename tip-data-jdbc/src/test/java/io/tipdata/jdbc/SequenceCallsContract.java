package io.tipdata.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipdata.core.KillSwitch;
import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Sequences in test context, on the real database: a statement may draw from (or read) the sequence an ISOLATED
 * table's column takes its ids from, found by tip-data itself, and a declared one; any other sequence is refused
 * with TD001 naming it and {@code allowSequence}, and the database shows that sequence did not move. A sequence
 * declared at run time ({@link TipDataSource#allowSequences}) is accepted from then on, the statement refused
 * before included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SequenceCallsContract {

    static final TestRun RUN = TipDataSourceContract.run("run-s");

    TestDatabase db;
    TipDataSource tip;

    abstract TestDatabase newDatabase();

    /**
     * Creates, as the production owner, sequences parcel_seq, gen_seq and invoice_seq and the table parcels whose id
     * defaults to the next value of parcel_seq; the DENIED table audit draws its ids from invoice_seq.
     */
    abstract void createSequences() throws SQLException;

    /** A query drawing the next value of the sequence, in the dialect's own form. */
    abstract String next(String sequence);

    /** Other forms of drawing from or reading the sequence that must be refused like {@link #next(String)}. */
    abstract List<String> otherForms(String sequence);

    /** The sequence's state as the database reports it (read over the admin connection). */
    abstract String state(String sequence) throws SQLException;

    /** Whether the test identity may draw from a declared sequence (MariaDB needs INSERT on it: not granted). */
    boolean testIdentityDrawsFromDeclaredSequences() {
        return true;
    }

    /** Creates the twins of {@link #policies()} and grants the test identity. */
    void createTwins() throws SQLException {
        ShadowSchema.builder(db.raw).policies(policies()).shadowSchema(db.shadow).testIdentity(db.testPool).build()
                .create();
    }

    TablePolicies policies() {
        return TablePolicies.builder().table(TablePolicy.ISOLATED, "orders", "order_items", "parcels")
                .table(TablePolicy.REFERENCE, "countries").table(TablePolicy.DENIED, "audit").build();
    }

    @BeforeAll
    void openDatabase() throws SQLException {
        db = newDatabase();
        db.open();
        db.createTables();
        createSequences();
        createTwins();
        TipDataSource.Builder b = TipDataSource.wrap(db.raw).policies(policies()).shadowSchema(db.shadow)
                .killSwitch(KillSwitch.create()).allowSequence("gen_seq");
        tip = (testIdentityDrawsFromDeclaredSequences() ? b.testConnections(db.testPool) : b).build();
        assertThat(tip.problems()).isEmpty();
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    @Test
    void aSequenceNoIsolatedTableDrawsFromIsRefusedAndDoesNotMove() throws Exception {
        String before = state("invoice_seq");
        List<String> statements = new ArrayList<>(List.of(next("invoice_seq"),
                "SELECT o.id FROM orders o WHERE o.amount < (" + next("invoice_seq").substring("SELECT ".length()) + ")",
                "INSERT INTO orders (id, customer, amount) VALUES ((" + next("invoice_seq").substring("SELECT ".length())
                        + "), 'x', 1)"));
        statements.addAll(otherForms("invoice_seq"));
        for (String sql : statements) {
            assertThatThrownBy(() -> query(tip, sql)).as(sql).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(e.getSQLState()).isEqualTo(RefusedStatementException.REFUSED);
                assertThat(e.getMessage()).containsIgnoringCase("invoice_seq").contains("allowSequence");
            });
        }
        assertThat(state("invoice_seq")).isEqualTo(before);
        assertThat(db.rows("SELECT count(*) FROM " + db.shadow + ".orders")).containsExactly("0");
    }

    @Test
    void theSequenceBehindAnIsolatedTableAndADeclaredOneRun() throws Exception {
        String before = state("parcel_seq");
        long first = Long.parseLong(query(tip, next("parcel_seq")).get(0));
        assertThat(Long.parseLong(query(tip, next("parcel_seq")).get(0))).isGreaterThan(first);
        assertThat(state("parcel_seq")).isNotEqualTo(before);
        String gen = state("gen_seq");
        assertThat(query(tip, next("gen_seq"))).hasSize(1);
        assertThat(state("gen_seq")).isNotEqualTo(gen);
        // a test insert takes its id from the sequence, in the run's partition only
        query(tip, "INSERT INTO parcels (id, note) VALUES ((" + next("parcel_seq").substring("SELECT ".length())
                + "), 'test')");
        assertThat(db.rows("SELECT note, tip_run FROM " + db.shadow + ".parcels")).containsExactly("test|run-s");
        assertThat(db.rows("SELECT count(*) FROM parcels")).containsExactly("0");
    }

    @Test
    void aSequenceDeclaredAtRunTimeIsAcceptedFromThenOn() throws Exception {
        TipDataSource late = TipDataSource.wrap(db.raw).policies(policies()).shadowSchema(db.shadow)
                .killSwitch(KillSwitch.create()).build();
        assertThatThrownBy(() -> query(late, next("gen_seq"))).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo(RefusedStatementException.REFUSED));
        late.allowSequences(List.of("gen_seq"));
        assertThat(query(late, next("gen_seq"))).hasSize(1);
        assertThatThrownBy(() -> query(late, next("invoice_seq"))).isInstanceOf(SQLException.class);
    }

    static List<String> query(TipDataSource ds, String sql) throws Exception {
        return TipContext.call(RUN, () -> {
            List<String> out = new ArrayList<>();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                if (s.execute(sql)) {
                    try (ResultSet rs = s.getResultSet()) {
                        while (rs.next()) {
                            out.add(rs.getString(1));
                        }
                    }
                }
            }
            return out;
        });
    }

    static String adminRow(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.admin(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            StringBuilder b = new StringBuilder();
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    b.append(rs.getString(i)).append('|');
                }
            }
            return b.toString();
        }
    }
}
