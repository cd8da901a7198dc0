package io.tipdata.jdbc.internal.rewrite;

import static io.tipdata.jdbc.Dialect.H2;
import static io.tipdata.jdbc.Dialect.MARIADB;
import static io.tipdata.jdbc.Dialect.POSTGRESQL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.RefusedStatementException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Sequence functions in test context draw from or read only the allowed sequences (those behind ISOLATED tables'
 * columns, found by the start-up check, and declared ones), named by a literal in the form each database reads;
 * any other sequence, a computed name, or a form tip-data does not read is refused naming the sequence and
 * {@code allowSequence}. The databases' own reading of these names is tested in the *SequenceCallsTest classes.
 */
class SequenceCallsTest {

    private static SqlRewriter rewriter(Dialect d, String schema, Set<String> found, Set<String> declared,
                                        Set<String> existing) {
        return SqlRewriter.create(Policies.SHOP, Policies.SHOP_COLUMNS, "tip_shadow", d, 64, Set.of(), schema, null,
                AllowedSequences.of(d, schema, found, declared, existing));
    }

    private static final SqlRewriter PG = rewriter(POSTGRESQL, "app", Set.of("orders_id_seq", "other.shared_seq"),
            Set.of("Customer_SEQ", "\"Mixed\""), Set.of());
    private static final SqlRewriter H2_SEQ = rewriter(H2, "PUBLIC", Set.of("ORDERS_SEQ"), Set.of("customer_seq"),
            Set.of("ORDERS_SEQ", "CUSTOMER_SEQ", "other_seq", "OTHER_SEQ", "lower_seq"));
    private static final SqlRewriter MARIA = rewriter(MARIADB, "shop", Set.of("orders_seq"), Set.of("customer_SEQ"),
            Set.of());

    private static void accepted(SqlRewriter r, String sql) throws RefusedStatementException {
        assertThat(r.rewrite(sql).sqlFor(Policies.RUN)).as(sql).isNotBlank();
    }

    private static void refused(SqlRewriter r, String sql, String... named) {
        assertThatThrownBy(() -> r.rewrite(sql)).as(sql).isInstanceOfSatisfying(RefusedStatementException.class,
                e -> {
                    assertThat(e.getSQLState()).isEqualTo(RefusedStatementException.REFUSED);
                    assertThat(e.getMessage()).contains(named);
                });
    }

    @Test
    void postgresDrawsOnlyFromSequencesBehindIsolatedTablesAndDeclaredOnes() throws Exception {
        for (String sql : List.of("select nextval('orders_id_seq')", "select currval('orders_id_seq')",
                "select nextval('ORDERS_ID_SEQ')", "select nextval('app.orders_id_seq')",
                "select nextval('\"orders_id_seq\"')",
                "select nextval('other.shared_seq')", "select nextval('customer_seq')",
                "select nextval('\"Mixed\"')",
                "insert into orders (id, customer, total) values (nextval('orders_id_seq'), 'c', 1)",
                "select o.id from orders o where o.id < currval('orders_id_seq')")) {
            accepted(PG, sql);
        }
        refused(PG, "select nextval('invoice_seq')", "invoice_seq", "allowSequence(\"invoice_seq\")");
        refused(PG, "select currval('invoice_seq')", "invoice_seq", "allowSequence");
        refused(PG, "select nextval('\"ORDERS_ID_SEQ\"')", "ORDERS_ID_SEQ", "allowSequence");
        refused(PG, "select nextval('Mixed')", "mixed", "allowSequence");
        refused(PG, "select nextval('shared_seq')", "shared_seq");
        refused(PG, "select nextval('elsewhere.orders_id_seq')", "elsewhere.orders_id_seq");
        refused(PG, "select nextval('db.app.orders_id_seq')", "nextval", "string literal");
        refused(PG, "select nextval(' orders_id_seq')", "nextval", "string literal");
        refused(PG, "select nextval('orders_id_seq ')", "nextval");
        refused(PG, "select nextval('orders_id_seq'::text)", "nextval");
        refused(PG, "select nextval('orders_id_seq'::regclass)", "regclass");
        refused(PG, "select nextval(E'orders_id_seq')", "nextval");
        refused(PG, "select nextval(16384)", "nextval");
        refused(PG, "select nextval(concat('orders', '_id_seq'))", "nextval");
        refused(PG, "select nextval(o.customer) from orders o", "nextval");
        refused(PG, "select nextval(?)", "nextval");
        refused(PG, "select nextval('orders_id_seq', 1)", "nextval");
        refused(PG, "select o.id from orders o where o.total > nextval('invoice_seq')", "invoice_seq");
        refused(PG, "update orders set total = nextval('invoice_seq')", "invoice_seq");
        refused(PG, "select setval('orders_id_seq', 1)", "setval");
        refused(PG, "select lastval()", "lastval");
    }

    @Test
    void h2ResolvesStringsAsH2DoesAndNextValueForAsAnIdentifier() throws Exception {
        for (String sql : List.of("select nextval('ORDERS_SEQ')", "select nextval('orders_seq')",
                "select currval('orders_seq')", "select nextval('PUBLIC', 'ORDERS_SEQ')",
                "select nextval('public', 'orders_seq')", "select nextval('PUBLIC.ORDERS_SEQ')",
                "select next value for orders_seq", "select next value for public.orders_seq",
                "select next value for \"ORDERS_SEQ\"", "select next value for customer_seq",
                "insert into orders (id, customer, total) values (next value for orders_seq, 'c', 1)")) {
            accepted(H2_SEQ, sql);
        }
        refused(H2_SEQ, "select next value for other_seq", "OTHER_SEQ", "allowSequence");
        refused(H2_SEQ, "select nextval('other_seq')", "other_seq", "allowSequence");
        refused(H2_SEQ, "select next value for \"orders_seq\"", "orders_seq");
        refused(H2_SEQ, "select nextval('\"ORDERS_SEQ\"')", "nextval");
        refused(H2_SEQ, "select nextval('OTHER', 'ORDERS_SEQ')", "OTHER.ORDERS_SEQ");
        refused(H2_SEQ, "select next value for other.orders_seq", "OTHER.ORDERS_SEQ");
        refused(H2_SEQ, "select nextval(orders_seq)", "nextval");
        refused(H2_SEQ, "select nextval(' ORDERS_SEQ')", "nextval");
        refused(H2_SEQ, "select o.id from orders o where o.total > (next value for other_seq)", "OTHER_SEQ");
    }

    @Test
    void h2WithoutTheListOfSequencesAcceptsOnlyTheStoredSpelling() throws Exception {
        SqlRewriter r = rewriter(H2, "PUBLIC", Set.of("ORDERS_SEQ"), Set.of(), null);
        accepted(r, "select nextval('ORDERS_SEQ')");
        refused(r, "select nextval('orders_seq')", "orders_seq");
    }

    @Test
    void mariaDbNamesTheSequenceAsAnIdentifier() throws Exception {
        for (String sql : List.of("select nextval(orders_seq)", "select lastval(orders_seq)",
                "select nextval(`orders_seq`)", "select nextval(shop.orders_seq)", "select nextval(`shop`.`orders_seq`)",
                "select next value for orders_seq", "select next value for `orders_seq`",
                "select nextval(customer_SEQ)",
                "insert into orders (id, customer, total) values (nextval(orders_seq), 'c', 1)")) {
            accepted(MARIA, sql);
        }
        refused(MARIA, "select nextval(invoice_seq)", "invoice_seq", "allowSequence(\"invoice_seq\")");
        refused(MARIA, "select lastval(invoice_seq)", "invoice_seq");
        refused(MARIA, "select nextval(ORDERS_SEQ)", "ORDERS_SEQ");
        refused(MARIA, "select nextval(other.orders_seq)", "other.orders_seq");
        refused(MARIA, "select next value for invoice_seq", "invoice_seq");
        refused(MARIA, "select nextval('orders_seq')", "nextval");
        refused(MARIA, "select setval(orders_seq, 1)", "setval");
    }

    @Test
    void declaringTheFunctionDoesNotWidenTheSequences() throws Exception {
        SqlRewriter r = SqlRewriter.create(Policies.SHOP, Policies.SHOP_COLUMNS, "tip_shadow", POSTGRESQL, 64,
                Set.of("nextval"), "app", null, AllowedSequences.of(POSTGRESQL, "app", Set.of("orders_id_seq"),
                        Set.of(), Set.of()));
        accepted(r, "select nextval('orders_id_seq')");
        refused(r, "select nextval('invoice_seq')", "invoice_seq");
    }

    @Test
    void withoutAllowedSequencesEverySequenceIsRefused() {
        refused(Policies.rewriter(POSTGRESQL), "select nextval('s')", "sequence s", "allowSequence");
        refused(Policies.rewriter(H2), "select next value for customer_seq", "CUSTOMER_SEQ");
    }

    @Test
    void aBadSequenceNameIsRefusedAtConfiguration() {
        for (String bad : List.of("", "1abc", "my seq", "a.b.c", "\"\"", "s()", "x;drop", "'s'")) {
            assertThatThrownBy(() -> AllowedSequences.checkDeclared(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + bad + "'")
                    .hasMessageContaining("allowSequence");
        }
        AllowedSequences.checkDeclared("app.orders_seq");
        AllowedSequences.checkDeclared("\"Mixed Case\"");
    }
}
