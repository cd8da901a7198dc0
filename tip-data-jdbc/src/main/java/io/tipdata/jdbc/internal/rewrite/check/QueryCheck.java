package io.tipdata.jdbc.internal.rewrite.check;

import io.tipdata.jdbc.internal.rewrite.Refusal;
import io.tipdata.jdbc.internal.rewrite.FunctionList;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.TablePolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * The state of one verification: the tables found in checked positions, and the walk over every node
 * of the statement that rejects any table met elsewhere. Used by {@link IsolationVerifier} only.
 */
final class QueryCheck {

    private final CheckNames names;
    private final String shadowSchema;
    private final Set<Integer> runMarkers;
    private final String ctePrefix;
    private final Statement root;
    private final FunctionList functions;
    private final Set<Object> approved = Collections.newSetFromMap(new IdentityHashMap<>());
    private final StarCheck stars = new StarCheck(this::key, this::isTwinName);

    QueryCheck(CheckNames names, String shadowSchema, Set<Integer> runMarkers, String ctePrefix, Statement root,
               FunctionList functions) {
        this.names = names;
        this.functions = functions;
        this.shadowSchema = shadowSchema;
        this.runMarkers = Set.copyOf(runMarkers);
        this.ctePrefix = ctePrefix;
        this.root = root;
    }

    /** Accepts a table whose position was checked, so the walk lets it pass. */
    void approve(Table t) {
        approved.add(t);
    }

    /** Accepts a twin whose run filter was checked. */
    void approveTwin(Table t) {
        approved.add(t);
        stars.twinSeen();
    }

    /** Rejects a select or RETURNING list that would show a twin's {@code tip_run}. */
    void checkStars(List<? extends net.sf.jsqlparser.statement.select.SelectItem<?>> items, List<FromItem> from) {
        stars.check(items, from);
    }

    /** The items of a FROM list in order. */
    static List<FromItem> fromItems(FromItem first, List<Join> joins) {
        List<FromItem> out = new ArrayList<>(List.of(first));
        if (joins != null) {
            joins.forEach(j -> out.add(j.getRightItem()));
        }
        return out;
    }

    /** Rejects, in a statement over twins, a {@code q.*} that is no select or RETURNING item of its own FROM list. */
    void checkLeftoverStars() {
        stars.checkLeftovers();
    }

    /** Tells whether a top-level conjunct of the condition is the run filter of that table. */
    boolean hasFilter(Expression condition, Table t) {
        return conjuncts(condition).stream().anyMatch(e -> isFilterFor(e, t));
    }

    boolean isTwinName(Table t) {
        return !viaLink(t) && t.getSchemaName() != null && t.getSchemaName().equals(shadowSchema)
                && (t.getDatabase() == null || t.getDatabase().getDatabaseName() == null);
    }

    private boolean viaLink(Table t) {
        return t.getNameParts().stream().anyMatch(part -> part != null && part.contains("@"));
    }

    /** Walks the WITH bodies in their scopes and returns the scope after the WITH. */
    List<String> ctes(List<WithItem<?>> items, List<String> outer) {
        if (items == null || items.isEmpty()) {
            return outer;
        }
        boolean recursive = items.stream().anyMatch(WithItem::isRecursive);
        List<String> visible = new ArrayList<>(outer);
        for (WithItem<?> w : items) {
            if (!(w.getParenthesedStatement() instanceof Select body)) {
                fail("common table expression " + w.getAliasName() + " is not a query");
                return outer;
            }
            if (!w.getAliasName().toLowerCase(java.util.Locale.ROOT).startsWith(ctePrefix)) {
                fail("common table expression " + w.getAliasName() + " may share its name with a table"
                        + " (H2 then reads the table)");
            }
            String stored = names.stored(w.getAliasName());
            if (recursive) {
                visible.add(stored);
            }
            walk(body, List.copyOf(visible));
            if (!recursive) {
                visible.add(stored);
            }
        }
        return List.copyOf(visible);
    }

    void from(FromItem first, List<Join> joins, Expression where, List<String> scope, boolean locking,
                      String extraQualifier) {
        List<Join> js = joins == null ? List.of() : joins;
        List<FromItem> items = new ArrayList<>();
        items.add(first);
        for (Join j : js) {
            if (j.isApply() || j.isSemi() || j.isWindowJoin() || j.getOnExpressions().size() > 1) {
                fail("a join of kind " + (j.isApply() ? "APPLY" : j.isSemi() ? "SEMI" : "window or several ON") + " is not accepted");
            }
            items.add(j.getRightItem());
        }
        Set<String> qualifiers = new HashSet<>();
        if (extraQualifier != null) {
            qualifiers.add(extraQualifier);
        }
        for (FromItem item : items) {
            String q = item instanceof Table t ? qualifier(t) : item.getAlias() == null ? null : key(item.getAlias().getName());
            if (q != null && !qualifiers.add(q)) {
                fail("qualifier " + q + " names two tables of one FROM list");
            }
        }
        List<Expression> whereConjuncts = conjuncts(where);
        for (int i = 0; i < items.size(); i++) {
            FromItem item = items.get(i);
            if (item instanceof Table t) {
                if (!isTwinName(t)) {
                    if ((t.getSchemaName() != null || t.getDatabase() != null && t.getDatabase().getDatabaseName() != null)
                            && !names.isProductionQualified(t)) {
                        fail("table " + t + " is qualified with a schema other than the shadow and production schemas");
                    }
                    classifyPlain(t, scope, locking);
                    continue;
                }
                if (names.policyOf(t.getName()) != TablePolicy.ISOLATED) {
                    fail("table " + t + " is in the shadow schema but not declared ISOLATED");
                }
                if (t.getAlias() != null && t.getAlias().getAliasColumns() != null && !t.getAlias().getAliasColumns().isEmpty()) {
                    fail("twin " + t + " renames its columns");
                }
                boolean ok = whereConjuncts.stream().anyMatch(e -> isFilterFor(e, t));
                for (int k = Math.max(i, 1); !ok && k < items.size(); k++) {
                    Join join = js.get(k - 1);
                    boolean safe = !join.isFull() && (k == i ? !join.isRight() : !join.isLeft());
                    ok = safe && join.getOnExpressions().stream()
                            .flatMap(on -> conjuncts(on).stream()).anyMatch(e -> isFilterFor(e, t));
                }
                if (!ok) {
                    fail("twin " + t + " has no run filter that applies to it");
                }
                approveTwin(t);
            } else if (item instanceof net.sf.jsqlparser.statement.select.ParenthesedSelect p && locking
                    && !isFilteredTwin(p)) {
                fail("a locking clause applies to the derived table " + item + ", which reads other tables than one shadow twin");
            } else if (item instanceof net.sf.jsqlparser.statement.select.ParenthesedFromItem pfi) {
                if (pfi.getJoins() != null && !pfi.getJoins().isEmpty()
                        || !(pfi.getFromItem() instanceof net.sf.jsqlparser.statement.select.Values)) {
                    fail("FROM item of kind " + item.getClass().getSimpleName() + " is not accepted");
                }
            } else if (item instanceof TableFunction) {
                fail("FROM item of kind " + item.getClass().getSimpleName() + " is not accepted");
            }
        }
    }

    /** Tells whether the derived table selects from one shadow twin alone (as the rewrite wraps a twin). */
    private boolean isFilteredTwin(net.sf.jsqlparser.statement.select.ParenthesedSelect p) {
        return p.getSelect() instanceof PlainSelect ps && ps.getFromItem() instanceof Table t && isTwinName(t)
                && (ps.getJoins() == null || ps.getJoins().isEmpty())
                && (ps.getWithItemsList() == null || ps.getWithItemsList().isEmpty());
    }

    void classifyPlain(Table t, List<String> scope, boolean locking) {
        String stored = names.stored(t.getName());
        // a name qualified with the production schema names a table, never a CTE or DUAL
        boolean qualified = t.getSchemaName() != null;
        if (qualified && !names.isProductionQualified(t)) {
            fail("table " + t + " is qualified with a schema other than the production schema");
        }
        for (String cte : qualified ? List.<String>of() : scope) {
            if (cte.equals(stored)) {
                approved.add(t);
                return;
            }
            if (names.dialect() == Dialect.MARIADB && cte.equalsIgnoreCase(stored)) {
                fail("table " + t + " differs from a CTE name only in case");
            }
        }
        if (viaLink(t)) {
            fail("table " + t + " goes through a database link");
        }
        if (!qualified && names.isDual(t.getName())) {
            approved.add(t);
            return;
        }
        if (names.policyOf(t.getName()) != TablePolicy.REFERENCE) {
            fail("table " + t + " is neither a shadow twin, a REFERENCE table nor a visible CTE");
        }
        if (locking) {
            fail("REFERENCE table " + t + " is locked by FOR UPDATE/SHARE");
        }
        approved.add(t);
    }

    /**
     * The name the table goes by in its query (its alias, else its full name) as the database resolves it:
     * quotes removed and case folded as the dialect folds it (MariaDB: lower case, which can only make two
     * names look alike, never apart).
     */
    String qualifier(Table t) {
        return t.getAlias() != null ? key(t.getAlias().getName()) : key(t.getSchemaName(), t.getName());
    }

    private String key(String schema, String name) {
        return schema == null ? key(name) : key(schema) + "." + key(name);
    }

    private String key(String identifier) {
        return names.dialect() == Dialect.MARIADB
                ? CheckNames.unquote(identifier).toLowerCase(java.util.Locale.ROOT) : names.stored(identifier);
    }

    private boolean isFilterFor(Expression e, Table t) {
        if (!(e instanceof EqualsTo eq) || eq.getOldOracleJoinSyntax() != 0
                || !(eq.getLeftExpression() instanceof Column c) || !isRun(eq.getRightExpression())) {
            return false;
        }
        if (!CheckNames.unquote(c.getColumnName()).equalsIgnoreCase("tip_run") || c.getTable() == null) {
            return false;
        }
        Table q = c.getTable();
        return q.getName() != null && (q.getDatabase() == null || q.getDatabase().getDatabaseName() == null)
                && key(q.getSchemaName(), q.getName()).equals(qualifier(t));
    }

    /** Tells whether the node is one of the markers that stand for the run (an unnumbered {@code ?} at a run ordinal). */
    boolean isRun(Object e) {
        return e instanceof JdbcParameter p && !p.isUseFixedIndex() && p.getIndex() != null
                && runMarkers.contains(p.getIndex());
    }

    private List<Expression> conjuncts(Expression e) {
        List<Expression> out = new ArrayList<>();
        collect(e, out);
        return out;
    }

    private void collect(Expression e, List<Expression> out) {
        if (e instanceof AndExpression and) {
            collect(and.getLeftExpression(), out);
            collect(and.getRightExpression(), out);
        } else if (e instanceof ParenthesedExpressionList<?> p && p.size() == 1) {
            collect((Expression) p.get(0), out);
        } else if (e instanceof Parenthesis p) {
            collect(p.getExpression(), out);
        } else if (e != null) {
            out.add(e);
        }
    }

    void walkExcept(Object node, List<String> scope, Object handled) {
        for (Object child : CheckFields.children(node)) {
            if (child != handled) {
                walk(child, scope);
            }
        }
    }

    void walk(Object v, List<String> scope) {
        if (v instanceof Collection<?> c) {
            c.forEach(o -> walk(o, scope));
            return;
        }
        if (v instanceof Map<?, ?> m) {
            m.keySet().forEach(o -> walk(o, scope));
            m.values().forEach(o -> walk(o, scope));
            return;
        }
        if (v instanceof Map.Entry<?, ?> e) {
            walk(e.getKey(), scope);
            walk(e.getValue(), scope);
            return;
        }
        if (v instanceof Object[] a) {
            for (Object o : a) {
                walk(o, scope);
            }
            return;
        }
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof Character
                || v instanceof Enum<?> || v instanceof java.util.Date || v instanceof java.time.temporal.TemporalAccessor) {
            return;
        }
        if (!CheckFields.isAstNode(v)) {
            fail("the statement holds a " + v.getClass().getName() + ", which the check does not know");
        }
        NodeCatalog.require(v);
        if (v instanceof AllTableColumns star) {
            stars.met(star);
            return;
        }
        if (v instanceof Column c) {
            String word = functions.bareWordRefusal(c);
            if (word != null) {
                fail(word);
            }
            // the qualifier is no table reference; a subscript may hold any expression
            walk(c.getArrayConstructor(), scope);
            return;
        }
        if (v instanceof Table t) {
            if (!approved.contains(t)) {
                fail("table " + t + " is in a position that is not checked");
            }
            return;
        }
        if (v instanceof StringValue sv) {
            stringLiteral(sv);
            return;
        }
        if (v instanceof TableFunction || v instanceof WithItem<?>
                || v instanceof net.sf.jsqlparser.expression.VariableAssignment) {
            fail(v.getClass().getSimpleName() + " is not accepted here");
        }
        if (v instanceof Function f) {
            int n = (f.getParameters() == null ? 0 : f.getParameters().size())
                    + (f.getNamedParameters() == null ? 0 : f.getNamedParameters().size());
            String why = functions.refusal(f.getMultipartName(), n);
            if (why == null) {
                why = functions.sequenceRefusal(f.getMultipartName(), f.getParameters());
            }
            if (why != null) {
                fail(why);
            }
        }
        if (v instanceof net.sf.jsqlparser.statement.create.table.ColDataType type) {
            String why = functions.typeRefusal(type);
            if (why != null) {
                fail(why);
            }
        }
        if (v instanceof net.sf.jsqlparser.expression.NextValExpression next) {
            String why = functions.sequenceRefusal(next);
            if (why != null) {
                fail(why);
            }
        }
        if (v instanceof net.sf.jsqlparser.expression.AnalyticExpression a) {
            Object e = a.getExpression();
            int n = (e instanceof java.util.List<?> l ? l.size() : e != null || a.isAllColumns() ? 1 : 0)
                    + (a.getOffset() == null ? 0 : 1) + (a.getDefaultValue() == null ? 0 : 1);
            String why = functions.refusal(List.of(String.valueOf(a.getName())), n);
            if (why != null) {
                fail(why);
            }
        }
        if (v instanceof Statement && !(v instanceof Select) && v != root) {
            fail("nested statement " + v.getClass().getSimpleName() + " is not accepted");
        }
        List<String> inner = scope;
        if (v instanceof Select s) {
            inner = ctes(s.getWithItemsList(), scope);
            if (s instanceof PlainSelect ps) {
                if (ps.getIntoTables() != null && !ps.getIntoTables().isEmpty() || ps.getIntoTempTable() != null) {
                    fail("SELECT ... INTO is not accepted");
                }
                if (ps.getFromItem() != null) {
                    from(ps.getFromItem(), ps.getJoins(), ps.getWhere(), inner,
                            ps.getForMode() != null && ps.getForUpdateTable() == null, null);
                    checkStars(ps.getSelectItems(), fromItems(ps.getFromItem(), ps.getJoins()));
                }
                Table lockOf = ps.getForUpdateTable();
                if (lockOf != null) {
                    boolean named = lockOf.getSchemaName() == null && ps.getFromItem() != null
                            && java.util.stream.Stream.concat(java.util.stream.Stream.of(ps.getFromItem()),
                                    ps.getJoins() == null ? java.util.stream.Stream.empty()
                                            : ps.getJoins().stream().map(Join::getRightItem))
                            .anyMatch(item -> item instanceof Table t && isTwinName(t) && item.getAlias() != null
                                    && key(item.getAlias().getName()).equals(key(lockOf.getName())));
                    if (!named) {
                        fail("FOR UPDATE OF " + lockOf.getName() + " names no shadow twin of its FROM list");
                    }
                    approve(lockOf);
                }
            }
            walkExcept(s, inner, s.getWithItemsList());
            return;
        }
        for (Object child : CheckFields.children(v)) {
            walk(child, inner);
        }
    }

    private void stringLiteral(StringValue sv) {
        boolean escapes = names.dialect() == Dialect.MARIADB
                || sv.getPrefix() != null && sv.getPrefix().equalsIgnoreCase("E");
        if (escapes && !backslashesPaired(sv.getValue())) {
            fail("string literal with a backslash, which " + names.dialect()
                    + " may read as an escape; pass the value as a ? parameter");
        }
    }

    private static boolean backslashesPaired(String content) {
        for (int i = 0; i < content.length(); i++) {
            if (content.charAt(i) == '\\') {
                if (i + 1 >= content.length() || content.charAt(i + 1) != '\\') {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    static void fail(String why) {
        throw new Refusal("isolation check failed: " + why);
    }
}
