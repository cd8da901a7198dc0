package io.tipdata.benchmarks.rewrite;

import java.util.concurrent.TimeUnit;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cold cost of rewriting one distinct statement for a test run: tip-data's rewriter with an empty cache
 * against MyBatis-Plus's tenant-line interceptor on the same statements. tip-data's cached (warm) cost
 * and two JSqlParser parse-and-render floors (one parse, on the calling thread, with complex parsing off
 * and on) are measured for reference.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RewriteColdBenchmark {

    @Param({"point_select", "join", "outer_join_ref", "insert", "update", "delete", "subquery", "cte", "union",
            "aggregate"})
    public String statement;

    private String sql;
    private TipRewrite tip;
    private MybatisPlusTenantRewrite mybatisPlus;

    @Setup
    public void setUp() {
        sql = RewriteCorpus.statement(statement);
        tip = new TipRewrite(RewriteCorpus.policies());
        mybatisPlus = new MybatisPlusTenantRewrite(RewriteCorpus.RUN_ID);
        if (!tip.cold(sql).contains(RewriteCorpus.RUN_ID)) {
            throw new IllegalStateException("tip-data did not put the run into: " + tip.cold(sql));
        }
        if (!mybatisPlus.rewrite(sql).contains(RewriteCorpus.RUN_ID)) {
            throw new IllegalStateException("MyBatis-Plus did not put the run into: " + mybatisPlus.rewrite(sql));
        }
    }

    /** tip-data: a new rewriter (empty cache) rewrites the statement and renders it for the run. */
    @Benchmark
    public String tipDataCold() {
        return tip.cold(sql);
    }

    /** tip-data: the statement is already in the rewriter's cache; only the run is filled in. */
    @Benchmark
    public String tipDataWarm() {
        return tip.warm(sql);
    }

    /** MyBatis-Plus TenantLineInnerInterceptor with its defaults: parse, add the tenant condition, render. */
    @Benchmark
    public String mybatisPlus() {
        return mybatisPlus.rewrite(sql);
    }

    /** Floor: JSqlParser parse on the calling thread without complex parsing (its fast path), and render. */
    @Benchmark
    public String jsqlparserParseInline() throws ParseException {
        return CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(false).Statement().toString();
    }

    /** Floor: JSqlParser parse on the calling thread with a new parser's default (complex parsing on). */
    @Benchmark
    public String jsqlparserParseInlineComplex() throws ParseException {
        return CCJSqlParserUtil.newParser(sql).Statement().toString();
    }
}
