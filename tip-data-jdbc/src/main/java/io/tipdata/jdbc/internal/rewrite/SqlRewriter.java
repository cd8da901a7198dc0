package io.tipdata.jdbc.internal.rewrite;

import io.tipdata.jdbc.internal.rewrite.text.FinalTable;
import io.tipdata.jdbc.internal.rewrite.text.LexedText;
import io.tipdata.jdbc.internal.rewrite.text.ParameterMarkers;
import io.tipdata.jdbc.internal.rewrite.text.ParseFailureHint;
import io.tipdata.jdbc.internal.rewrite.text.RunSlots;
import io.tipdata.jdbc.internal.rewrite.text.ShareModeLock;
import io.tipdata.jdbc.internal.rewrite.text.SqlLexer;
import io.tipdata.jdbc.internal.rewrite.text.TextAgreement;
import io.tipdata.jdbc.internal.rewrite.text.Token;
import io.tipdata.jdbc.internal.rewrite.text.TokenKind;
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
import net.sf.jsqlparser.statement.select.ForMode;
import net.sf.jsqlparser.statement.select.PlainSelect;
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
 * <p>A table name qualified with the production schema (the schema the start-up check read the declared tables in,
 * as Hibernate's {@code default_schema} and jOOQ's generated code write it), or on PostgreSQL and H2 with the
 * production catalog and schema, names the declared table of that name (never a CTE); any other qualified name is
 * refused, and the shadow schema is only ever addressed by tip-data itself.
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
                        int cacheSize, FunctionList functions, String productionSchema, String productionCatalog) {
        this.names = new TableNames(policies, dialect, productionSchema, productionCatalog);
        this.columns = columns;
        this.shadowSchema = shadowSchema;
        this.functions = functions;
        this.verifier = new IsolationVerifier(policies, dialect, shadowSchema, functions, productionSchema,
                productionCatalog);
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
        return create(policies, columns, shadowSchema, dialect, cacheSize, allowedFunctions, null, null);
    }

    /**
     * As {@link #create(TablePolicies, TableColumns, String, Dialect, int, java.util.Set)}, also reading a table
     * qualified with the production schema (as the database stores its name, such as {@code public}, {@code PUBLIC}
     * or the MariaDB database), or on PostgreSQL and H2 with the production catalog and schema, as the declared
     * table of that name; {@code null} for either when unknown (then such names are refused).
     */
    public static SqlRewriter create(TablePolicies policies, TableColumns columns, String shadowSchema, Dialect dialect,
                                     int cacheSize, java.util.Set<String> allowedFunctions, String productionSchema,
                                     String productionCatalog) {
        return create(policies, columns, shadowSchema, dialect, cacheSize, allowedFunctions, productionSchema,
                productionCatalog, AllowedSequences.none());
    }

    /**
     * As {@link #create(TablePolicies, TableColumns, String, Dialect, int, java.util.Set, String, String)}, the
     * sequence functions ({@code nextval}, {@code NEXT VALUE FOR}, ...) using only the allowed sequences.
     */
    public static SqlRewriter create(TablePolicies policies, TableColumns columns, String shadowSchema, Dialect dialect,
                                     int cacheSize, java.util.Set<String> allowedFunctions, String productionSchema,
                                     String productionCatalog, AllowedSequences sequences) {
        return create(policies, columns, shadowSchema, dialect, cacheSize, allowedFunctions, productionSchema,
                productionCatalog, sequences, java.util.Set.of());
    }

    /**
     * As {@link #create(TablePolicies, TableColumns, String, Dialect, int, java.util.Set, String, String,
     * AllowedSequences)}, refusing on PostgreSQL a cast to the row type of one of the {@code rowTypes} (the
     * production schema's tables and views, as stored).
     */
    public static SqlRewriter create(TablePolicies policies, TableColumns columns, String shadowSchema, Dialect dialect,
                                     int cacheSize, java.util.Set<String> allowedFunctions, String productionSchema,
                                     String productionCatalog, AllowedSequences sequences, java.util.Set<String> rowTypes) {
        Objects.requireNonNull(allowedFunctions, "allowedFunctions");
        Objects.requireNonNull(sequences, "sequences");
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
        // a production schema that is the shadow schema (a misconfiguration the start-up check reports) names nothing
        String home = productionSchema != null && productionSchema.equalsIgnoreCase(shadowSchema) ? null : productionSchema;
        return new SqlRewriter(policies, columns, shadowSchema, dialect, cacheSize,
                FunctionList.of(dialect, allowedFunctions, sequences, rowTypes, home), home, productionCatalog);
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
        FinalTable delta = FinalTable.of(written);
        if (delta != null) {
            return deltaTable(delta);
        }
        String text = written.withoutComments();
        int shareLock = names.dialect() == Dialect.MARIADB ? ShareModeLock.start(text) : -1;
        Parsed parsed = parseOne(shareLock < 0 ? text : text.substring(0, shareLock), "statement", null);
        Statement st = parsed.statement();
        List<String> tables = tableNames(st);
        try {
            if (shareLock >= 0) {
                lockInShareMode(st, "statement");
            }
            return rewriteAndVerify(written, st, sentinel, ctePrefix, tables, shareLock >= 0, parsed.complex());
        } catch (Refusal | FailedCheck e) {
            throw new RefusalWithTables(e, tables);
        }
    }

    /**
     * H2's {@code SELECT <columns> FROM FINAL TABLE (<statement>)}: the statement inside is rewritten and checked on
     * its own, the select around it names only columns of the rows it changed ({@link FinalTable}).
     */
    private RewrittenSql deltaTable(FinalTable delta) {
        RewrittenSql inner = rewriteAndVerify(delta.inner());
        if (inner.kind() != StatementKind.INSERT && inner.kind() != StatementKind.UPDATE
                && inner.kind() != StatementKind.MERGE) {
            throw new RefusalWithTables(new Refusal("FINAL TABLE (...) holds a " + inner.kind() + "; tip-data accepts"
                    + " it around an INSERT, UPDATE or MERGE only"), inner.tables());
        }
        RewrittenSql outer = inner.within(delta.prefix(), delta.suffix());
        LexedText sent = TextAgreement.read(outer.sqlFor(SENTINEL_STEM), names.dialect());
        TextAgreement.requireNoComments(sent);
        return outer;
    }

    /**
     * Marks the single query that MariaDB's trailing {@code LOCK IN SHARE MODE} applies to as locking (FOR SHARE), so
     * the rewrite and the check treat it as any locking read; refuses it on any other statement.
     */
    private static void lockInShareMode(Statement st, String what) {
        if (!(st instanceof PlainSelect ps) || ps.getForMode() != null || ps.isNoWait() || ps.isSkipLocked()
                || ps.getWait() != null) {
            throw new Refusal("LOCK IN SHARE MODE ends a " + what + " that is no plain SELECT without another locking"
                    + " clause; tip-data accepts it only after a single SELECT (not a UNION or a parenthesized query)");
        }
        ps.setForMode(ForMode.SHARE);
    }

    private RewrittenSql rewriteAndVerify(LexedText written, Statement st, String sentinel, String ctePrefix,
            List<String> tables, boolean shareLock, boolean complex) {
        List<JdbcParameter> params = parameters(st);
        if (params.size() != written.parameterCount()) {
            throw new Refusal("the statement has " + written.parameterCount() + " ? markers but the parser read "
                    + params.size() + " parameters (a ? operator?); tip-data refuses what it cannot read exactly");
        }
        for (Token t : written.tokens()) {
            if (t.kind() == TokenKind.PARAMETER && t.text().length() > 1) {
                throw new Refusal("the numbered parameter marker " + t.text() + " is refused in test context"
                        + " (JDBC binds plain ? markers in order); write ? instead");
            }
        }
        if (isRewritable(st)) {
            // The same check runs on the rewritten text; run here first, a misread statement (such as a
            // quote the two read differently) is refused as such instead of failing the isolation check.
            TextAgreement.agree(written, st, true);
        }
        StatementKind kind = new DmlRewriter(new SelectRewriter(names, columns, shadowSchema, sentinel, ctePrefix, functions))
                .rewrite(st);
        checkParameterOrder(st, params, names.dialect());
        if (shareLock) {
            ((PlainSelect) st).setForMode(null);
        }
        String rendered = st.toString();
        String suffix = shareLock ? ShareModeLock.CLAUSE : "";
        RunSlots slots;
        try {
            slots = RunSlots.of(rendered, suffix, sentinel, names.dialect());
        } catch (Refusal r) {
            throw failedCheck(kind, r, rendered + suffix);
        }
        // the check parses the text to be sent with the run literals written as ? markers (RunSlots)
        Statement again = parseOne(slots.checkedText(), "rewritten statement", complex).statement();
        if (shareLock) {
            // the text sent is the rendering and the clause; the check reads the clause as the parser cannot
            lockInShareMode(again, "rewritten statement");
        }
        // after the rewriter's own refusals, which say more: a construct the check cannot read, in the text that is
        // sent (which holds every construct of the statement), is refused as such, not as a failed check
        IsolationVerifier.requireKnownNodes(again);
        try {
            LexedText checked = slots.checked();
            verifier.verify(again, slots.markers(), checked.parameterCount(), ctePrefix);
            TextAgreement.requireNoComments(checked);
            TextAgreement.agree(checked, again, true);
            if (checked.parameterCount() != params.size() + slots.markers().size()) {
                throw new Refusal("the rewritten statement has " + (checked.parameterCount() - slots.markers().size())
                        + " ? markers instead of " + params.size());
            }
        } catch (Refusal r) {
            throw failedCheck(kind, r, rendered + suffix);
        }
        return new RewrittenSql(slots.sentParts(), kind, tables);
    }

    private FailedCheck failedCheck(StatementKind kind, Refusal r, String rendered) {
        LOG.debug("rewrite of a {} statement failed the independent isolation check: {}", kind, r.getMessage());
        return new FailedCheck("tip-data could not prove the rewritten statement confined to the run's partitions ("
                + r.getMessage() + "); write the statement more simply (plain joins, no parenthesized join"
                + " groups) or declare its tables differently", StatementShape.of(rendered, names.dialect()));
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

    /** A statement as parsed, with the parser mode that read it. */
    private record Parsed(Statement statement, boolean complex) {
    }

    /**
     * Parses one statement on the calling thread; {@code complex} null tries without the parser's complex parsing
     * first and with it after a failure, otherwise only the given mode is used (the rendering of a statement is
     * read in the mode that read the statement: a second try would only cost time).
     */
    private Parsed parseOne(String sql, String what, Boolean complex) {
        parses.incrementAndGet();
        if (sql.isBlank()) {
            throw new Refusal("the " + what + " is empty; nothing was sent (refused)");
        }
        Statements statements;
        boolean mode;
        try {
            try {
                mode = complex != null && complex;
                statements = parseStatements(sql, mode);
            } catch (Exception e) {
                if (complex != null || CCJSqlParserUtil.getNestingDepth(sql) > CCJSqlParserUtil.ALLOWED_NESTING_DEPTH) {
                    throw e;
                }
                mode = true;
                statements = parseStatements(sql, true);
            }
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
        return new Parsed(statements.get(0), mode);
    }

    /**
     * Parses in one mode, on the calling thread (no executor, no timeout thread). Without the parser's "complex
     * parsing" it reads some operators exactly; in that mode it keeps some operators with what follows them as raw
     * text (so {@code data->>'x' = ?} hides its parameter), which the marker count and {@link TextAgreement} catch.
     */
    private static Statements parseStatements(String sql, boolean complex) throws Exception {
        return CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(complex).Statements();
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
        if (params.size() < 2) {
            // one marker cannot change places (their count is checked on the text that is sent)
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
}
