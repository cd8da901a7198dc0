package io.tipdata.jdbc.corpus;

import io.tipdata.jdbc.Dialect;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.ParseNameCase;
import org.jooq.conf.ParseUnknownFunctions;
import org.jooq.conf.RenderNameCase;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/** A SQL parser under evaluation: parse a statement, and render the parsed tree back to SQL. */
interface ParserCandidate {

    /** SQL rendered from a parsed tree, with the bind values to run it with. */
    record Rendered(String sql, List<Object> params) {
    }

    String name();

    /** Parses only; returns the tree (so the work cannot be optimised away). */
    Object parse(String sql) throws Exception;

    /** Parses and renders back to SQL, keeping the statement's bind values. */
    Rendered roundTrip(String sql, List<Object> params) throws Exception;

    /** JSqlParser 5.3 as the rewriter uses it: one parse per call through the library's entry point. */
    static ParserCandidate jsqlParser(Dialect dialect, ExecutorService sharedExecutor) {
        Consumer<CCJSqlParser> settings = p -> p.withBackslashEscapeCharacter(dialect == Dialect.MARIADB);
        return new ParserCandidate() {
            @Override
            public String name() {
                return sharedExecutor == null ? "JSqlParser 5.3" : "JSqlParser 5.3 (shared executor)";
            }

            @Override
            public Object parse(String sql) throws Exception {
                return sharedExecutor == null
                        ? CCJSqlParserUtil.parse(sql, settings)
                        : CCJSqlParserUtil.parse(sql, sharedExecutor, settings);
            }

            @Override
            public Rendered roundTrip(String sql, List<Object> params) throws Exception {
                return new Rendered(parse(sql).toString(), params);
            }
        };
    }

    /**
     * JSqlParser 5.3 called on the caller's thread, without the library's watchdog thread (and so without its
     * parse time-out); for timing only.
     */
    static ParserCandidate jsqlParserOnCallerThread(Dialect dialect) {
        return new ParserCandidate() {
            @Override
            public String name() {
                return "JSqlParser 5.3 (caller thread)";
            }

            @Override
            public Object parse(String sql) throws Exception {
                return CCJSqlParserUtil.newParser(sql)
                        .withBackslashEscapeCharacter(dialect == Dialect.MARIADB)
                        .Statement();
            }

            @Override
            public Rendered roundTrip(String sql, List<Object> params) throws Exception {
                return new Rendered(parse(sql).toString(), params);
            }
        };
    }

    /** jOOQ 3.19's parser, parsing and rendering in the connection's own dialect with names kept as written. */
    static ParserCandidate jooq(Dialect dialect) {
        SQLDialect sqlDialect = switch (dialect) {
            case H2 -> SQLDialect.H2;
            case POSTGRESQL -> SQLDialect.POSTGRES;
            case MARIADB -> SQLDialect.MARIADB;
        };
        Settings settings = new Settings()
                .withParseDialect(sqlDialect)
                .withParseNameCase(ParseNameCase.AS_IS)
                .withParseUnknownFunctions(ParseUnknownFunctions.IGNORE)
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
                .withRenderNameCase(RenderNameCase.AS_IS)
                .withRenderFormatted(false);
        DSLContext ctx = DSL.using(sqlDialect, settings);
        return new ParserCandidate() {
            @Override
            public String name() {
                return "jOOQ 3.19";
            }

            @Override
            public Object parse(String sql) {
                return ctx.parser().parseQuery(sql);
            }

            @Override
            public Rendered roundTrip(String sql, List<Object> params) {
                Query q = ctx.parser().parseQuery(sql, params.toArray());
                return new Rendered(ctx.render(q), new ArrayList<>(ctx.extractBindValues(q)));
            }
        };
    }
}
