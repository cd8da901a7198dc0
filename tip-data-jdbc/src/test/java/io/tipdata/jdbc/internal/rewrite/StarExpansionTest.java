package io.tipdata.jdbc.internal.rewrite;

import static io.tipdata.jdbc.Dialect.H2;
import static io.tipdata.jdbc.Dialect.MARIADB;
import static io.tipdata.jdbc.Dialect.POSTGRESQL;
import static io.tipdata.jdbc.internal.rewrite.Policies.rewrite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.RefusedStatementException;
import org.junit.jupiter.api.Test;

/**
 * {@code *} and {@code t.*} over ISOLATED tables mean the production columns: the twin's {@code tip_run} must
 * never show, and no column may move.
 */
class StarExpansionTest {

    private static final String ORDERS_O = "o.\"id\", o.\"customer\", o.\"total\"";
    private static final String ITEMS_I = "i.\"oid\", i.\"sku\", i.\"qty\"";

    @Test
    void starOverOneTableIsItsProductionColumnsQuotedInTheDialectsStyle() throws Exception {
        assertThat(rewrite(POSTGRESQL, "select * from orders o"))
                .isEqualTo("SELECT " + ORDERS_O + " FROM tip_shadow.orders o WHERE o.tip_run = 'run-42'");
        assertThat(rewrite(H2, "select * from orders o"))
                .isEqualTo("SELECT " + ORDERS_O + " FROM tip_shadow.orders o WHERE o.tip_run = 'run-42'");
        assertThat(rewrite(MARIADB, "select * from orders"))
                .isEqualTo("SELECT orders.`id`, orders.`customer`, orders.`total` FROM tip_shadow.orders orders"
                        + " WHERE orders.tip_run = 'run-42'");
    }

    @Test
    void starOverJoinsIsEveryItemsColumnsInFromOrder() throws Exception {
        assertThat(rewrite(POSTGRESQL, "select *, 1 as one from orders o join countries c on c.code = o.country"
                + " join items i on i.oid = o.id"))
                .isEqualTo("SELECT " + ORDERS_O + ", c.*, " + ITEMS_I + ", 1 AS one FROM tip_shadow.orders o"
                        + " JOIN countries c ON c.code = o.country JOIN tip_shadow.items i ON i.oid = o.id"
                        + " WHERE o.tip_run = 'run-42' AND i.tip_run = 'run-42'");
    }

    @Test
    void aliasStarOverATwinIsItsColumnsAndOverOtherItemsStays() throws Exception {
        assertThat(rewrite(POSTGRESQL, "select c.*, o.*, o.id from orders o join countries c on c.code = o.country"))
                .isEqualTo("SELECT c.*, " + ORDERS_O + ", o.id FROM tip_shadow.orders o JOIN countries c"
                        + " ON c.code = o.country WHERE o.tip_run = 'run-42'");
        assertThat(rewrite(POSTGRESQL, "select ORDERS.* from orders"))
                .isEqualTo("SELECT orders.\"id\", orders.\"customer\", orders.\"total\" FROM tip_shadow.orders orders"
                        + " WHERE orders.tip_run = 'run-42'");
    }

    @Test
    void naturalAndUsingJoinsKeepTheStarOverDerivedTablesOfTheProductionColumns() throws Exception {
        assertThat(rewrite(POSTGRESQL, "select * from orders o natural join items i"))
                .isEqualTo("SELECT * FROM (SELECT " + ORDERS_O + " FROM tip_shadow.orders o WHERE o.tip_run = 'run-42') o"
                        + " NATURAL JOIN (SELECT " + ITEMS_I + " FROM tip_shadow.items i WHERE i.tip_run = 'run-42') i");
        assertThat(rewrite(POSTGRESQL, "select o.* from orders o join customers c using (id)"))
                .isEqualTo("SELECT o.* FROM (SELECT " + ORDERS_O + " FROM tip_shadow.orders o WHERE o.tip_run = 'run-42') o"
                        + " JOIN (SELECT c.\"id\", c.\"name\" FROM tip_shadow.customers c WHERE c.tip_run = 'run-42') c"
                        + " USING (id)");
        assertThat(rewrite(POSTGRESQL, "select o.id from orders o join customers c using (id)"))
                .isEqualTo("SELECT o.id FROM tip_shadow.orders o JOIN tip_shadow.customers c USING (id)"
                        + " WHERE o.tip_run = 'run-42' AND c.tip_run = 'run-42'");
    }

    @Test
    void nestedQueriesAndCtesAreWrittenOutWhereTheyReadTwins() throws Exception {
        assertThat(rewrite(POSTGRESQL, "select x.* from (select * from orders o) x"
                + " where exists (select * from items i where i.oid = x.id)"))
                .isEqualTo("SELECT x.* FROM (SELECT " + ORDERS_O + " FROM tip_shadow.orders o WHERE o.tip_run = 'run-42') x"
                        + " WHERE EXISTS (SELECT " + ITEMS_I + " FROM tip_shadow.items i WHERE i.oid = x.id"
                        + " AND i.tip_run = 'run-42')");
        assertThat(rewrite(POSTGRESQL, "with t as (select * from orders o) select * from t"))
                .isEqualTo("WITH tip_cte_1 AS (SELECT " + ORDERS_O + " FROM tip_shadow.orders o WHERE o.tip_run = 'run-42')"
                        + " SELECT * FROM tip_cte_1 t");
        assertThat(rewrite(POSTGRESQL, "select count(*) from orders o"))
                .isEqualTo("SELECT count(*) FROM tip_shadow.orders o WHERE o.tip_run = 'run-42'");
    }

    @Test
    void returningStarIsTheTargetsColumnsThenTheFromItems() throws Exception {
        assertThat(rewrite(POSTGRESQL, "insert into orders (id) values (1) returning *"))
                .isEqualTo("INSERT INTO tip_shadow.orders (id, tip_run) VALUES (1, 'run-42')"
                        + " RETURNING \"id\", \"customer\", \"total\"");
        assertThat(rewrite(POSTGRESQL, "update orders o set total = 0 from countries c where c.code = o.country"
                + " returning *"))
                .isEqualTo("UPDATE tip_shadow.orders o SET total = 0 FROM countries c WHERE c.code = o.country"
                        + " AND o.tip_run = 'run-42' RETURNING " + ORDERS_O + ", c.*");
        assertThat(rewrite(POSTGRESQL, "delete from orders where id = 1 returning orders.*, id"))
                .isEqualTo("DELETE FROM tip_shadow.orders orders WHERE id = 1 AND orders.tip_run = 'run-42'"
                        + " RETURNING orders.\"id\", orders.\"customer\", orders.\"total\", id");
        assertThat(rewrite(MARIADB, "delete from orders where id = 1 returning *"))
                .isEqualTo("DELETE FROM tip_shadow.orders WHERE id = 1 AND tip_shadow.orders.tip_run = 'run-42'"
                        + " RETURNING `id`, `customer`, `total`");
    }

    @Test
    void starOverATwinWhoseColumnsAreUnknownIsRefused() {
        SqlRewriter blind = SqlRewriter.create(Policies.SHOP, TableColumns.none(), "tip_shadow", POSTGRESQL, 16);
        assertThatThrownBy(() -> blind.rewrite("select * from orders"))
                .isInstanceOf(RefusedStatementException.class)
                .hasMessageContaining("columns of ISOLATED table 'orders' are unknown").hasMessageContaining("list the columns")
                .extracting(e -> ((RefusedStatementException) e).getSQLState()).isEqualTo("TD001");
        assertThatThrownBy(() -> blind.rewrite("select o.id from orders o full join items i on i.oid = o.id"))
                .isInstanceOf(RefusedStatementException.class).hasMessageContaining("are unknown");
    }

    @Test
    void starsTheRewriteCannotWriteOutAreRefused() {
        for (Dialect d : Dialect.values()) {
            assertThatThrownBy(() -> rewrite(d, "select count(o.*) from orders o"))
                    .isInstanceOf(RefusedStatementException.class).hasMessageContaining("o.*")
                    .hasMessageContaining("list the columns");
        }
        assertThatThrownBy(() -> rewrite(POSTGRESQL, "select 1 from countries c where exists (select c.* from orders o)"))
                .isInstanceOf(RefusedStatementException.class).hasMessageContaining("c.*")
                .hasMessageContaining("names no table of its own FROM list");
        assertThatThrownBy(() -> rewrite(POSTGRESQL, "insert into orders (id, total) select * from items"))
                .isInstanceOf(RefusedStatementException.class).hasMessageContaining("list the selected columns");
        assertThatThrownBy(() -> rewrite(POSTGRESQL, "insert into orders (id) values (1, 2)"))
                .isInstanceOf(RefusedStatementException.class).isNotInstanceOf(IsolationViolationException.class)
                .hasMessageContaining("lists 1 columns but a row or SELECT gives 2 values");
        assertThatThrownBy(() -> rewrite(H2, "merge into orders o using countries c on o.id = 1"
                + " when not matched then insert (id) values (1, 2)"))
                .isInstanceOf(RefusedStatementException.class).isNotInstanceOf(IsolationViolationException.class)
                .hasMessageContaining("INSERT lists 1 columns but 2 values");
    }

    @Test
    void postgresqlWholeRowReferenceToATwinIsRefused() throws Exception {
        assertThatThrownBy(() -> rewrite(POSTGRESQL, "select row_to_json(o) from orders o"))
                .isInstanceOf(RefusedStatementException.class).hasMessageContaining("'o' names ISOLATED table 'orders'"
                        + " as a whole row").hasMessageContaining("list the columns");
        assertThatThrownBy(() -> rewrite(POSTGRESQL, "select orders from orders"))
                .isInstanceOf(RefusedStatementException.class).hasMessageContaining("as a whole row");
        assertThat(rewrite(POSTGRESQL, "select total from orders total"))
                .isEqualTo("SELECT total FROM tip_shadow.orders total WHERE total.tip_run = 'run-42'");
        assertThat(rewrite(H2, "select o from orders o"))
                .isEqualTo("SELECT o FROM tip_shadow.orders o WHERE o.tip_run = 'run-42'");
    }
}
