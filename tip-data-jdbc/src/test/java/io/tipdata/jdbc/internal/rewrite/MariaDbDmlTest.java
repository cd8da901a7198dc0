package io.tipdata.jdbc.internal.rewrite;

import io.tipdata.jdbc.internal.rewrite.check.IsolationVerifier;
import static io.tipdata.jdbc.Dialect.H2;
import static io.tipdata.jdbc.Dialect.MARIADB;
import static io.tipdata.jdbc.Dialect.POSTGRESQL;
import static io.tipdata.jdbc.internal.rewrite.Policies.rewrite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.RefusedStatementException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** MariaDB multi-table UPDATE and DELETE, and INSERT ... SET: their rewrite, their refusals and their check. */
class MariaDbDmlTest {

    @Test
    void multiTableUpdateFiltersEveryTwinAndKeepsTheJoin() throws Exception {
        assertThat(rewrite(MARIADB, "update orders o join customers c on c.id = o.customer set o.total = 1"
                + " where c.name = 'x'"))
                .isEqualTo("UPDATE tip_shadow.orders o JOIN tip_shadow.customers c ON c.id = o.customer SET o.total = 1"
                        + " WHERE c.name = 'x' AND o.tip_run = 'run-42' AND c.tip_run = 'run-42'");
    }

    @Test
    void multiTableUpdateFiltersTheOptionalSideOfAnOuterJoinInOn() throws Exception {
        assertThat(rewrite(MARIADB, "update orders o left join customers c on c.id = o.customer set o.total = c.id"))
                .isEqualTo("UPDATE tip_shadow.orders o LEFT JOIN tip_shadow.customers c ON c.id = o.customer"
                        + " AND c.tip_run = 'run-42' SET o.total = c.id WHERE o.tip_run = 'run-42'");
    }

    @Test
    void commaJoinedUpdateMayReadReferenceTablesAndUnaliasedTablesKeepTheirNames() throws Exception {
        assertThat(rewrite(MARIADB, "update orders, countries set orders.total = countries.code"
                + " where countries.code = orders.customer"))
                .isEqualTo("UPDATE tip_shadow.orders orders, countries SET orders.total = countries.code"
                        + " WHERE countries.code = orders.customer AND orders.tip_run = 'run-42'");
    }

    @Test
    void unqualifiedSetColumnsAreQualifiedWithTheOneTableThatHasThem() throws Exception {
        assertThat(rewrite(MARIADB, "update orders o join customers c on c.id = o.customer set name = 'x', total = 2"))
                .isEqualTo("UPDATE tip_shadow.orders o JOIN tip_shadow.customers c ON c.id = o.customer"
                        + " SET c.name = 'x', o.total = 2 WHERE o.tip_run = 'run-42' AND c.tip_run = 'run-42'");
    }

    @Test
    void multiTableDeleteFiltersEveryTwin() throws Exception {
        assertThat(rewrite(MARIADB, "delete o, i from orders o join items i on i.oid = o.id where o.total > 1"))
                .isEqualTo("DELETE o, i FROM tip_shadow.orders o JOIN tip_shadow.items i ON i.oid = o.id"
                        + " WHERE o.total > 1 AND o.tip_run = 'run-42' AND i.tip_run = 'run-42'");
        assertThat(rewrite(MARIADB, "delete from o using orders o, countries c where c.code = o.customer"))
                .isEqualTo("DELETE FROM o USING tip_shadow.orders o, countries c WHERE c.code = o.customer"
                        + " AND o.tip_run = 'run-42'");
    }

    @Test
    void insertSetStampsTheRunInTheSetList() throws Exception {
        assertThat(rewrite(MARIADB, "insert into orders set id = 1, total = 2 on duplicate key update total = total + 1"))
                .isEqualTo("INSERT INTO tip_shadow.orders SET id = 1, total = 2, tip_run = 'run-42'"
                        + " ON DUPLICATE KEY UPDATE total = total + 1");
    }

    @Test
    void postgresqlUpdateFromAndDeleteUsingFilterEveryTwin() throws Exception {
        assertThat(rewrite(POSTGRESQL, "update orders o set total = 1 from customers c where c.id = o.customer"))
                .isEqualTo("UPDATE tip_shadow.orders o SET total = 1 FROM tip_shadow.customers c"
                        + " WHERE c.id = o.customer AND o.tip_run = 'run-42' AND c.tip_run = 'run-42'");
        assertThat(rewrite(POSTGRESQL, "delete from orders o using customers c where c.id = o.customer"))
                .isEqualTo("DELETE FROM tip_shadow.orders o USING tip_shadow.customers c"
                        + " WHERE c.id = o.customer AND o.tip_run = 'run-42' AND c.tip_run = 'run-42'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "update orders o join countries c on c.code = o.customer set c.name = 'x'|REFERENCE table 'countries'",
        "update orders o join countries c on c.code = o.customer set o.total = 1, c.name = 'x'|REFERENCE table 'countries'",
        "update orders o join countries orders on orders.code = o.customer set orders.name = 'x'|REFERENCE table 'countries'",
        "update orders o join countries on countries.code = o.customer set countries.name = 'x'|REFERENCE table 'countries'",
        "update orders o join audit_log a on a.id = o.id set a.note = 'x'|audit_log",
        "update orders o join secrets s on s.id = o.id set o.total = 1|secrets",
        "update orders o join customers c on c.id = o.customer set id = 3|more than one joined table",
        "update orders o join countries c on c.code = o.customer set total = 3|cannot tell which table",
        "update orders o join customers c on c.id = o.customer set nosuch = 3|no joined table",
        "update orders o join customers c on c.id = o.customer set orders.total = 1|no table of its FROM list",
        "update orders o join customers c on c.id = o.customer set tip_shadow.o.total = 1|schema",
        "update orders join orders on 1 = 1 set orders.total = 1|are both named 'orders'",
        "update orders o join countries O on O.code = o.customer set o.total = 1|are both named 'O'",
        "update orders o join (select oid from items) d on d.oid = o.id set d.oid = 1|not an ISOLATED table",
        "update orders o left join items i using (oid) set o.total = 1|USING, NATURAL or FULL",
        "update orders o join customers c on c.id = o.customer set o.tip_run = 'x'|tip_run",
        "update orders o join customers c on c.id = o.customer set o.total = 1 returning o.id|RETURNING",
        "delete o, c from orders o join countries c on c.code = o.customer|REFERENCE table 'countries'",
        "delete c from orders o join countries c on c.code = o.customer|REFERENCE table 'countries'",
        "delete from c using orders o, countries c where c.code = o.customer|REFERENCE table 'countries'",
        "delete a from orders o join audit_log a on a.id = o.id|audit_log",
        "delete orders from orders o join customers c on c.id = o.customer|no table of its FROM list",
        "delete o from orders o join orders o on 1 = 1|are both named 'o'",
        "delete from o, c using orders o, customers c where c.id = o.customer|DELETE a, b FROM",
        "delete from o using orders o join customers c on c.id = o.customer|could not be parsed",
        "insert into orders set id = 1, tip_run = 'x'|tip_run",
        "insert into countries set code = 'x'|REFERENCE table 'countries'",
        "insert into orders set orders.id = 1|unqualified",
        "insert into orders set id = 1 on duplicate key update tip_run = 'x'|tip_run",
    })
    void hostileMariaDbFormsAreRefusedNamingWhy(String sql, String reason) {
        assertThatThrownBy(() -> rewrite(MARIADB, sql)).isInstanceOf(RefusedStatementException.class)
                .satisfies(e -> assertThat(((RefusedStatementException) e).getSQLState())
                        .isEqualTo(RefusedStatementException.REFUSED))
                .hasMessageContaining(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"update orders o join customers c on c.id = o.customer set o.total = 1",
        "delete o from orders o join customers c on c.id = o.customer"})
    void multiTableFormsAreRefusedOnOtherDatabases(String sql) {
        for (Dialect d : new Dialect[] {POSTGRESQL, H2}) {
            assertThatThrownBy(() -> rewrite(d, sql)).hasMessageContaining("MariaDB/MySQL syntax");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "UPDATE tip_shadow.orders o JOIN tip_shadow.items i ON i.oid = o.id SET o.total = i.qty"
                + " WHERE o.tip_run = 'r1' AND i.tip_run = 'r1'",
        "UPDATE tip_shadow.orders o LEFT JOIN tip_shadow.items i ON i.oid = o.id AND i.tip_run = 'r1' SET i.qty = 1"
                + " WHERE o.tip_run = 'r1'",
        "UPDATE tip_shadow.orders o, countries c SET o.total = c.code WHERE o.tip_run = 'r1'",
        "DELETE o, i FROM tip_shadow.orders o JOIN tip_shadow.items i ON i.oid = o.id"
                + " WHERE o.tip_run = 'r1' AND i.tip_run = 'r1'",
        "DELETE o FROM tip_shadow.orders o JOIN countries c ON c.code = o.x WHERE o.tip_run = 'r1'",
        "DELETE FROM o USING tip_shadow.orders o, countries c WHERE o.tip_run = 'r1'",
        "INSERT INTO tip_shadow.orders SET id = 1, tip_run = 'r1'",
    })
    void verifierAcceptsConfinedMariaDbForms(String sql) {
        assertThatCode(() -> verify(sql)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a SET column of a table without its filter, of a REFERENCE or production table, or unqualified
        "UPDATE tip_shadow.orders o JOIN tip_shadow.items i ON i.oid = o.id SET i.qty = 1 WHERE o.tip_run = 'r1'",
        "UPDATE tip_shadow.orders o LEFT JOIN tip_shadow.items i ON i.oid = o.id SET i.qty = 1 WHERE o.tip_run = 'r1'",
        "UPDATE tip_shadow.orders o LEFT JOIN tip_shadow.items i ON i.oid = o.id AND o.tip_run = 'r1' SET o.total = 1"
                + " WHERE i.tip_run = 'r1' OR i.tip_run IS NULL",
        "UPDATE tip_shadow.orders o RIGHT JOIN tip_shadow.items i ON i.oid = o.id AND i.tip_run = 'r1' SET i.qty = 1"
                + " WHERE o.tip_run = 'r1' OR o.tip_run IS NULL",
        "UPDATE tip_shadow.orders o, countries c SET c.name = 'x' WHERE o.tip_run = 'r1'",
        "UPDATE tip_shadow.orders o, orders p SET p.total = 1 WHERE o.tip_run = 'r1'",
        "UPDATE tip_shadow.orders o, countries c SET name = 'x' WHERE o.tip_run = 'r1'",
        "UPDATE tip_shadow.orders o, countries c SET countries.name = 'x' WHERE o.tip_run = 'r1'",
        "UPDATE tip_shadow.orders o, tip_shadow.countries c SET c.name = 'x' WHERE o.tip_run = 'r1' AND c.tip_run = 'r1'",
        "UPDATE tip_shadow.orders o, countries o SET o.name = 'x' WHERE o.tip_run = 'r1'",
        "UPDATE tip_shadow.orders o JOIN tip_shadow.items i ON i.oid = o.id SET o.tip_run = 'r2'"
                + " WHERE o.tip_run = 'r1' AND i.tip_run = 'r1'",
        // a DELETE target that is no filtered twin
        "DELETE o, c FROM tip_shadow.orders o JOIN countries c ON c.code = o.x WHERE o.tip_run = 'r1'",
        "DELETE o FROM tip_shadow.orders o JOIN tip_shadow.items i ON i.oid = o.id WHERE o.tip_run = 'r1'",
        "DELETE i FROM tip_shadow.orders o LEFT JOIN tip_shadow.items i ON i.oid = o.id WHERE o.tip_run = 'r1'",
        "DELETE orders FROM tip_shadow.orders o JOIN countries c ON c.code = o.x WHERE o.tip_run = 'r1'",
        "DELETE FROM c USING tip_shadow.orders o, countries c WHERE o.tip_run = 'r1'",
        "DELETE o FROM tip_shadow.orders o LEFT JOIN tip_shadow.items i ON i.oid = o.id AND o.tip_run = 'r1'"
                + " WHERE i.tip_run = 'r1' OR i.oid IS NULL",
        "DELETE o FROM tip_shadow.orders o JOIN tip_shadow.items i ON i.oid = o.id WHERE (o.tip_run = 'r1'"
                + " OR o.id > 0) AND i.tip_run = 'r1'",
        "DELETE tip_shadow.o FROM tip_shadow.orders o WHERE o.tip_run = 'r1'",
        "DELETE o FROM tip_shadow.orders o WHERE o.tip_run = 'r2'",
        "DELETE FROM orders USING tip_shadow.orders o, orders WHERE o.tip_run = 'r1'",
        // INSERT ... SET without the run, or with another one
        "INSERT INTO tip_shadow.orders SET id = 1",
        "INSERT INTO tip_shadow.orders SET id = 1, tip_run = 'r2'",
        "INSERT INTO tip_shadow.orders SET id = 1, tip_run = 'r1', tip_run = 'r1'",
        "INSERT INTO tip_shadow.orders SET id = 1, tip_run = 'r1' ON DUPLICATE KEY UPDATE tip_run = 'r2'",
        "INSERT INTO tip_shadow.countries SET code = 'x', tip_run = 'r1'",
    })
    void verifierRejectsUnconfinedMariaDbForms(String sql) {
        assertThatThrownBy(() -> verify(sql)).isInstanceOf(Refusal.class);
    }

    @Test
    void verifierRejectsMultiTableFormsOnOtherDatabases() {
        String sql = "DELETE o FROM tip_shadow.orders o JOIN countries c ON c.code = o.x WHERE o.tip_run = 'r1'";
        assertThatThrownBy(() -> CheckInput.verify(new IsolationVerifier(Policies.SHOP, POSTGRESQL, "tip_shadow"),
                POSTGRESQL, sql, "r1", "tip_cte_")).hasMessageContaining("MariaDB only");
    }

    private static void verify(String sql) throws Exception {
        CheckInput.verify(new IsolationVerifier(Policies.SHOP, MARIADB, "tip_shadow"), MARIADB, sql, "r1", "tip_cte_");
    }
}
