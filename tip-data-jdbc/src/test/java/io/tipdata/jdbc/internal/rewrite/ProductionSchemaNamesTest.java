package io.tipdata.jdbc.internal.rewrite;

import static io.tipdata.jdbc.Dialect.H2;
import static io.tipdata.jdbc.Dialect.MARIADB;
import static io.tipdata.jdbc.Dialect.POSTGRESQL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.RefusedStatementException;
import io.tipdata.jdbc.internal.rewrite.check.IsolationVerifier;
import java.util.Set;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.junit.jupiter.api.Test;

/**
 * Names qualified with the production schema (and catalog) in the rewriter, and in the independent check on its
 * own: they name the declared table and only that; other schemas, the shadow schema, another catalog and a CTE of
 * the same name are not it. MariaDB's LOCK IN SHARE MODE is read and written back. (On the databases:
 * {@code *QualifiedNamesTest}, {@code *LockingReadsTest}.)
 */
class ProductionSchemaNamesTest {

    private static SqlRewriter rewriter(Dialect d) {
        String schema = d == H2 ? "PUBLIC" : d == POSTGRESQL ? "public" : "shop";
        String catalog = d == H2 ? "SHOPDB" : d == POSTGRESQL ? "shopdb" : null;
        return SqlRewriter.create(Policies.SHOP, Policies.SHOP_COLUMNS, "tip_shadow", d, 64, Set.of(), schema, catalog);
    }

    private static String rewrite(Dialect d, String sql) throws RefusedStatementException {
        return rewriter(d).rewrite(sql).sqlFor(Policies.RUN);
    }

    @Test
    void anIsolatedTableQualifiedWithTheProductionSchemaBecomesItsTwin() throws Exception {
        assertThat(rewrite(POSTGRESQL, "select \"public\".\"orders\".\"id\" from \"public\".\"orders\" where"
                + " \"public\".\"orders\".\"total\" > ?"))
                .isEqualTo("SELECT \"orders\".\"id\" FROM tip_shadow.\"orders\" \"orders\" WHERE"
                        + " \"orders\".\"total\" > ? AND \"orders\".tip_run = 'run-42'");
        assertThat(rewrite(H2, "select o.id from PUBLIC.ORDERS o"))
                .isEqualTo("SELECT o.id FROM tip_shadow.ORDERS o WHERE o.tip_run = 'run-42'");
        assertThat(rewrite(MARIADB, "insert into `shop`.`orders` (`id`, `total`) values (?, ?)"))
                .isEqualTo("INSERT INTO tip_shadow.`orders` (`id`, `total`, tip_run) VALUES (?, ?, 'run-42')");
        assertThat(rewrite(POSTGRESQL, "update public.orders set total = 1 where id = 2"))
                .isEqualTo("UPDATE tip_shadow.orders orders SET total = 1 WHERE id = 2 AND orders.tip_run = 'run-42'");
    }

    @Test
    void aCatalogQualifiedNameNamesTheDeclaredTableOnPostgresAndH2Only() throws Exception {
        assertThat(rewrite(POSTGRESQL, "select o.id from shopdb.public.orders o"))
                .isEqualTo("SELECT o.id FROM tip_shadow.orders o WHERE o.tip_run = 'run-42'");
        assertThat(rewrite(H2, "select o.id from \"SHOPDB\".\"PUBLIC\".\"ORDERS\" o"))
                .isEqualTo("SELECT o.id FROM tip_shadow.\"ORDERS\" o WHERE o.tip_run = 'run-42'");
        assertRefused(POSTGRESQL, "select o.id from otherdb.public.orders o", "schema");
        assertRefused(H2, "select o.id from \"shopdb\".PUBLIC.ORDERS o", "schema");
        assertRefused(MARIADB, "select o.id from def.shop.orders o", "schema");
    }

    @Test
    void aReferenceTableKeepsItsQualifierAndTheCheckReadsIt() throws Exception {
        assertThat(rewrite(POSTGRESQL, "select c.name from public.countries c"))
                .isEqualTo("SELECT c.name FROM public.countries c");
        assertThat(rewrite(MARIADB, "select name from `shop`.`countries`")).isEqualTo("SELECT name FROM `shop`.`countries`");
        IsolationVerifier check = new IsolationVerifier(Policies.SHOP, POSTGRESQL, "tip_shadow",
                FunctionList.of(POSTGRESQL, Set.of()), "public", "shopdb");
        CheckInput.verify(check, POSTGRESQL, "SELECT c.name FROM shopdb.public.countries c", "r1", "tip_cte");
        for (String sql : new String[] {"SELECT c.name FROM other.countries c", "SELECT c.name FROM x.public.countries c",
                "SELECT o.id FROM public.orders o", "SELECT a.x FROM public.audit_log a",
                "SELECT c.name FROM \"PUBLIC\".countries c"}) {
            assertThatThrownBy(() -> CheckInput.verify(check, POSTGRESQL, sql, "r1", "tip_cte")).as(sql)
                    .isInstanceOf(Refusal.class);
        }
        IsolationVerifier unaware = new IsolationVerifier(Policies.SHOP, POSTGRESQL, "tip_shadow");
        assertThatThrownBy(() -> CheckInput.verify(unaware, POSTGRESQL, "SELECT c.name FROM public.countries c", "r1",
                "tip_cte")).isInstanceOf(Refusal.class);
    }

    @Test
    void otherSchemasTheShadowSchemaDeniedTablesAndWritesToReferenceTablesAreRefused() {
        assertRefused(POSTGRESQL, "select id from sales.orders", "schema other than the production schema 'public'");
        assertRefused(POSTGRESQL, "select id from \"PUBLIC\".orders", "schema");
        assertRefused(H2, "select id from \"public\".orders", "schema");
        assertRefused(MARIADB, "select id from SHOP.orders", "schema");
        assertRefused(POSTGRESQL, "select id from tip_shadow.orders", "shadow schema");
        assertRefused(POSTGRESQL, "select x from public.audit_log", "DENIED");
        assertRefused(POSTGRESQL, "select x from public.unknown_table", "not declared");
        assertRefused(POSTGRESQL, "update public.countries set name = 'x'", "REFERENCE");
        assertRefused(POSTGRESQL, "select id from srv.shopdb.public.orders", "schema");
    }

    @Test
    void aQualifiedNameNeverNamesACte() throws Exception {
        assertThat(rewrite(POSTGRESQL, "with orders as (select 1 as id) select id from public.orders"))
                .isEqualTo("WITH tip_cte_1 AS (SELECT 1 AS id) SELECT id FROM tip_shadow.orders orders"
                        + " WHERE orders.tip_run = 'run-42'");
    }

    @Test
    void withoutAProductionSchemaEveryQualifiedNameIsRefused() {
        assertThatThrownBy(() -> Policies.rewrite(POSTGRESQL, "select id from public.orders"))
                .isInstanceOf(RefusedStatementException.class).hasMessageContaining("qualified with a schema");
    }

    @Test
    void lockInShareModeIsReadOnMariaDbAndWrittenBackAfterTheRendering() throws Exception {
        assertThat(rewrite(MARIADB, "select o.id from orders o where o.id = ? lock in share mode"))
                .isEqualTo("SELECT o.id FROM tip_shadow.orders o WHERE o.id = ? AND o.tip_run = 'run-42'"
                        + " LOCK IN SHARE MODE");
        assertRefused(MARIADB, "select name from countries lock in share mode", "REFERENCE");
        assertRefused(MARIADB, "select id from orders union select id from items lock in share mode", "LOCK IN SHARE MODE");
        assertRefused(MARIADB, "select id from orders for update lock in share mode", "LOCK IN SHARE MODE");
        assertRefused(POSTGRESQL, "select id from orders lock in share mode", "could not be parsed");
        // inside a literal or comment it is no clause: the statement is read as the database reads it
        assertRefused(MARIADB, "select id from orders o where o.id = 1 -- lock in share mode", "never");
        // comments around it are read as MariaDB reads them (as whitespace), and never sent
        assertThat(rewrite(MARIADB, "select id from orders o where o.id = 1 /* x */ lock in share mode /* y */"))
                .isEqualTo("SELECT id FROM tip_shadow.orders o WHERE o.id = 1 AND o.tip_run = 'run-42' LOCK IN SHARE MODE");
    }

    @Test
    void lockingReadsArePassedOnOverTwins() throws Exception {
        // Hibernate's PESSIMISTIC_WRITE with default_schema: the lock names the alias of a production-qualified table
        assertThat(rewrite(POSTGRESQL, "select c1_0.id from public.orders c1_0 where c1_0.id = ? for no key update of c1_0"))
                .startsWith("SELECT c1_0.id FROM tip_shadow.orders c1_0").endsWith("FOR NO KEY UPDATE OF c1_0");
        assertRefused(POSTGRESQL, "select c.name from public.countries c for update of c", "REFERENCE");
        assertRefused(POSTGRESQL, "select o.id from other.orders o for update of o", "other");
        assertThat(rewrite(POSTGRESQL, "select o.id from orders o where o.id = 1 for no key update nowait"))
                .endsWith("FOR NO KEY UPDATE NOWAIT");
        assertThat(rewrite(POSTGRESQL, "select o.id from orders o for share skip locked")).endsWith("FOR SHARE SKIP LOCKED");
        assertThat(rewrite(POSTGRESQL, "select o.id from orders o join countries c on c.code = 'de' for update of o"))
                .endsWith("FOR UPDATE OF o");
        assertThat(rewrite(MARIADB, "select o.id from orders o for update wait 1")).endsWith("FOR UPDATE WAIT 1");
        assertRefused(POSTGRESQL, "select o.id from orders o join countries c on c.code = 'de' for update of c",
                "REFERENCE");
        assertRefused(POSTGRESQL, "select c.name from countries c for share", "REFERENCE");
    }

    private static void assertRefused(Dialect d, String sql, String reason) {
        if (reason.equals("never")) {
            try {
                String out = rewrite(d, sql);
                assertThat(out).as(sql).doesNotContain("LOCK IN SHARE MODE");
            } catch (RefusedStatementException e) {
                // refused is fine as well
            }
            return;
        }
        assertThatThrownBy(() -> rewrite(d, sql)).as(sql).isInstanceOf(RefusedStatementException.class)
                .hasMessageContaining(reason);
    }
}
