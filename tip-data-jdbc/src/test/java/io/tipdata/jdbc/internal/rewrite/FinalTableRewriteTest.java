package io.tipdata.jdbc.internal.rewrite;

import static io.tipdata.jdbc.Dialect.H2;
import static io.tipdata.jdbc.Dialect.POSTGRESQL;
import static io.tipdata.jdbc.internal.rewrite.Policies.rewrite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipdata.jdbc.RefusedStatementException;
import org.junit.jupiter.api.Test;

/**
 * H2's {@code SELECT ... FROM FINAL TABLE (INSERT ...)}, jOOQ's RETURNING on H2: the inner statement is rewritten
 * and checked as any, and the select around it may only name the changed rows' own columns.
 */
class FinalTableRewriteTest {

    @Test
    void theInnerInsertIsRewrittenAndTheSelectAroundItKept() throws Exception {
        assertThat(rewrite(H2, "select \"ID\", \"TOTAL\" from final table (insert into orders (customer, total)"
                + " values (?, ?))"))
                .isEqualTo("select \"ID\", \"TOTAL\" from final table (INSERT INTO tip_shadow.orders (customer, total,"
                        + " tip_run) VALUES (?, ?, 'run-42'))");
        assertThat(rewrite(H2, "select orders.id from final table (insert into orders (id) values (1)) orders"))
                .endsWith("VALUES (1, 'run-42')) orders");
        assertThat(rewrite(H2, "SELECT o.id AS i FROM FINAL TABLE (UPDATE orders o SET total = 1 WHERE id = ?) /* c */"))
                .startsWith("SELECT o.id AS i FROM FINAL TABLE (UPDATE tip_shadow.orders o SET total = 1")
                .contains("o.tip_run = 'run-42'").doesNotContain("/*");
    }

    @Test
    void theSelectMayNotShowTipRunOrEverything() {
        assertThatThrownBy(() -> rewrite(H2, "select id, tip_run from final table (insert into orders (id) values (1))"))
                .isInstanceOf(RefusedStatementException.class).hasMessageContaining("names tip_run");
        assertThatThrownBy(() -> rewrite(H2, "select \"TIP_RUN\" from final table (insert into orders (id) values (1))"))
                .isInstanceOf(RefusedStatementException.class).hasMessageContaining("names tip_run");
        assertThatThrownBy(() -> rewrite(H2, "select * from final table (insert into orders (id) values (1))"))
                .isInstanceOf(RefusedStatementException.class);
        assertThatThrownBy(() -> rewrite(H2, "select (select count(*) from audit) from final table"
                + " (insert into orders (id) values (1))")).isInstanceOf(RefusedStatementException.class);
    }

    @Test
    void theInnerStatementIsJudgedAsAnyOther() {
        assertThatThrownBy(() -> rewrite(H2, "select code from final table (insert into countries (code) values ('x'))"))
                .isInstanceOf(RefusedStatementException.class).hasMessageContaining("countries");
        assertThatThrownBy(() -> rewrite(H2, "select id from final table (insert into orders (id) select id from audit)"))
                .isInstanceOf(RefusedStatementException.class).hasMessageContaining("audit");
        assertThatThrownBy(() -> rewrite(H2, "select id from final table (select id from orders)"))
                .isInstanceOf(RefusedStatementException.class).hasMessageContaining("INSERT, UPDATE or MERGE");
        assertThatThrownBy(() -> rewrite(H2, "select id from final table (delete from orders)"))
                .isInstanceOf(RefusedStatementException.class).hasMessageContaining("INSERT, UPDATE or MERGE");
        assertThatThrownBy(() -> rewrite(H2, "select id from final table (insert into orders (id) values (1)) o where"
                + " id > 0")).isInstanceOf(RefusedStatementException.class).hasMessageContaining("must end with");
        assertThatThrownBy(() -> rewrite(H2, "select id from final table (insert into orders (id) values (1));"
                + " delete from orders")).isInstanceOf(RefusedStatementException.class);
    }

    @Test
    void onlyH2ReadsItThatWay() {
        assertThatThrownBy(() -> rewrite(POSTGRESQL, "select id from final table (insert into orders (id) values (1))"))
                .isInstanceOf(RefusedStatementException.class);
    }
}
