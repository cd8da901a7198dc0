package io.tipdata.jdbc.internal.rewrite;

import io.tipdata.jdbc.internal.rewrite.text.ParameterMarkers;
import static io.tipdata.jdbc.Dialect.H2;
import static io.tipdata.jdbc.Dialect.MARIADB;
import static io.tipdata.jdbc.Dialect.POSTGRESQL;
import static io.tipdata.jdbc.internal.rewrite.Policies.rewrite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipdata.jdbc.RefusedStatementException;
import org.junit.jupiter.api.Test;

class SqlRewriterTest {

    @Test
    void selectOfIsolatedTableReadsTheTwinFilteredOnTheRun() throws Exception {
        assertThat(rewrite(POSTGRESQL, "select id, total from orders where id = ?"))
                .isEqualTo("SELECT id, total FROM tip_shadow.orders orders WHERE id = ? AND orders.tip_run = 'run-42'");
    }

    @Test
    void originalAliasIsKeptAndQualifiesTheFilter() throws Exception {
        assertThat(rewrite(POSTGRESQL, "select o.id from orders o where o.total > 10"))
                .isEqualTo("SELECT o.id FROM tip_shadow.orders o WHERE o.total > 10 AND o.tip_run = 'run-42'");
    }

    @Test
    void referenceTableIsReadAsItIs() throws Exception {
        assertThat(rewrite(POSTGRESQL, "select o.id, c.name from orders o join countries c on c.code = o.country"))
                .isEqualTo("SELECT o.id, c.name FROM tip_shadow.orders o JOIN countries c ON c.code = o.country"
                        + " WHERE o.tip_run = 'run-42'");
        assertThat(rewrite(POSTGRESQL, "select name from countries")).isEqualTo("SELECT name FROM countries");
    }

    @Test
    void orInWhereIsParenthesizedBeforeTheFilterIsAdded() throws Exception {
        assertThat(rewrite(POSTGRESQL, "select * from orders where a = 1 or b = 2"))
                .isEqualTo("SELECT orders.\"id\", orders.\"customer\", orders.\"total\" FROM tip_shadow.orders orders WHERE (a = 1 OR b = 2) AND orders.tip_run = 'run-42'");
    }

    @Test
    void conditionEndingInAnInListIsParenthesizedSoTheFilterStaysATopLevelConjunct() throws Exception {
        // JSqlParser reads "a IN (1, 2) AND b = 2" as "a IN ((1, 2) AND b = 2)"; the parentheses keep the
        // filter outside whatever the parser makes of the user's condition.
        assertThat(rewrite(POSTGRESQL, "select * from orders where a in (1, 2)"))
                .isEqualTo("SELECT orders.\"id\", orders.\"customer\", orders.\"total\" FROM tip_shadow.orders orders WHERE (a IN (1, 2)) AND orders.tip_run = 'run-42'");
    }

    @Test
    void innerAndCommaJoinsFilterEveryTableInWhere() throws Exception {
        assertThat(rewrite(POSTGRESQL, "select * from orders o inner join items i on i.oid = o.id, customers c"))
                .isEqualTo("SELECT o.\"id\", o.\"customer\", o.\"total\", i.\"oid\", i.\"sku\", i.\"qty\", c.\"id\", c.\"name\""
                        + " FROM tip_shadow.orders o INNER JOIN tip_shadow.items i ON i.oid = o.id,"
                        + " tip_shadow.customers c WHERE o.tip_run = 'run-42' AND i.tip_run = 'run-42'"
                        + " AND c.tip_run = 'run-42'");
    }

    @Test
    void leftJoinPutsTheOptionalSideFilterInOn() throws Exception {
        assertThat(rewrite(POSTGRESQL, "select * from orders o left join items i on i.oid = o.id"))
                .isEqualTo("SELECT o.\"id\", o.\"customer\", o.\"total\", i.\"oid\", i.\"sku\", i.\"qty\" FROM tip_shadow.orders o LEFT JOIN tip_shadow.items i"
                        + " ON i.oid = o.id AND i.tip_run = 'run-42' WHERE o.tip_run = 'run-42'");
    }

    @Test
    void rightJoinPutsTheLeftSideFilterInOn() throws Exception {
        assertThat(rewrite(POSTGRESQL, "select * from orders o right outer join items i on i.oid = o.id"))
                .isEqualTo("SELECT o.\"id\", o.\"customer\", o.\"total\", i.\"oid\", i.\"sku\", i.\"qty\" FROM tip_shadow.orders o RIGHT OUTER JOIN tip_shadow.items i"
                        + " ON i.oid = o.id AND o.tip_run = 'run-42' WHERE i.tip_run = 'run-42'");
    }

    @Test
    void fullJoinFiltersBothSidesInDerivedTables() throws Exception {
        assertThat(rewrite(POSTGRESQL, "select * from orders o full join items i on i.oid = o.id"))
                .isEqualTo("SELECT * FROM (SELECT o.\"id\", o.\"customer\", o.\"total\" FROM tip_shadow.orders o WHERE o.tip_run = 'run-42') o"
                        + " FULL JOIN (SELECT i.\"oid\", i.\"sku\", i.\"qty\" FROM tip_shadow.items i WHERE i.tip_run = 'run-42') i ON i.oid = o.id");
    }

    @Test
    void leftJoinWithUsingFiltersTheOptionalSideInADerivedTable() throws Exception {
        assertThat(rewrite(POSTGRESQL, "select * from orders o left join items i using (id)"))
                .isEqualTo("SELECT * FROM (SELECT o.\"id\", o.\"customer\", o.\"total\" FROM tip_shadow.orders o WHERE o.tip_run = 'run-42') o"
                        + " LEFT JOIN (SELECT i.\"oid\", i.\"sku\", i.\"qty\" FROM tip_shadow.items i WHERE i.tip_run = 'run-42') i USING (id)");
    }

    @Test
    void leftJoinOfAReferenceTableNeedsNoFilter() throws Exception {
        assertThat(rewrite(POSTGRESQL, "select * from orders o left join countries c on c.code = o.country"))
                .isEqualTo("SELECT o.\"id\", o.\"customer\", o.\"total\", c.* FROM tip_shadow.orders o LEFT JOIN countries c ON c.code = o.country"
                        + " WHERE o.tip_run = 'run-42'");
    }

    @Test
    void subqueriesInWhereSelectAndExistsAreRewritten() throws Exception {
        assertThat(rewrite(POSTGRESQL, "select (select count(*) from items i where i.oid = o.id) from orders o"
                + " where o.cid in (select id from customers) and not exists (select 1 from items x where x.oid = o.id)"))
                .isEqualTo("SELECT (SELECT count(*) FROM tip_shadow.items i WHERE i.oid = o.id AND i.tip_run = 'run-42')"
                        + " FROM tip_shadow.orders o WHERE (o.cid IN (SELECT id FROM tip_shadow.customers customers"
                        + " WHERE customers.tip_run = 'run-42') AND NOT EXISTS (SELECT 1 FROM tip_shadow.items x"
                        + " WHERE x.oid = o.id AND x.tip_run = 'run-42')) AND o.tip_run = 'run-42'");
    }

    @Test
    void derivedTableIsRewritten() throws Exception {
        assertThat(rewrite(POSTGRESQL, "select t.n from (select count(*) n from orders) t"))
                .isEqualTo("SELECT t.n FROM (SELECT count(*) n FROM tip_shadow.orders orders"
                        + " WHERE orders.tip_run = 'run-42') t");
    }

    @Test
    void everyUnionBranchIsFiltered() throws Exception {
        assertThat(rewrite(POSTGRESQL, "select id from orders union all select oid from items except select id from customers"))
                .isEqualTo("SELECT id FROM tip_shadow.orders orders WHERE orders.tip_run = 'run-42'"
                        + " UNION ALL SELECT oid FROM tip_shadow.items items WHERE items.tip_run = 'run-42'"
                        + " EXCEPT SELECT id FROM tip_shadow.customers customers WHERE customers.tip_run = 'run-42'");
    }

    @Test
    void cteNamedLikeATableIsNotRewrittenButItsBodyIs() throws Exception {
        // the CTE gets a generated name (H2 would read a CTE named like a table as the table); its old
        // name stays as the alias of each reference
        assertThat(rewrite(POSTGRESQL, "with orders as (select * from orders where total > 5) select * from orders"))
                .isEqualTo("WITH tip_cte_1 AS (SELECT orders.\"id\", orders.\"customer\", orders.\"total\" FROM tip_shadow.orders orders WHERE total > 5"
                        + " AND orders.tip_run = 'run-42') SELECT * FROM tip_cte_1 orders");
    }

    @Test
    void laterCteSeesEarlierOneAndSubqueriesSeeTheCte() throws Exception {
        assertThat(rewrite(POSTGRESQL, "with a as (select id from orders), items as (select * from a)"
                + " select * from items where id in (select id from items)"))
                .isEqualTo("WITH tip_cte_1 AS (SELECT id FROM tip_shadow.orders orders WHERE orders.tip_run = 'run-42'),"
                        + " tip_cte_2 AS (SELECT * FROM tip_cte_1 a) SELECT * FROM tip_cte_2 items"
                        + " WHERE id IN (SELECT id FROM tip_cte_2 items)");
    }

    @Test
    void generatedCteNameAvoidsNamesInTheStatement() throws Exception {
        assertThat(rewrite(POSTGRESQL, "with x as (select 'tip_cte' s) select s from x"))
                .isEqualTo("WITH tip_cte0_1 AS (SELECT 'tip_cte' s) SELECT s FROM tip_cte0_1 x");
    }

    @Test
    void recursiveCteReferencesItself() throws Exception {
        assertThat(rewrite(POSTGRESQL, "with recursive t(id) as (select id from orders union all select id + 1 from t"
                + " where id < 3) select * from t"))
                .isEqualTo("WITH RECURSIVE tip_cte_1(id) AS (SELECT id FROM tip_shadow.orders orders"
                        + " WHERE orders.tip_run = 'run-42' UNION ALL SELECT id + 1 FROM tip_cte_1 t WHERE id < 3)"
                        + " SELECT * FROM tip_cte_1 t");
    }

    @Test
    void insertStampsEveryValuesRow() throws Exception {
        RewrittenSql r = Policies.rewriter(POSTGRESQL).rewrite("insert into orders (id, total) values (?, ?), (?, 3)");
        assertThat(r.kind()).isEqualTo(StatementKind.INSERT);
        assertThat(r.sqlFor("run-42")).isEqualTo(
                "INSERT INTO tip_shadow.orders (id, total, tip_run) VALUES (?, ?, 'run-42'), (?, 3, 'run-42')");
    }

    @Test
    void insertSelectStampsTheProjectionOfEveryBranch() throws Exception {
        assertThat(rewrite(POSTGRESQL, "insert into orders (id, total) select id, 0 from items where oid = ?"
                + " union select id, 1 from countries"))
                .isEqualTo("INSERT INTO tip_shadow.orders (id, total, tip_run) SELECT id, 0, 'run-42'"
                        + " FROM tip_shadow.items items WHERE oid = ? AND items.tip_run = 'run-42'"
                        + " UNION SELECT id, 1, 'run-42' FROM countries");
    }

    @Test
    void insertWithoutColumnListIsRefusedWithAdvice() {
        assertThatThrownBy(() -> rewrite(POSTGRESQL, "insert into orders values (1, 2)"))
                .isInstanceOf(RefusedStatementException.class)
                .hasMessageContaining("without a column list").hasMessageContaining("list the columns")
                .extracting(e -> ((RefusedStatementException) e).getSQLState()).isEqualTo("TD001");
    }

    @Test
    void onConflictTargetGetsTipRunAndReturningPassesThrough() throws Exception {
        RewrittenSql r = Policies.rewriter(POSTGRESQL).rewrite("insert into orders (id, total) values (?, ?)"
                + " on conflict (id) do update set total = excluded.total returning id");
        assertThat(r.kind()).isEqualTo(StatementKind.UPSERT);
        assertThat(r.sqlFor("run-42")).isEqualTo("INSERT INTO tip_shadow.orders (id, total, tip_run) VALUES (?, ?, 'run-42')"
                + " ON CONFLICT (  id, tip_run )  DO UPDATE SET total = excluded.total RETURNING id");
    }

    @Test
    void onConflictDoNothingWithoutTargetStaysInTheTwin() throws Exception {
        assertThat(rewrite(POSTGRESQL, "insert into orders (id) values (1) on conflict do nothing"))
                .isEqualTo("INSERT INTO tip_shadow.orders (id, tip_run) VALUES (1, 'run-42') ON CONFLICT DO NOTHING");
    }

    @Test
    void onConflictOnConstraintIsRefused() {
        assertThatThrownBy(() -> rewrite(POSTGRESQL,
                "insert into orders (id) values (1) on conflict on constraint orders_pk do nothing"))
                .isInstanceOf(RefusedStatementException.class).hasMessageContaining("list the conflict columns");
    }

    @Test
    void mariaDbOnDuplicateKeyUpdateGoesToTheTwin() throws Exception {
        RewrittenSql r = Policies.rewriter(MARIADB).rewrite(
                "insert into orders (id, total) values (?, ?) on duplicate key update total = values(total)");
        assertThat(r.kind()).isEqualTo(StatementKind.UPSERT);
        assertThat(r.sqlFor("run-42")).isEqualTo("INSERT INTO tip_shadow.orders (id, total, tip_run) VALUES (?, ?, 'run-42')"
                + " ON DUPLICATE KEY UPDATE total = values(total)");
    }

    @Test
    void mariaDbReplaceGoesToTheTwinStamped() throws Exception {
        RewrittenSql r = Policies.rewriter(MARIADB).rewrite("replace into orders (id, total) values (?, ?)");
        assertThat(r.kind()).isEqualTo(StatementKind.UPSERT);
        assertThat(r.sqlFor("run-42")).isEqualTo("REPLACE INTO tip_shadow.orders (id, total, tip_run) VALUES (?, ?, 'run-42')");
    }

    @Test
    void upsertMustNotAssignTipRun() {
        assertThatThrownBy(() -> rewrite(MARIADB,
                "insert into orders (id) values (1) on duplicate key update tip_run = 'other'"))
                .isInstanceOf(RefusedStatementException.class).hasMessageContaining("tip_run");
    }

    @Test
    void mergeTargetsTheTwinFiltersOnAndStampsInserts() throws Exception {
        RewrittenSql r = Policies.rewriter(H2).rewrite("merge into orders o using countries c on (o.country = c.code)"
                + " when matched then update set total = 0 when not matched then insert (id, country) values (1, c.code)");
        assertThat(r.kind()).isEqualTo(StatementKind.MERGE);
        assertThat(r.sqlFor("run-42")).isEqualTo("MERGE INTO tip_shadow.orders o USING countries c ON (o.country = c.code)"
                + " AND o.tip_run = 'run-42' WHEN MATCHED THEN UPDATE SET total = 0"
                + " WHEN NOT MATCHED THEN INSERT (id, country, tip_run) VALUES (1, c.code, 'run-42')");
    }

    @Test
    void mergeFromAnIsolatedSourceFiltersTheSourceInADerivedTable() throws Exception {
        assertThat(rewrite(H2, "merge into orders o using items i on o.id = i.oid"
                + " when not matched then insert (id) values (i.oid)"))
                .isEqualTo("MERGE INTO tip_shadow.orders o USING (SELECT i.\"oid\", i.\"sku\", i.\"qty\" FROM tip_shadow.items i"
                        + " WHERE i.tip_run = 'run-42') i ON o.id = i.oid AND o.tip_run = 'run-42'"
                        + " WHEN NOT MATCHED THEN INSERT (id, tip_run) VALUES (i.oid, 'run-42')");
    }

    @Test
    void updateAndDeleteAreFilteredOnTheRun() throws Exception {
        assertThat(rewrite(POSTGRESQL, "update orders set total = ? where id = ? returning total"))
                .isEqualTo("UPDATE tip_shadow.orders orders SET total = ? WHERE id = ? AND orders.tip_run = 'run-42'"
                        + " RETURNING total");
        assertThat(rewrite(POSTGRESQL, "delete from orders where id = ?"))
                .isEqualTo("DELETE FROM tip_shadow.orders orders WHERE id = ? AND orders.tip_run = 'run-42'");
        assertThat(rewrite(POSTGRESQL, "delete from orders"))
                .isEqualTo("DELETE FROM tip_shadow.orders orders WHERE orders.tip_run = 'run-42'");
    }

    @Test
    void updateWithSubqueryAndFromFiltersEveryTable() throws Exception {
        assertThat(rewrite(POSTGRESQL, "update orders o set total = (select sum(x) from items i where i.oid = o.id)"
                + " from customers c where c.id = o.cid"))
                .isEqualTo("UPDATE tip_shadow.orders o SET total = (SELECT sum(x) FROM tip_shadow.items i"
                        + " WHERE i.oid = o.id AND i.tip_run = 'run-42') FROM tip_shadow.customers c"
                        + " WHERE c.id = o.cid AND o.tip_run = 'run-42' AND c.tip_run = 'run-42'");
    }

    @Test
    void mariaDbDeleteNamesTheTwinInFullBecauseItAcceptsNoAlias() throws Exception {
        assertThat(rewrite(MARIADB, "delete from orders where id = ?"))
                .isEqualTo("DELETE FROM tip_shadow.orders WHERE id = ? AND tip_shadow.orders.tip_run = 'run-42'");
    }

    @Test
    void identifierCaseFollowsTheDialect() throws Exception {
        assertThat(rewrite(H2, "SELECT * FROM ORDERS")).isEqualTo(
                "SELECT ORDERS.\"id\", ORDERS.\"customer\", ORDERS.\"total\" FROM tip_shadow.ORDERS ORDERS WHERE ORDERS.tip_run = 'run-42'");
        assertThat(rewrite(H2, "select * from \"ORDERS\"")).isEqualTo(
                "SELECT \"ORDERS\".\"id\", \"ORDERS\".\"customer\", \"ORDERS\".\"total\" FROM tip_shadow.\"ORDERS\" \"ORDERS\" WHERE \"ORDERS\".tip_run = 'run-42'");
        assertThat(rewrite(POSTGRESQL, "select * from \"orders\"")).isEqualTo(
                "SELECT \"orders\".\"id\", \"orders\".\"customer\", \"orders\".\"total\" FROM tip_shadow.\"orders\" \"orders\" WHERE \"orders\".tip_run = 'run-42'");
        assertThat(rewrite(MARIADB, "select * from `Orders`")).isEqualTo(
                "SELECT `Orders`.`id`, `Orders`.`customer`, `Orders`.`total` FROM tip_shadow.`Orders` `Orders` WHERE `Orders`.tip_run = 'run-42'");
        assertThatThrownBy(() -> rewrite(H2, "select * from \"orders\""))
                .hasMessageContaining("\"orders\" is quoted").hasMessageContaining("'ORDERS'");
        assertThatThrownBy(() -> rewrite(POSTGRESQL, "select * from \"ORDERS\""))
                .hasMessageContaining("\"ORDERS\" is quoted").hasMessageContaining("'orders'");
    }

    @Test
    void cteNameMatchesPerDialectFolding() throws Exception {
        assertThat(rewrite(POSTGRESQL, "with ORDERS as (select 1 x) select * from orders"))
                .isEqualTo("WITH tip_cte_1 AS (SELECT 1 x) SELECT * FROM tip_cte_1 orders");
        assertThat(rewrite(POSTGRESQL, "with \"Orders\" as (select 1 x) select * from orders"))
                .isEqualTo("WITH tip_cte_1 AS (SELECT 1 x) SELECT orders.\"id\", orders.\"customer\", orders.\"total\" FROM tip_shadow.orders orders"
                        + " WHERE orders.tip_run = 'run-42'");
        assertThatThrownBy(() -> rewrite(MARIADB, "with Orders as (select 1 x) select * from orders"))
                .hasMessageContaining("only in case");
    }

    @Test
    void parametersKeepTheirOrderAndNoneIsAdded() throws Exception {
        String sql = "select * from orders o left join items i on i.oid = o.id and i.x = ? where o.a = ?"
                + " and o.b in (select c from customers where d = ?) limit ? offset ?";
        String out = rewrite(POSTGRESQL, sql);
        assertThat(ParameterMarkers.count(out, POSTGRESQL)).isEqualTo(5);
        assertThat(out).isEqualTo("SELECT o.\"id\", o.\"customer\", o.\"total\", i.\"oid\", i.\"sku\", i.\"qty\" FROM tip_shadow.orders o LEFT JOIN tip_shadow.items i"
                + " ON i.oid = o.id AND i.x = ? AND i.tip_run = 'run-42' WHERE (o.a = ? AND o.b IN (SELECT c FROM"
                + " tip_shadow.customers customers WHERE d = ? AND customers.tip_run = 'run-42')) AND o.tip_run = 'run-42'"
                + " LIMIT ? OFFSET ?");
    }

    @Test
    void renderingThatWouldReorderParametersIsRefused() {
        assertThatThrownBy(() -> rewrite(POSTGRESQL, "select * from orders offset ? limit ?"))
                .isInstanceOf(RefusedStatementException.class).hasMessageContaining("order of its ? parameters");
    }

    @Test
    void trailingSemicolonAndCommentsAreTolerated() throws Exception {
        assertThat(rewrite(POSTGRESQL, "select id from orders /* comment */ -- more\n;"))
                .isEqualTo("SELECT id FROM tip_shadow.orders orders WHERE orders.tip_run = 'run-42'");
    }

    @Test
    void jsonOperatorsAndCastsKeepTheirParameters() throws Exception {
        assertThat(rewrite(POSTGRESQL, "select * from orders where data->>'x' = ? and ?::int > 0"))
                .isEqualTo("SELECT orders.\"id\", orders.\"customer\", orders.\"total\" FROM tip_shadow.orders orders WHERE (data->>'x' = ? AND ?::int > 0)"
                        + " AND orders.tip_run = 'run-42'");
    }

    @Test
    void valuesAsADerivedTablePasses() throws Exception {
        assertThat(rewrite(POSTGRESQL, "select * from orders o join (values (1, 2)) v(a, b) on v.a = o.id"))
                .isEqualTo("SELECT o.\"id\", o.\"customer\", o.\"total\", v.* FROM tip_shadow.orders o JOIN (VALUES (1, 2)) v(a, b) ON v.a = o.id"
                        + " WHERE o.tip_run = 'run-42'");
    }

    @Test
    void lockingClauseOfAnAliasIsKept() throws Exception {
        assertThat(rewrite(POSTGRESQL, "select o1_0.id from orders o1_0 where o1_0.id = ? for no key update of o1_0"))
                .isEqualTo("SELECT o1_0.id FROM tip_shadow.orders o1_0 WHERE o1_0.id = ? AND o1_0.tip_run = 'run-42'"
                        + " FOR NO KEY UPDATE OF o1_0");
        assertThat(rewrite(POSTGRESQL, "select id from orders for update of orders"))
                .isEqualTo("SELECT id FROM tip_shadow.orders orders WHERE orders.tip_run = 'run-42' FOR UPDATE OF orders");
    }

    @Test
    void dualAndTableFreeQueriesPass() throws Exception {
        assertThat(rewrite(H2, "select 1 from dual")).isEqualTo("SELECT 1 FROM dual");
        assertThat(rewrite(POSTGRESQL, "select abs(-1), now()")).isEqualTo("SELECT abs(-1), now()");
    }

    @Test
    void runIdIsValidatedAndPlacedAsLiteral() throws Exception {
        RewrittenSql r = Policies.rewriter(POSTGRESQL).rewrite("select * from orders");
        assertThat(r.sqlFor("other_run")).endsWith("orders.tip_run = 'other_run'");
        assertThat(r.runLiteralCount()).isEqualTo(1);
        assertThatThrownBy(() -> r.sqlFor("x' or '1'='1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid run id");
        assertThatThrownBy(() -> r.sqlFor(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sqlForReturnsTheSameStringForTheSameRun() throws Exception {
        RewrittenSql r = Policies.rewriter(POSTGRESQL).rewrite("select * from orders");
        assertThat(r.sqlFor("run-a")).isSameAs(r.sqlFor("run-a"));
        assertThat(r.sqlFor("run-b")).contains("'run-b'").doesNotContain("run-a");
    }

    @Test
    void sentinelTextInTheStatementDoesNotConfuseThePlacement() throws Exception {
        assertThat(rewrite(POSTGRESQL, "select 'tipsentinel' from orders"))
                .isEqualTo("SELECT 'tipsentinel' FROM tip_shadow.orders orders WHERE orders.tip_run = 'run-42'");
    }

    @Test
    void aNumberedMarkerIsRefusedNamingIt() {
        assertThatThrownBy(() -> rewrite(H2, "select id from orders where id = ?1"))
                .isInstanceOf(RefusedStatementException.class).hasMessageContaining("numbered parameter marker ?1")
                .hasMessageContaining("write ? instead");
    }
}
