package io.tipdata.jdbc.internal.rewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.RefusedStatementException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RewriteCacheTest {

    @Test
    void distinctStatementIsParsedOnceAndServedFromCache() throws Exception {
        SqlRewriter r = Policies.rewriter(Dialect.POSTGRESQL);
        RewrittenSql first = r.rewrite("select * from orders where id = ?");
        long parses = r.parseCount();
        assertThat(parses).isEqualTo(2); // the statement, and its rendering for the verifier
        for (int i = 0; i < 100; i++) {
            assertThat(r.rewrite("select * from orders where id = ?")).isSameAs(first);
        }
        assertThat(r.parseCount()).isEqualTo(parses);
    }

    @Test
    void refusalIsCachedAndThrownAfreshEachTime() {
        SqlRewriter r = Policies.rewriter(Dialect.POSTGRESQL);
        assertThatThrownBy(() -> r.rewrite("select * from payroll")).isInstanceOf(RefusedStatementException.class);
        long parses = r.parseCount();
        RefusedStatementException a = catchRefusal(r, "select * from payroll");
        RefusedStatementException b = catchRefusal(r, "select * from payroll");
        assertThat((Object) a).isNotSameAs(b);
        assertThat(a.getMessage()).isEqualTo(b.getMessage()).contains("payroll");
        assertThat(a.getSQLState()).isEqualTo("TD001");
        assertThat(r.parseCount()).isEqualTo(parses);
    }

    @Test
    void cacheStaysWithinItsBound() throws Exception {
        SqlRewriter r = SqlRewriter.create(Policies.SHOP, "tip_shadow", Dialect.POSTGRESQL, 16);
        for (int i = 0; i < 200; i++) {
            r.rewrite("select * from orders where id = " + i);
            assertThat(r.cachedCount()).isLessThanOrEqualTo(16);
        }
        long parses = r.parseCount();
        r.rewrite("select * from orders where id = 199");
        assertThat(r.parseCount()).as("recent statement still cached").isEqualTo(parses);
        r.rewrite("select * from orders where id = 0");
        assertThat(r.parseCount()).as("old statement evicted and parsed again").isGreaterThan(parses);
    }

    @Test
    void concurrentRewritesAgree() throws Exception {
        SqlRewriter r = SqlRewriter.create(Policies.SHOP, "tip_shadow", Dialect.POSTGRESQL, 8);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int n = i % 20;
                results.add(pool.submit(() -> r.rewrite("select * from items where oid = " + n).sqlFor("run-" + n)));
            }
            for (int i = 0; i < results.size(); i++) {
                int n = i % 20;
                assertThat(results.get(i).get()).isEqualTo("SELECT * FROM tip_shadow.items items WHERE oid = " + n
                        + " AND items.tip_run = 'run-" + n + "'");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void pathologicallyNestedStatementIsRefusedNotThrown() {
        String sql = "select * from orders where id = " + "(".repeat(3000) + "1" + ")".repeat(3000);
        assertThatThrownBy(() -> Policies.rewrite(Dialect.POSTGRESQL, sql))
                .isInstanceOf(RefusedStatementException.class);
    }

    @Test
    void tooSmallCacheOrBadSchemaIsRejectedAtCreation() {
        assertThatThrownBy(() -> SqlRewriter.create(Policies.SHOP, "tip_shadow", Dialect.H2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cache size 1");
        assertThatThrownBy(() -> SqlRewriter.create(Policies.SHOP, "tip shadow", Dialect.H2, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'tip shadow'");
    }

    private static RefusedStatementException catchRefusal(SqlRewriter r, String sql) {
        try {
            r.rewrite(sql);
        } catch (RefusedStatementException e) {
            return e;
        }
        throw new AssertionError("not refused: " + sql);
    }
}
