package io.tipdata.benchmarks.rewrite;

import com.baomidou.mybatisplus.extension.plugins.handler.TenantLineHandler;
import com.baomidou.mybatisplus.extension.plugins.inner.TenantLineInnerInterceptor;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.StringValue;

/**
 * MyBatis-Plus's JSqlParser-based tenant-line interceptor used directly on SQL strings: it adds
 * {@code tip_run = 'run'} to every read, update and delete of a non-reference table and the column to
 * every insert. This is the closest peer to tip-data's marker-style rewrite.
 */
final class MybatisPlusTenantRewrite {

    private final TenantLineInnerInterceptor interceptor;

    MybatisPlusTenantRewrite(String runId) {
        Expression run = new StringValue(runId);
        this.interceptor = new TenantLineInnerInterceptor(new TenantLineHandler() {
            @Override
            public Expression getTenantId() {
                return run;
            }

            @Override
            public String getTenantIdColumn() {
                return "tip_run";
            }

            @Override
            public boolean ignoreTable(String tableName) {
                return "products".equalsIgnoreCase(tableName);
            }
        });
    }

    /** Parses, rewrites and renders one statement, as the interceptor does for each statement it sees. */
    String rewrite(String sql) {
        return interceptor.parserSingle(sql, null);
    }
}
