package io.tipdata.jdbc.internal.rewrite;

import io.tipdata.jdbc.internal.rewrite.check.IsolationVerifier;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipdata.jdbc.Dialect;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The verifier judged on its own, with hand-written SQL: it must accept safe text and reject unsafe text. */
class IsolationVerifierTest {

    private static final String RUN = "r1";

    private static void verify(String sql) throws Exception {
        verify(Dialect.POSTGRESQL, sql);
    }

    private static void verify(Dialect dialect, String sql) throws Exception {
        CheckInput.verify(new IsolationVerifier(Policies.SHOP, dialect, "tip_shadow"), dialect, sql, RUN, "tip_cte_");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT id FROM tip_shadow.orders o WHERE o.tip_run = 'r1'",
        "SELECT id FROM tip_shadow.orders o WHERE (o.id = 1 OR o.id = 2) AND o.tip_run = 'r1'",
        "SELECT id FROM tip_shadow.orders o WHERE o.name COLLATE ucs_basic = 'x' AND o.tip_run = 'r1'",
        "SELECT id FROM tip_shadow.orders WHERE tip_shadow.orders.tip_run = 'r1'",
        "SELECT id FROM tip_shadow.orders o JOIN countries c ON c.code = o.country WHERE o.tip_run = 'r1'",
        "SELECT id FROM tip_shadow.orders o JOIN tip_shadow.items i ON i.oid = o.id AND i.tip_run = 'r1' WHERE o.tip_run = 'r1'",
        "SELECT id FROM tip_shadow.orders o LEFT JOIN tip_shadow.items i ON i.oid = o.id AND i.tip_run = 'r1'"
                + " WHERE o.tip_run = 'r1'",
        "SELECT id FROM tip_shadow.orders o RIGHT JOIN tip_shadow.items i ON i.oid = o.id AND o.tip_run = 'r1'"
                + " WHERE i.tip_run = 'r1'",
        "SELECT * FROM (SELECT id FROM tip_shadow.orders o WHERE o.tip_run = 'r1') o FULL JOIN countries c ON c.code = o.x",
        "WITH tip_cte_1 AS (SELECT id FROM tip_shadow.orders o WHERE o.tip_run = 'r1') SELECT * FROM tip_cte_1 orders",
        "SELECT * FROM countries WHERE code IN (SELECT country FROM tip_shadow.orders o WHERE o.tip_run = 'r1')",
        "INSERT INTO tip_shadow.orders (id, tip_run) VALUES (1, 'r1'), (2, 'r1')",
        "INSERT INTO tip_shadow.orders (id, tip_run) SELECT code, 'r1' FROM countries",
        "INSERT INTO tip_shadow.orders (id, tip_run) VALUES (1, 'r1') ON CONFLICT (id, tip_run) DO NOTHING",
        "UPDATE tip_shadow.orders o SET total = 1 WHERE o.tip_run = 'r1'",
        "SELECT id FROM tip_shadow.orders o WHERE o.tip_run = 'r1' FOR UPDATE OF o",
        "SELECT o.id FROM tip_shadow.orders o JOIN countries c ON c.code = o.c WHERE o.tip_run = 'r1' FOR UPDATE OF o",
        "DELETE FROM tip_shadow.orders o WHERE o.id = 3 AND o.tip_run = 'r1'",
        "REPLACE INTO tip_shadow.orders (id, tip_run) VALUES (1, 'r1')",
        "MERGE INTO tip_shadow.orders o USING countries c ON o.x = c.code AND o.tip_run = 'r1'"
                + " WHEN NOT MATCHED THEN INSERT (id, tip_run) VALUES (1, 'r1')",
    })
    void acceptsConfinedStatements(String sql) {
        assertThatCode(() -> verify(sql)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT o.\"id\", c.* FROM tip_shadow.orders o JOIN countries c ON c.code = o.country WHERE o.tip_run = 'r1'",
        "SELECT count(*) FROM tip_shadow.orders o WHERE o.tip_run = 'r1'",
        "SELECT * FROM (SELECT o.id, o.total FROM tip_shadow.orders o WHERE o.tip_run = 'r1') o",
        "SELECT c.* FROM countries c WHERE EXISTS (SELECT 1 FROM tip_shadow.orders o WHERE o.tip_run = 'r1')",
        "DELETE FROM tip_shadow.orders o WHERE o.tip_run = 'r1' RETURNING o.id",
        "SELECT \"o\".id FROM tip_shadow.\"orders\" o WHERE \"o\".tip_run = 'r1'",
        "DELETE FROM tip_shadow.\"orders\" WHERE tip_shadow.orders.tip_run = 'r1'",
    })
    void acceptsStarsOnlyWhereNoTwinColumnShowsAndQuotedNamesAsTheyResolve(String sql) {
        assertThatCode(() -> verify(sql)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // production or unknown tables
        "SELECT * FROM orders",
        "SELECT * FROM public.orders o WHERE o.tip_run = 'r1'",
        "SELECT * FROM payroll",
        "SELECT id FROM tip_shadow.countries c WHERE c.tip_run = 'r1'",
        // filter missing, weakened, on the wrong alias or literal
        "SELECT id FROM tip_shadow.orders o",
        "SELECT id FROM tip_shadow.orders o WHERE o.tip_run = 'r1' OR 1 = 1",
        "SELECT id FROM tip_shadow.orders o WHERE NOT (o.tip_run = 'r1')",
        "SELECT id FROM tip_shadow.orders o WHERE o.tip_run <> 'r1'",
        "SELECT id FROM tip_shadow.orders o WHERE o.tip_run = 'r2'",
        "SELECT id FROM tip_shadow.orders o WHERE o.tip_run = E'r1'",
        "SELECT id FROM tip_shadow.orders o WHERE tip_run = 'r1'",
        "SELECT id FROM tip_shadow.orders o WHERE orders.tip_run = 'r1'",
        "SELECT id FROM tip_shadow.orders o, tip_shadow.items i WHERE i.tip_run = 'r1'",
        "SELECT id FROM tip_shadow.orders o, tip_shadow.items o WHERE o.tip_run = 'r1'",
        "SELECT id FROM tip_shadow.orders o WHERE EXISTS (SELECT 1 FROM countries c WHERE o.tip_run = 'r1')",
        // one branch, subquery or CTE left unfiltered
        "SELECT id FROM tip_shadow.orders o WHERE o.tip_run = 'r1' UNION SELECT id FROM tip_shadow.items i",
        "SELECT id FROM tip_shadow.orders o WHERE o.tip_run = 'r1' AND o.id IN (SELECT oid FROM tip_shadow.items i)",
        "WITH tip_cte_1 AS (SELECT id FROM tip_shadow.orders o) SELECT * FROM tip_cte_1",
        "WITH orders AS (SELECT 1 x) SELECT * FROM orders",
        "SELECT * FROM (SELECT id FROM tip_shadow.orders o) t",
        "SELECT (SELECT max(id) FROM orders) FROM countries",
        // outer joins with the filter where it does not hold
        "SELECT id FROM tip_shadow.orders o LEFT JOIN tip_shadow.items i ON i.oid = o.id AND o.tip_run = 'r1'"
                + " AND i.tip_run = 'r1'",
        "SELECT id FROM tip_shadow.orders o RIGHT JOIN tip_shadow.items i ON i.oid = o.id AND i.tip_run = 'r1'"
                + " AND o.tip_run = 'r1'",
        "SELECT id FROM tip_shadow.orders o FULL JOIN tip_shadow.items i ON i.oid = o.id AND i.tip_run = 'r1'"
                + " AND o.tip_run = 'r1'",
        "SELECT id FROM tip_shadow.orders o LEFT JOIN tip_shadow.items i ON i.oid = o.id AND i.tip_run = 'r1'"
                + " LEFT JOIN countries c ON c.code = o.x AND o.tip_run = 'r1'",
        // writes
        "INSERT INTO orders (id) VALUES (1)",
        "INSERT INTO tip_shadow.orders (id) VALUES (1)",
        "INSERT INTO tip_shadow.orders (id, tip_run) VALUES (1, 'r1'), (2, 'r2')",
        "INSERT INTO tip_shadow.orders (id, tip_run) SELECT id, tip_run FROM tip_shadow.items i WHERE i.tip_run = 'r1'",
        "INSERT INTO tip_shadow.orders (id, tip_run) VALUES (1, 'r1') ON CONFLICT (id) DO UPDATE SET total = 1",
        "INSERT INTO tip_shadow.orders (id, tip_run) VALUES (1, 'r1') ON CONFLICT ON CONSTRAINT pk DO NOTHING",
        "INSERT INTO tip_shadow.countries (code, tip_run) VALUES ('x', 'r1')",
        "UPDATE tip_shadow.orders o SET total = 1",
        "REPLACE INTO tip_shadow.orders (id) VALUES (1)",
        "REPLACE INTO orders (id, tip_run) VALUES (1, 'r1')",
        "UPDATE tip_shadow.orders o SET total = 1 WHERE o.tip_run = 'r1' OR o.id = 1",
        "UPDATE tip_shadow.orders o SET tip_run = 'r2' WHERE o.tip_run = 'r1'",
        "UPDATE countries SET name = 'x'",
        "DELETE FROM tip_shadow.orders o",
        "DELETE FROM tip_shadow.orders o WHERE o.id IN (SELECT id FROM tip_shadow.items i)"
                + " AND o.tip_run = 'r1'",
        "DELETE FROM countries",
        "MERGE INTO tip_shadow.orders o USING countries c ON o.x = c.code"
                + " WHEN NOT MATCHED THEN INSERT (id, tip_run) VALUES (1, 'r1')",
        "MERGE INTO tip_shadow.orders o USING countries c ON o.x = c.code AND o.tip_run = 'r1'"
                + " WHEN NOT MATCHED THEN INSERT (id) VALUES (1)",
        "MERGE INTO tip_shadow.orders o USING tip_shadow.items i ON o.x = i.x AND o.tip_run = 'r1' AND i.tip_run = 'r1'"
                + " WHEN NOT MATCHED THEN INSERT (id, tip_run) VALUES (1, 'r1')",
        // other constructs
        "WITH d AS (DELETE FROM tip_shadow.orders o WHERE o.tip_run = 'r1' RETURNING *) SELECT * FROM d",
        "SELECT * FROM countries FOR UPDATE",
        "SELECT id FROM tip_shadow.orders o WHERE o.tip_run = 'r1' FOR UPDATE OF countries",
        "SELECT o.id FROM tip_shadow.orders o JOIN countries c ON c.code = o.c WHERE o.tip_run = 'r1' FOR UPDATE OF c",
        "SELECT o.id FROM tip_shadow.orders o JOIN (SELECT code FROM countries) c ON c.code = o.c"
                + " WHERE o.tip_run = 'r1' FOR UPDATE OF c",
        "SELECT o.id FROM tip_shadow.orders o JOIN countries c ON c.code = o.c WHERE o.tip_run = 'r1' FOR UPDATE",
        "SELECT o.id FROM tip_shadow.orders o JOIN (SELECT code FROM countries) c ON c.code = o.c"
                + " WHERE o.tip_run = 'r1' FOR UPDATE",
        "SELECT * FROM generate_series(1, 3)",
        "SELECT pg_read_file('x')",
        "SELECT id FROM tip_shadow.orders o WHERE (SELECT x FROM payroll) COLLATE ucs_basic = 'x' AND o.tip_run = 'r1'",
        "SELECT @v := 1",
        "SELECT * INTO t2 FROM countries",
        "DROP TABLE orders",
    })
    void rejectsUnsafeStatements(String sql) {
        // refused by the check, or before it where the run literal stands where the rewrite never writes it
        assertThatThrownBy(() -> verify(sql)).isInstanceOf(Refusal.class)
                .hasMessageMatching("(?s)(isolation check failed|the rewritten statement holds the run placeholder"
                        + "|the run literal at offset).*");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM tip_shadow.orders o WHERE o.tip_run = 'r1'",
        "SELECT o.* FROM tip_shadow.orders o WHERE o.tip_run = 'r1'",
        "SELECT c.*, * FROM countries c JOIN tip_shadow.orders o ON o.country = c.code WHERE o.tip_run = 'r1'",
        "SELECT row_to_json(o.*) FROM tip_shadow.orders o WHERE o.tip_run = 'r1'",
        "SELECT 1 FROM countries c WHERE EXISTS (SELECT c.* FROM tip_shadow.orders o WHERE o.tip_run = 'r1')",
        "SELECT * FROM (SELECT * FROM tip_shadow.orders o WHERE o.tip_run = 'r1') o",
        "INSERT INTO tip_shadow.orders (id, tip_run) VALUES (1, 'r1') RETURNING *",
        "INSERT INTO tip_shadow.orders (id, tip_run) VALUES (1, 'r1') RETURNING orders.*",
        "UPDATE tip_shadow.orders o SET total = 1 WHERE o.tip_run = 'r1' RETURNING o.*",
        "DELETE FROM tip_shadow.orders o WHERE o.tip_run = 'r1' RETURNING *",
        "SELECT \"O\".id FROM tip_shadow.orders o WHERE \"O\".tip_run = 'r1'",
    })
    void rejectsStarsOverTwinsAndQuotedNamesOfOtherTables(String sql) {
        assertThatThrownBy(() -> verify(sql)).isInstanceOf(Refusal.class).hasMessageStartingWith("isolation check failed");
    }

    @Test
    void theRunIsAMarkerAtARunOrdinalNumberedAsTheTextHoldsItAndNoOther() {
        IsolationVerifier v = new IsolationVerifier(Policies.SHOP, Dialect.POSTGRESQL, "tip_shadow");
        String sql = "SELECT id FROM tip_shadow.orders o WHERE o.id = ? AND o.tip_run = ?";
        assertThatCode(() -> v.verify(CCJSqlParserUtil.parse(sql), Set.of(2), 2, "tip_cte_"))
                .doesNotThrowAnyException();
        // the application's marker is no run
        assertThatThrownBy(() -> v.verify(CCJSqlParserUtil.parse(sql), Set.of(1), 2, "tip_cte_"))
                .isInstanceOf(Refusal.class).hasMessageContaining("no run filter");
        // the parser read another number of markers than the text holds
        assertThatThrownBy(() -> v.verify(CCJSqlParserUtil.parse(sql), Set.of(2), 3, "tip_cte_"))
                .isInstanceOf(Refusal.class).hasMessageContaining("numbered the ? markers otherwise");
        // a marker the parser numbers itself
        assertThatThrownBy(() -> v.verify(CCJSqlParserUtil.parse("SELECT id FROM tip_shadow.orders o WHERE o.tip_run = ?2"),
                Set.of(2), 1, "tip_cte_")).isInstanceOf(Refusal.class).hasMessageContaining("numbered 2");
    }
}
