package io.tipdata.jdbc.internal.rewrite;

import io.tipdata.jdbc.internal.rewrite.text.LexedText;
import io.tipdata.jdbc.internal.rewrite.text.ParameterMarkers;
import io.tipdata.jdbc.internal.rewrite.text.ParseFailureHint;
import io.tipdata.jdbc.internal.rewrite.text.SqlLexer;
import io.tipdata.jdbc.internal.rewrite.text.TextAgreement;
import io.tipdata.jdbc.internal.rewrite.text.StatementShape;
import io.tipdata.jdbc.internal.rewrite.rewriter.DmlRewriter;
import io.tipdata.jdbc.internal.rewrite.rewriter.SelectRewriter;
import io.tipdata.jdbc.internal.rewrite.rewriter.TableNames;
import io.tipdata.jdbc.internal.rewrite.check.IsolationVerifier;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.RefusedStatementException;
import io.tipdata.jdbc.TablePolicies;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites statements made in test context so they touch only the run's partitions (shadow mode).
 *
 * <p>Each distinct SQL text is parsed once: the statement is rewritten with a sentinel run literal,
 * rendered, parsed again and checked by {@link IsolationVerifier}; the result (or the refusal) is
 * cached. Both texts, as written and as it will be sent, are read by the dialect's lexer and held against
 * what the parser read ({@link TextAgreement}); the parser is given the text with its comments taken out. {@link RewrittenSql#sqlFor(String)} then only places the real run id.
 *
 * <p>Schema-qualified table names are always refused: tip-data cannot prove that an explicit schema is
 * the connection's default one, and the shadow schema is only ever addressed by tip-data itself.
 */
public final class SqlRewriter {

    private static final Logger LOG = LoggerFactory.getLogger(SqlRewriter.class);
    private static final Pattern SCHEMA = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String SENTINEL_STEM = "tipsentinel";
    private static final String CTE_STEM = "tip_cte";

    private final TableNames names;
    private final TableColumns columns;
    private final String shadowSchema;
    private final IsolationVerifier verifier;
    private final FunctionList functions;
    private final BoundedCache<String, Object> cache;
    private final AtomicLong parses = new AtomicLong();

    private record Refused(String message, String shape, List<String> tables) {
    }

    /** A refusal found once the statement was parsed, carrying the tables it names. */
    private static final class RefusalWithTables extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient RuntimeException cause;
        final transient List<String> tables;

        RefusalWithTables(RuntimeException cause, List<String> tables) {
            super(null, null, false, false);
            this.cause = cause;
            this.tables = tables;
        }
    }

    /** A rewrite the independent check rejected: the rewriter itself went wrong. */
    private static final class FailedCheck extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final String shape;

        FailedCheck(String message, String shape) {
            super(message, null, false, false);
            this.shape = shape;
        }
    }

    private SqlRewriter(TablePolicies policies, TableColumns columns, String shadowSchema, Dialect dialect,
                        int cacheSize, FunctionList functions) {
        this.names = new TableNames(policies, dialect);
        this.columns = columns;
        this.shadowSchema = shadowSchema;
        this.functions = functions;
        this.verifier = new IsolationVerifier(policies, dialect, shadowSchema, functions);
        this.cache = new BoundedCache<>(cacheSize);
    }

    /**
     * A rewriter for the policies, the production columns of ISOLATED tables (for {@code *}), the shadow schema
     * and the dialect, caching up to {@code cacheSize} distinct statements.
     */
    public static SqlRewriter create(TablePolicies policies, TableColumns columns, String shadowSchema, Dialect dialect,
                                     int cacheSize) {
        return create(policies, columns, shadowSchema, dialect, cacheSize, java.util.Set.of());
    }

    /**
     * As {@link #create(TablePolicies, TableColumns, String, Dialect, int)}, also accepting calls of the declared
     * functions (see {@code TipDataSource.Builder#allowFunction}) besides the dialect's built-ins.
     */
    public static SqlRewriter create(TablePolicies policies, TableColumns columns, String shadowSchema, Dialect dialect,
                                     int cacheSize, java.util.Set<String> allowedFunctions) {
        Objects.requireNonNull(allowedFunctions, "allowedFunctions");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(columns, "columns; use TableColumns.none() when no column is known");
        Objects.requireNonNull(dialect, "dialect");
        if (shadowSchema == null || !SCHEMA.matcher(shadowSchema).matches()) {
            throw new IllegalArgumentException("invalid shadow schema '" + shadowSchema
                    + "': give an unquoted name of letters, digits and _, such as tip_shadow");
        }
        if (cacheSize < 2) {
            throw new IllegalArgumentException("rewrite cache size " + cacheSize + " is too small: give at least 2");
        }
        return new SqlRewriter(policies, columns, shadowSchema, dialect, cacheSize,
                FunctionList.of(dialect, allowedFunctions));
    }

    /** The rewrite of the statement, or a refusal (SQLState TD001) naming the table or construct and why. */
    public RewrittenSql rewrite(String sql) throws RefusedStatementException {
        Objects.requireNonNull(sql, "sql");
        Object cached = cache.get(sql);
        if (cached == null) {
            cached = compute(sql);
            cache.put(sql, cached);
        }
        if (cached instanceof RewrittenSql r) {
            return r;
        }
        Refused refused = (Refused) cached;
        throw refused.shape != null ? new IsolationViolationException(refused.message, refused.shape)
                : new RefusedStatementException(refused.message, RefusedStatementException.REFUSED);
    }

    /**
     * The tables a statement names, lower-cased and unqualified, as far as it was read (empty when it could not
     * be parsed or is not cached); only a cache lookup, for listeners and metrics.
     */
    public List<String> tablesOf(String sql) {
        Object cached = cache.get(sql);
        if (cached instanceof RewrittenSql r) {
            return r.tables();
        }
        return cached instanceof Refused r ? r.tables() : List.of();
    }

    /** How many texts were parsed so far (each distinct statement once, while it stays cached). */
    long parseCount() {
        return parses.get();
    }

    int cachedCount() {
        return cache.size();
    }

    private Object compute(String sql) {
        List<String> tables = List.of();
        try {
            try {
                return rewriteAndVerify(sql);
            } catch (RefusalWithTables w) {
                tables = w.tables;
                throw w.cause;
            }
        } catch (FailedCheck f) {
            return new Refused(f.getMessage(), f.shape, tables);
        } catch (Refusal r) {
            LOG.debug("refused statement: {}", r.getMessage());
            if (LOG.isTraceEnabled()) {
                LOG.trace("refused SQL: {}", sql);
            }
            return new Refused(r.getMessage(), null, tables);
        } catch (StackOverflowError e) {
            LOG.debug("refused statement: nested too deeply to analyse");
            return new Refused("the statement is nested too deeply for tip-data to analyse; simplify it", null, tables);
        } catch (RuntimeException e) {
            LOG.warn("rewrite failed unexpectedly and the statement is refused: {}", e.toString());
            LOG.debug("statement that failed to rewrite: {}", sql, e);
            return new Refused("tip-data could not analyse the statement (" + e.getClass().getSimpleName()
                    + "); it is refused because it cannot be shown to touch only the run's partitions;"
                    + " write it more simply", null, tables);
        }
    }

    private RewrittenSql rewriteAndVerify(String sql) {
        String sentinel = unusedName(sql, SENTINEL_STEM);
        String ctePrefix = unusedName(sql, CTE_STEM) + "_";
        LexedText written = TextAgreement.read(sql, names.dialect());
        Statement st = parseOne(written.withoutComments(), "statement");
        List<String> tables = tableNames(st);
        try {
            return rewriteAndVerify(written, st, sentinel, ctePrefix, tables);
        } catch (Refusal | FailedCheck e) {
            throw new RefusalWithTables(e, tables);
        }
    }

    private RewrittenSql rewriteAndVerify(LexedText written, Statement st, String sentinel, String ctePrefix,
            List<String> tables) {
        List<JdbcParameter> params = parameters(st);
        if (params.size() != written.parameterCount()) {
            throw new Refusal("the statement has " + written.parameterCount() + " ? markers but the parser read "
                    + params.size() + " parameters (a ? operator?); tip-data refuses what it cannot read exactly");
        }
        if (isRewritable(st)) {
            // The same check runs on the rewritten text; run here first, a misread statement (such as a
            // quote the two read differently) is refused as such instead of failing the isolation check.
            TextAgreement.agree(written, st, true);
        }
        StatementKind kind = new DmlRewriter(new SelectRewriter(names, columns, shadowSchema, sentinel, ctePrefix, functions))
                .rewrite(st);
        checkParameterOrder(st, params, names.dialect());
        // after the rewriter's own refusals, which say more: a construct the check cannot read is refused as such
        IsolationVerifier.requireKnownNodes(st);
        String rendered = st.toString();
        Statement again = parseOne(rendered, "rewritten statement");
        // a rendering the parser reads back into a construct the check cannot read is refused as such
        IsolationVerifier.requireKnownNodes(again);
        try {
            verifier.verify(again, sentinel, ctePrefix);
            LexedText sent = TextAgreement.read(rendered, names.dialect());
            TextAgreement.requireNoComments(sent);
            TextAgreement.agree(sent, again, true);
            if (sent.parameterCount() != params.size()) {
                throw new Refusal("the rewritten statement has " + sent.parameterCount()
                        + " ? markers instead of " + params.size());
            }
        } catch (Refusal r) {
            LOG.debug("rewrite of a {} statement failed the independent isolation check: {}", kind, r.getMessage());
            throw new FailedCheck("tip-data could not prove the rewritten statement confined to the run's partitions ("
                    + r.getMessage() + "); write the statement more simply (plain joins, no parenthesized join"
                    + " groups) or declare its tables differently", StatementShape.of(rendered, names.dialect()));
        }
        return new RewrittenSql(split(rendered, sentinel), kind, tables);
    }

    /** The names of the tables the statement names, lower-cased, without schema, each once. */
    private static List<String> tableNames(Statement st) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        collectTables(st, names, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
        return List.copyOf(names);
    }

    private static void collectTables(Object v, java.util.Set<String> out, java.util.Set<Object> seen) {
        if (v instanceof Collection<?> c) {
            c.forEach(o -> collectTables(o, out, seen));
        } else if (v instanceof Map<?, ?> m) {
            m.values().forEach(o -> collectTables(o, out, seen));
        } else if (v instanceof Object[] a) {
            for (Object o : a) {
                collectTables(o, out, seen);
            }
        } else if (v != null && !(v instanceof net.sf.jsqlparser.schema.Column) && AstFields.isAstNode(v)
                && seen.add(v)) {
            if (v instanceof net.sf.jsqlparser.schema.Table t && t.getName() != null) {
                out.add(t.getName().replace("\"", "").replace("`", "").toLowerCase(Locale.ROOT));
            }
            for (Object child : AstFields.children(v)) {
                collectTables(child, out, seen);
            }
        }
    }

    /** Whether the statement is of a kind the rewriter handles (other kinds are refused by kind). */
    private static boolean isRewritable(Statement st) {
        return st instanceof net.sf.jsqlparser.statement.select.Select
                || st instanceof net.sf.jsqlparser.statement.insert.Insert
                || st instanceof net.sf.jsqlparser.statement.update.Update
                || st instanceof net.sf.jsqlparser.statement.delete.Delete
                || st instanceof net.sf.jsqlparser.statement.merge.Merge
                || st instanceof net.sf.jsqlparser.statement.upsert.Upsert;
    }

    private Statement parseOne(String sql, String what) {
        parses.incrementAndGet();
        if (sql.isBlank()) {
            throw new Refusal("the " + what + " is empty; nothing was sent (refused)");
        }
        Statements statements;
        try {
            statements = parseStatements(sql);
        } catch (Exception | Error e) {
            if (e instanceof VirtualMachineError vme) {
                throw vme;
            }
            String msg = String.valueOf(e.getMessage());
            int nl = msg.indexOf('\n');
            throw new Refusal("the " + what + " could not be parsed (" + (nl < 0 ? msg : msg.substring(0, nl))
                    + "); " + ParseFailureHint.of(SqlLexer.of(names.dialect()).lex(sql)));
        }
        if (statements == null || statements.isEmpty()) {
            throw new Refusal("the " + what + " is empty");
        }
        if (statements.size() > 1) {
            throw new Refusal("the " + what + " holds " + statements.size() + " statements; in test context each"
                    + " statement must be sent on its own");
        }
        return statements.get(0);
    }

    /**
     * Parses without the parser's "complex parsing" first: in that mode it keeps some operators with
     * what follows them as raw text (so {@code data->>'x' = ?} hides its parameter); the complex mode
     * is the fallback, and {@link TextAgreement} catches a query it hides.
     */
    private static Statements parseStatements(String sql) throws Exception {
        try {
            return CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(false).Statements();
        } catch (Exception e) {
            if (CCJSqlParserUtil.getNestingDepth(sql) > CCJSqlParserUtil.ALLOWED_NESTING_DEPTH) {
                throw e;
            }
            return CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(true).Statements();
        }
    }

    private static List<JdbcParameter> parameters(Object root) {
        List<JdbcParameter> out = new ArrayList<>();
        collectParameters(root, out, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
        return out;
    }

    private static void collectParameters(Object v, List<JdbcParameter> out, java.util.Set<Object> seen) {
        if (v instanceof Collection<?> c) {
            c.forEach(o -> collectParameters(o, out, seen));
        } else if (v instanceof Map<?, ?> m) {
            m.values().forEach(o -> collectParameters(o, out, seen));
        } else if (v instanceof Object[] a) {
            for (Object o : a) {
                collectParameters(o, out, seen);
            }
        } else if (v != null && AstFields.isAstNode(v) && seen.add(v)) {
            if (v instanceof JdbcParameter p) {
                out.add(p);
            }
            for (Object child : AstFields.children(v)) {
                collectParameters(child, out, seen);
            }
        }
    }

    /** Renders once with numbered markers and refuses if the rewrite moved any of them. */
    private static void checkParameterOrder(Statement st, List<JdbcParameter> params, Dialect dialect) {
        if (params.isEmpty()) {
            return;
        }
        for (int i = 0; i < params.size(); i++) {
            params.get(i).setIndex(params.get(i).getIndex() == null ? i + 1 : params.get(i).getIndex());
            params.get(i).setUseFixedIndex(true);
        }
        int[] order = ParameterMarkers.indexes(st.toString(), dialect);
        for (JdbcParameter p : params) {
            p.setUseFixedIndex(false);
        }
        boolean ok = order.length == params.size();
        for (int i = 0; ok && i < order.length; i++) {
            ok = order[i] == i + 1;
        }
        if (!ok) {
            throw new Refusal("rendering the statement would change the order of its ? parameters (for example"
                    + " OFFSET ? before LIMIT ?); write the clauses in the standard order (LIMIT ? OFFSET ?)");
        }
    }

    /** The stem, or the stem with a number, such that the statement's text does not contain it. */
    private static String unusedName(String sql, String stem) {
        String lower = sql.toLowerCase(Locale.ROOT);
        String s = stem;
        for (int i = 0; lower.contains(s); i++) {
            s = stem + i;
        }
        return s;
    }

    private static String[] split(String rendered, String sentinel) {
        String quoted = "'" + sentinel + "'";
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int at = rendered.indexOf(quoted); at >= 0; at = rendered.indexOf(quoted, from)) {
            parts.add(rendered.substring(from, at));
            from = at + quoted.length();
        }
        parts.add(rendered.substring(from));
        int bare = 0;
        for (int at = rendered.indexOf(sentinel); at >= 0; at = rendered.indexOf(sentinel, at + 1)) {
            bare++;
        }
        if (bare != parts.size() - 1) {
            throw new Refusal("the rewritten statement holds the run placeholder outside a literal");
        }
        return parts.toArray(new String[0]);
    }
}
