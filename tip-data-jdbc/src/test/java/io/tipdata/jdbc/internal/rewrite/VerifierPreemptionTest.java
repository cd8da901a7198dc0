package io.tipdata.jdbc.internal.rewrite;

import static io.tipdata.jdbc.Dialect.H2;
import static io.tipdata.jdbc.Dialect.MARIADB;
import static io.tipdata.jdbc.Dialect.POSTGRESQL;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.RefusedStatementException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Statements the independent isolation check would reject must be refused by the rewriter first (TD001, with
 * a message naming what to change): a rejection by the check is taken for a rewriter mistake and trips the
 * kill switch for all test traffic. Each case names the check it pre-empts.
 */
class VerifierPreemptionTest {

    static Stream<Arguments> refusedBeforeTheCheck() {
        return Stream.of(
                // "table ... is qualified with a schema other than the shadow schema"
                Arguments.of(POSTGRESQL, "select * from public.orders", "public"),
                // "twin ... renames its columns"
                Arguments.of(POSTGRESQL, "select * from orders as o(a, b, c)", "drop the column list"),
                // "a locking clause applies to the derived table ..."
                Arguments.of(POSTGRESQL, "select * from (select id from orders) x for update", "would lock every table"),
                // "FROM item of kind ... is not accepted"
                Arguments.of(POSTGRESQL, "select * from generate_series(1, 3) g", "refused"),
                Arguments.of(POSTGRESQL, "select * from (orders o join items i on i.oid = o.id)", "parenthesized join group"),
                // "table ... goes through a database link"
                Arguments.of(POSTGRESQL, "select * from orders@remote", "database link"),
                // "a join of kind APPLY ... is not accepted"
                Arguments.of(POSTGRESQL, "select * from orders o cross apply (select 1 as n) x", "does not rewrite"),
                // "VariableAssignment is not accepted here"
                Arguments.of(MARIADB, "select @x := id from orders", "refused"),
                // "common table expression ... is not a query"
                Arguments.of(POSTGRESQL, "with x as (insert into orders (id) values (1) returning id) select * from x",
                        "refused"),
                // "SELECT ... INTO is not accepted"
                Arguments.of(POSTGRESQL, "select * into x from orders", "refused"),
                // "function ... is denied"
                Arguments.of(POSTGRESQL, "select pg_read_file('x') from orders", "refused"),
                // "FOR UPDATE OF ... names no shadow twin of its FROM list"
                Arguments.of(POSTGRESQL, "select * from orders o, countries c for update of c", "FOR UPDATE OF"),
                // star checks
                Arguments.of(POSTGRESQL, "select x.* from orders o", "list the columns"),
                Arguments.of(POSTGRESQL, "select row_to_json(o.*) from orders o", "list the columns"),
                // "string literal with a backslash"
                Arguments.of(MARIADB, "select 'a\\'' from orders", "backslash"),
                // "REPLACE ... SET is not accepted"
                Arguments.of(MARIADB, "replace into orders set id = 1", "REPLACE INTO orders SET"),
                // "INSERT source ... is not accepted"
                Arguments.of(POSTGRESQL, "insert into orders default values", "refused"),
                // "MERGE source ... is a table that is not filtered on the run"
                Arguments.of(POSTGRESQL, "merge into orders o using public.items s on s.oid = o.id when matched then delete",
                        "schema-qualified"),
                // "statement assigns tip_run" / "tip_run is listed twice"
                Arguments.of(POSTGRESQL, "update orders set tip_run = 'x'", "tip_run"),
                Arguments.of(POSTGRESQL, "insert into orders (id, tip_run) values (1, 'x')", "tip_run"),
                Arguments.of(POSTGRESQL, "insert into orders (id) values (1) on conflict (id) do update set tip_run = 'x'",
                        "tip_run"));
    }

    /** Fuzz finding: two FROM items with one name made the check fail ("qualifier o names two tables"). */
    static Stream<Arguments> fromListNamingTwoItemsAlike() {
        return Stream.of(
                Arguments.of(POSTGRESQL, "select o.id from orders o join items o on o.oid = o.id", "both named 'o'"),
                Arguments.of(H2, "select 1 from orders, \"ORDERS\"", "both named"),
                Arguments.of(MARIADB, "select c.code from countries c, orders c", "both named 'c'"),
                Arguments.of(MARIADB, "select 1 from orders O join items o on o.oid = 1", "both named"),
                Arguments.of(POSTGRESQL, "select 1 from orders join countries orders on orders.id = 1", "both named"),
                Arguments.of(POSTGRESQL, "update orders o set total = 1 from items o where o.oid = 1", "both named 'o'"),
                Arguments.of(POSTGRESQL, "delete from orders o using items o where o.oid = 1", "both named 'o'"));
    }

    @ParameterizedTest
    @MethodSource("fromListNamingTwoItemsAlike")
    void fromListNamingTwoItemsAlikeIsRefusedBeforeTheCheck(Dialect dialect, String sql, String named) {
        rewriterRefusesBeforeTheIsolationCheck(dialect, sql, named);
    }

    /**
     * Fuzz finding: a PostgreSQL dollar quote holding a quote hides the next SELECT from tip-data's text scan,
     * so the text check failed on the rewritten statement ("1 SELECT keywords but ... 2 queries").
     */
    @Test
    void dollarQuoteHidingASelectFromTheTextScanIsRefusedBeforeTheCheck() {
        rewriterRefusesBeforeTheIsolationCheck(POSTGRESQL,
                "select $$it's$$ from orders union all select 'x' from orders", "dollar-quoted string");
    }

    /**
     * Fuzz finding: FOR UPDATE OF an alias whose twin the rewrite filters in a derived table (FULL join, USING join
     * under *) made the check fail ("FOR UPDATE OF o names no shadow twin of its FROM list").
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "select o.id from customers c full join orders o on o.customer = c.id for update of o",
            "select * from items i left join orders o using (id) for update of o",
            "select o1_0.id from orders o1_0 full join customers c1_0 on c1_0.id = o1_0.customer where o1_0.id = ?"
                    + " for no key update of o1_0",
            "with x as (select * from items i left join orders o using (id) for update of o) delete from items"})
    void lockOfATwinFilteredInADerivedTableIsRefusedBeforeTheCheck(String sql) {
        rewriterRefusesBeforeTheIsolationCheck(POSTGRESQL, sql, "derived table");
    }

    @ParameterizedTest
    @MethodSource("refusedBeforeTheCheck")
    void rewriterRefusesBeforeTheIsolationCheck(Dialect dialect, String sql, String named) {
        assertThatThrownBy(() -> Policies.rewrite(dialect, sql))
                .isInstanceOf(RefusedStatementException.class)
                .isNotInstanceOf(IsolationViolationException.class)
                .hasMessageContaining(named)
                .extracting(e -> ((RefusedStatementException) e).getSQLState()).isEqualTo("TD001");
    }
}
