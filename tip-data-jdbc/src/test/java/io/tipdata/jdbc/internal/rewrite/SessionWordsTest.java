package io.tipdata.jdbc.internal.rewrite;

import static io.tipdata.jdbc.Dialect.H2;
import static io.tipdata.jdbc.Dialect.MARIADB;
import static io.tipdata.jdbc.Dialect.POSTGRESQL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.RefusedStatementException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Names the parser reads as columns but the database reads as calls of session functions without parentheses
 * ({@code current_user}, {@code current_schema}, ...) are refused in every position, in any case; the same
 * names quoted or qualified with a table are columns and pass. The databases' own reading is asserted in the
 * *FunctionCallsTest classes.
 */
class SessionWordsTest {

    private static final Map<Dialect, List<String>> WORDS = Map.of(
            POSTGRESQL, List.of("current_user", "session_user", "user", "current_role", "current_schema",
                    "current_catalog", "system_user"),
            H2, List.of("current_user", "session_user", "user", "current_role", "current_schema", "current_catalog",
                    "current_path", "system_user"),
            MARIADB, List.of("current_user", "current_role"));

    @Test
    void sessionWordsAreRefusedWherever() {
        for (Map.Entry<Dialect, List<String>> e : WORDS.entrySet()) {
            SqlRewriter r = Policies.rewriter(e.getKey());
            for (String w : e.getValue()) {
                for (String sql : List.of("select " + w, "select " + w.toUpperCase() + " from orders",
                        "select o.id from orders o where o.customer = " + w,
                        "select o.id from orders o order by " + w,
                        "update orders set customer = " + w + " where id = 1",
                        "insert into orders (id, customer, total) values (1, " + w + ", 2)",
                        "select o.id from orders o where o.id in (select c.id from customers c where c.name = " + w + ")",
                        "select coalesce(" + w + ", 'x') from orders")) {
                    assertThatThrownBy(() -> r.rewrite(sql)).as(e.getKey() + ": " + sql)
                            .isInstanceOfSatisfying(RefusedStatementException.class, x -> {
                                assertThat(x.getSQLState()).isEqualTo(RefusedStatementException.REFUSED);
                                assertThat(x.getMessage()).containsIgnoringCase(w).contains("session function");
                            });
                }
            }
        }
    }

    @Test
    void theSameNamesQuotedOrQualifiedAreColumns() throws Exception {
        assertThat(Policies.rewrite(POSTGRESQL, "select o.\"user\", o.current_schema from orders o"))
                .isEqualTo("SELECT o.\"user\", o.current_schema FROM tip_shadow.orders o WHERE o.tip_run = 'run-42'");
        assertThat(Policies.rewrite(MARIADB, "select o.`current_user`, user from orders o"))
                .isEqualTo("SELECT o.`current_user`, user FROM tip_shadow.orders o WHERE o.tip_run = 'run-42'");
        assertThat(Policies.rewrite(H2, "select \"CURRENT_USER\" from orders"))
                .startsWith("SELECT \"CURRENT_USER\" FROM tip_shadow.orders");
    }

    @Test
    void dateAndTimeWordsStayAccepted() throws Exception {
        for (Dialect d : Dialect.values()) {
            assertThat(Policies.rewrite(d, "select current_date, current_timestamp, localtime from orders"))
                    .as(d.name()).contains("current_date");
        }
    }
}
