package io.tipdata.jdbc.internal.rewrite.rewriter;

import io.tipdata.jdbc.internal.rewrite.Refusal;
import io.tipdata.jdbc.internal.rewrite.AstFields;
import io.tipdata.jdbc.internal.rewrite.FunctionList;
import io.tipdata.jdbc.internal.rewrite.TableColumns;

import io.tipdata.jdbc.Dialect;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * Rewrites the queries of one statement in place: every table of a FROM list is resolved by policy,
 * ISOLATED tables become their shadow twins filtered on the run, and every nested query is visited.
 *
 * <p>Where the run filter goes: in WHERE for a table on the preserved side of every join; in the ON of
 * the LEFT join that brings the table in; in the ON of the first later RIGHT join if the table is on
 * its optional side; and when no such ON exists (USING, NATURAL, FULL joins) the twin is replaced by a
 * filtered derived table {@code (SELECT * FROM twin t WHERE t.tip_run = run) t}.
 */
public final class SelectRewriter {

    private final TableNames names;
    private final TwinTables twins;
    private final StarExpansion stars;
    private final String ctePrefix;
    private final FunctionList functions;
    private int cteCount;
    private final Set<Object> done = Collections.newSetFromMap(new IdentityHashMap<>());

    public SelectRewriter(TableNames names, TableColumns columns, String shadowSchema, String runLiteral, String ctePrefix,
                          FunctionList functions) {
        this.names = names;
        this.functions = functions;
        this.twins = new TwinTables(names, shadowSchema, runLiteral);
        this.stars = new StarExpansion(names, columns, twins);
        this.ctePrefix = ctePrefix;
    }

    TwinTables twins() {
        return twins;
    }

    StarExpansion stars() {
        return stars;
    }

    void select(Select s, CteScope outer) {
        if (!done.add(s)) {
            return;
        }
        CteScope scope = with(s.getWithItemsList(), outer);
        if (s instanceof PlainSelect ps) {
            plain(ps, scope);
        } else if (s instanceof SetOperationList sol) {
            for (Select branch : sol.getSelects()) {
                select(branch, scope);
            }
            scanExcept(sol, scope, sol.getSelects(), sol.getWithItemsList());
        } else if (s instanceof ParenthesedSelect p) {
            select(p.getSelect(), scope);
            scanExcept(p, scope, p.getSelect(), p.getWithItemsList());
        } else if (s instanceof Values v) {
            scanExcept(v, scope, v.getWithItemsList());
        } else {
            throw new Refusal("query form " + s.getClass().getSimpleName() + " is not supported in test context;"
                    + " write it as a plain SELECT");
        }
    }

    /**
     * Rewrites the CTE bodies and renames every CTE to a generated name that no table has: H2 reads a
     * CTE named like an existing table as the table, so a CTE keeps its name only as the alias of the
     * references to it.
     */
    CteScope with(List<WithItem<?>> items, CteScope outer) {
        if (items == null || items.isEmpty()) {
            return outer;
        }
        boolean recursive = items.stream().anyMatch(WithItem::isRecursive);
        List<Map.Entry<String, String>> visible = new ArrayList<>();
        for (WithItem<?> item : items) {
            if (!(item.getParenthesedStatement() instanceof ParenthesedSelect body)) {
                throw new Refusal("common table expression '" + item.getAliasName() + "' modifies data;"
                        + " data-modifying CTEs are refused in test context, run the statements separately");
            }
            Map.Entry<String, String> name = Map.entry(names.stored(item.getAliasName()), ctePrefix + (++cteCount));
            item.getAlias().setName(name.getValue());
            if (recursive) {
                visible.add(name);
            }
            select(body, outer.with(visible));
            if (!recursive) {
                visible.add(name);
            }
        }
        return outer.with(visible);
    }

    private void plain(PlainSelect ps, CteScope scope) {
        if (ps.getIntoTables() != null && !ps.getIntoTables().isEmpty() || ps.getIntoTempTable() != null) {
            throw new Refusal("SELECT ... INTO creates or writes a table and is refused in test context;"
                    + " use INSERT INTO ... SELECT into an ISOLATED table");
        }
        if (ps.getLateralViews() != null && !ps.getLateralViews().isEmpty()) {
            throw new Refusal("LATERAL VIEW is not supported in test context");
        }
        Table lockOf = ps.getForUpdateTable();
        if (lockOf != null && (lockOf.getSchemaName() != null || !qualifiers(ps).contains(names.stored(lockOf.getName())))) {
            throw new Refusal("SELECT ... FOR UPDATE OF " + lockOf + " does not name an alias of its FROM list;"
                    + " name the alias (or unqualified table name) of the table to lock");
        }
        if (lockOf != null) {
            requireIsolatedLockTarget(ps, lockOf, scope);
        }
        scanExcept(ps, scope, ps.getFromItem(), ps.getJoins(), ps.getWithItemsList(), lockOf);
        if (ps.getFromItem() == null) {
            return;
        }
        List<Expression> filters = new ArrayList<>();
        // Over USING and NATURAL joins the database forms * itself: twins become derived tables of their
        // production columns, so * keeps its meaning.
        boolean wrapTwins = StarExpansion.hasStar(ps.getSelectItems()) && StarExpansion.joinsByName(ps.getJoins());
        // FOR UPDATE OF q locks only q's rows (PostgreSQL), so the other items may be REFERENCE tables.
        boolean locking = ps.getForMode() != null && lockOf == null;
        ps.setFromItem(fromList(ps.getFromItem(), ps.getJoins(), scope, locking, filters, wrapTwins));
        if (lockOf != null) {
            requireLockTargetStillATable(ps, lockOf);
        }
        ps.setWhere(TwinTables.and(ps.getWhere(), filters));
        ps.setSelectItems(stars.expand(ps.getSelectItems(), StarExpansion.items(ps.getFromItem(), ps.getJoins())));
    }

    /**
     * Refuses {@code FOR UPDATE OF q} unless q is an ISOLATED table of the FROM list: the lock of a REFERENCE
     * table, a CTE or a derived table (which locks every table it reads) is not confined to the run.
     */
    private void requireIsolatedLockTarget(PlainSelect ps, Table lockOf, CteScope scope) {
        String wanted = names.stored(lockOf.getName());
        for (FromItem item : StarExpansion.items(ps.getFromItem(), ps.getJoins())) {
            String q = item.getAlias() != null ? names.stored(item.getAlias().getName())
                    : item instanceof Table t && declaredName(t) ? names.stored(t.getName()) : null;
            if (!wanted.equals(q)) {
                continue;
            }
            if (item instanceof Table t && declaredName(t)
                    && (t.getSchemaName() != null || scope.generatedNameOf(t.getName(), names) == null)
                    && names.policyOf(t.getName()) == io.tipdata.jdbc.TablePolicy.ISOLATED) {
                return;
            }
            String what = item instanceof Table t && names.policyOf(t.getName()) == io.tipdata.jdbc.TablePolicy.REFERENCE
                    ? "REFERENCE table '" + TableNames.unquote(t.getName()) + "', which test traffic may only read"
                    : "'" + item + "', which is no ISOLATED table (a derived table locks every table it reads)";
            throw new Refusal("SELECT ... FOR UPDATE OF " + lockOf + " would lock rows of " + what
                    + "; name the alias of an ISOLATED table or drop the locking clause");
        }
    }

    /** Whether the table is named as a declared table is: unqualified, or qualified with the production schema. */
    private boolean declaredName(Table t) {
        return t.getSchemaName() == null || names.isProductionQualified(t);
    }

    /**
     * Refuses {@code FOR UPDATE OF q} when the rewrite had to filter q's twin inside a derived table (q is a side of
     * a FULL join, or of a USING or NATURAL join under {@code *}): the lock would then name a derived table.
     */
    private void requireLockTargetStillATable(PlainSelect ps, Table lockOf) {
        String wanted = names.stored(lockOf.getName());
        for (FromItem item : StarExpansion.items(ps.getFromItem(), ps.getJoins())) {
            if (item.getAlias() != null && names.stored(item.getAlias().getName()).equals(wanted)
                    && !(item instanceof Table)) {
                throw new Refusal("SELECT ... FOR UPDATE OF " + lockOf + " names a table that tip-data has to filter"
                        + " in a derived table here (a side of a FULL join, or of a USING or NATURAL join under *);"
                        + " write the join as INNER or LEFT JOIN ... ON, or drop the locking clause");
            }
        }
    }

    /** The names the FROM list of the query gives its items (aliases, or table names), as the database stores them. */
    private List<String> qualifiers(PlainSelect ps) {
        List<String> out = new ArrayList<>();
        List<FromItem> items = new ArrayList<>();
        items.add(ps.getFromItem());
        if (ps.getJoins() != null) {
            ps.getJoins().forEach(j -> items.add(j.getRightItem()));
        }
        for (FromItem item : items) {
            if (item != null && item.getAlias() != null) {
                out.add(names.stored(item.getAlias().getName()));
            } else if (item instanceof Table t && t.getSchemaName() == null) {
                out.add(names.stored(t.getName()));
            }
        }
        return out;
    }

    /**
     * Rewrites a FROM list (first item and its joins) in place; returns the new first item and adds to
     * {@code whereFilters} the run filters that belong in the WHERE clause of the owner. With
     * {@code wrapTwins} every twin becomes a filtered derived table.
     */
    FromItem fromList(FromItem first, List<Join> joins, CteScope scope, boolean locking, List<Expression> whereFilters,
                      boolean wrapTwins) {
        List<Join> js = joins == null ? List.of() : joins;
        refuseRepeatedQualifier(null, first, js);
        boolean anyFull = wrapTwins;
        for (Join j : js) {
            if (j.isApply() || j.isSemi() || j.isWindowJoin()) {
                throw new Refusal("join '" + j + "' is of a kind tip-data does not rewrite; use INNER, LEFT, RIGHT,"
                        + " FULL or CROSS joins");
            }
            if (j.getOnExpressions() != null && j.getOnExpressions().size() > 1) {
                throw new Refusal("join with several ON clauses is not supported; write each join with its own ON");
            }
            anyFull |= j.isFull();
            scan(j.getOnExpressions(), scope);
        }
        FromItem result = first;
        for (int i = 0; i <= js.size(); i++) {
            FromItem item = i == 0 ? first : js.get(i - 1).getRightItem();
            FromItem replaced = fromItem(item, i, js, anyFull, scope, locking, whereFilters);
            if (i == 0) {
                result = replaced;
            } else {
                js.get(i - 1).setRightItem(replaced);
            }
        }
        return result;
    }

    /**
     * Refuses a FROM list in which two items go by the same name (alias, or table name): the database refuses
     * it as well, and the run filters could not say which item they apply to. The target of an UPDATE ... FROM
     * or DELETE ... USING, when given, shares the names.
     */
    void refuseRepeatedQualifier(Table target, FromItem first, List<Join> joins) {
        List<Join> js = joins == null ? List.of() : joins;
        Set<String> seen = new HashSet<>();
        if (target != null) {
            seen.add(comparable(target.getAlias() != null ? target.getAlias().getName() : target.getName()));
        }
        for (int i = 0; i <= js.size(); i++) {
            FromItem item = i == 0 ? first : js.get(i - 1).getRightItem();
            String q = comparableName(item);
            if (q != null && !seen.add(q)) {
                throw new Refusal("two items of one FROM list are both named '" + TableNames.unquote(
                        item.getAlias() != null ? item.getAlias().getName() : ((Table) item).getName())
                        + "'; give each table of the FROM list its own alias");
            }
        }
    }

    /** The name the item goes by in its FROM list (alias, else schema and table), as compared; null if none. */
    private String comparableName(FromItem item) {
        if (item == null) {
            return null;
        }
        if (item.getAlias() != null) {
            return comparable(item.getAlias().getName());
        }
        if (item instanceof Table t) {
            return (t.getSchemaName() == null ? "" : comparable(t.getSchemaName()) + ".") + comparable(t.getName());
        }
        return null;
    }

    /** The identifier as the database compares table names and aliases (MariaDB: without regard to case). */
    private String comparable(String identifier) {
        return names.dialect() == Dialect.MARIADB
                ? TableNames.unquote(identifier).toLowerCase(Locale.ROOT) : names.stored(identifier);
    }

    private FromItem fromItem(FromItem item, int i, List<Join> js, boolean anyFull, CteScope scope,
                              boolean locking, List<Expression> whereFilters) {
        if (item instanceof Table t) {
            TwinTables.Target target = twins.resolve(t, scope);
            if (target == TwinTables.Target.REFERENCE && locking) {
                throw new Refusal("SELECT ... FOR UPDATE/SHARE would lock rows of REFERENCE table '"
                        + TableNames.unquote(t.getName()) + "', which test traffic may only read; drop the locking clause");
            }
            if (target != TwinTables.Target.ISOLATED) {
                return t;
            }
            Table q = twins.toTwin(t, true);
            Expression filter = twins.runFilter(q);
            if (anyFull) {
                return filteredDerived(t, q);
            }
            Join own = i > 0 ? js.get(i - 1) : null;
            if (own != null && own.isLeft()) {
                return addToOnOrWrap(own, t, q, filter);
            }
            for (int k = i; k < js.size(); k++) {
                if (js.get(k).isRight()) {
                    return addToOnOrWrap(js.get(k), t, q, filter);
                }
            }
            whereFilters.add(filter);
            return t;
        }
        if (item instanceof ParenthesedSelect p) {
            if (locking) {
                throw new Refusal("SELECT ... FOR UPDATE/SHARE over the derived table '" + p + "' would lock every"
                        + " table it reads, REFERENCE tables included; name the table to lock with FOR UPDATE OF alias,"
                        + " or move the derived table into a WITH clause");
            }
            select(p, scope);
            return p;
        }
        if (item instanceof Values v) {
            select(v, scope);
            return v;
        }
        if (item instanceof TableFunction f) {
            throw new Refusal("table function '" + f.getFunction().getName() + "' in FROM is refused in test context:"
                    + " tip-data cannot tell which tables it reads; select from declared tables instead");
        }
        if (item instanceof ParenthesedFromItem pfi && (pfi.getJoins() == null || pfi.getJoins().isEmpty())
                && pfi.getFromItem() instanceof Values v) {
            select(v, scope);
            return pfi;
        }
        if (item instanceof ParenthesedFromItem) {
            throw new Refusal("parenthesized join group '" + item + "' is not supported in test context;"
                    + " write the joins without parentheses");
        }
        throw new Refusal("FROM item '" + item + "' (" + item.getClass().getSimpleName()
                + ") is not supported in test context");
    }

    private FromItem addToOnOrWrap(Join join, Table twin, Table q, Expression filter) {
        if (join.getOnExpressions() == null || join.getOnExpressions().isEmpty()) {
            return filteredDerived(twin, q);
        }
        Expression on = join.getOnExpressions().iterator().next();
        join.setOnExpressions(new ArrayList<>(List.of(TwinTables.and(on, List.of(filter)))));
        return twin;
    }

    private ParenthesedSelect filteredDerived(Table twin, Table q) {
        PlainSelect inner = new PlainSelect();
        inner.addSelectItems(stars.columnsOf(twin));
        inner.setFromItem(twin);
        inner.setWhere(twins.runFilter(q));
        ParenthesedSelect p = new ParenthesedSelect();
        p.setSelect(inner);
        p.setAlias(new Alias(q.getName(), false));
        done.add(p);
        done.add(inner);
        return p;
    }

    private void requireAllowed(List<String> name, int arguments) {
        String why = functions.refusal(name, arguments);
        if (why != null) {
            String plain = String.join(".", name);
            throw new Refusal("function " + plain + " is refused in test context: " + why + ". If it has no effect"
                    + " beyond the statement and reads only the statement's tables, declare it with"
                    + " TipDataSource.builder(...).allowFunction(\"" + plain.replace("\"", "").replace("`", "") + "\")");
        }
    }

    /** Refuses with the reason, if there is one. */
    private static void refuseIf(String why) {
        if (why != null) {
            throw new Refusal(why);
        }
    }

    /**
     * A column qualifier naming an ISOLATED table by its production-qualified name ({@code public.orders.id}, as
     * jOOQ writes it) loses the schema: the twin goes by the table's name (its alias) in the rewritten statement.
     */
    private Table unqualifiedIfTwin(Table qualifier) {
        if (qualifier != null && names.isProductionQualified(qualifier) && qualifier.getName() != null
                && names.policyOf(qualifier.getName()) == io.tipdata.jdbc.TablePolicy.ISOLATED) {
            return new Table(null, qualifier.getName());
        }
        return qualifier;
    }

    /** Visits every part of the node except the given ones (compared by identity). */
    void scanExcept(Object node, CteScope scope, Object... handled) {
        Set<Object> skip = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object h : handled) {
            if (h != null) {
                skip.add(h);
            }
        }
        for (Object child : AstFields.children(node)) {
            if (!skip.contains(child)) {
                scan(child, scope);
            }
        }
    }

    /** Rewrites every query found in the value, and refuses tables and functions found outside FROM lists. */
    void scan(Object v, CteScope scope) {
        if (v == null) {
            return;
        }
        if (v instanceof Collection<?> c) {
            for (Object o : c) {
                scan(o, scope);
            }
            return;
        }
        if (v instanceof Map<?, ?> m) {
            scan(m.keySet(), scope);
            scan(m.values(), scope);
            return;
        }
        if (v instanceof Map.Entry<?, ?> e) {
            scan(e.getKey(), scope);
            scan(e.getValue(), scope);
            return;
        }
        if (v instanceof Object[] a) {
            for (Object o : a) {
                scan(o, scope);
            }
            return;
        }
        if (v instanceof AllTableColumns star) {
            star.setTable(unqualifiedIfTwin(star.getTable()));
            stars.met(star);
            return;
        }
        if (v instanceof Column c) {
            refuseIf(functions.bareWordRefusal(c));
            c.setTable(unqualifiedIfTwin(c.getTable()));
            stars.met(c);
            scan(c.getArrayConstructor(), scope);
            return;
        }
        if (!AstFields.isAstNode(v)) {
            return;
        }
        if (v instanceof Select s) {
            select(s, scope);
            return;
        }
        if (v instanceof Statement st) {
            throw new Refusal("statement '" + st.getClass().getSimpleName() + "' nested in another statement is"
                    + " refused in test context; run it on its own");
        }
        if (v instanceof Table t) {
            throw new Refusal("table '" + t.getFullyQualifiedName() + "' appears where tip-data does not rewrite"
                    + " tables; refer to tables only in FROM, JOIN and DML targets");
        }
        if (v instanceof TableFunction f) {
            throw new Refusal("table function '" + f.getFunction().getName() + "' is refused in test context");
        }
        if (v instanceof WithItem<?> w) {
            throw new Refusal("common table expression '" + w.getAliasName() + "' in an unsupported position");
        }
        if (v instanceof net.sf.jsqlparser.expression.VariableAssignment a) {
            throw new Refusal("assignment to session variable " + a.getVariable() + " is refused in test context:"
                    + " session state would outlive the statement on a pooled connection");
        }
        if (v instanceof Function f) {
            requireAllowed(f.getMultipartName(), FunctionCalls.arguments(f));
            refuseIf(functions.sequenceRefusal(f.getMultipartName(), f.getParameters()));
        } else if (v instanceof net.sf.jsqlparser.expression.AnalyticExpression a) {
            requireAllowed(List.of(a.getName()), FunctionCalls.arguments(a));
        } else if (v instanceof net.sf.jsqlparser.expression.NextValExpression n) {
            refuseIf(functions.sequenceRefusal(n));
        } else if (v instanceof net.sf.jsqlparser.statement.create.table.ColDataType type) {
            refuseIf(functions.typeRefusal(type));
        }
        for (Object child : AstFields.children(v)) {
            scan(child, scope);
        }
    }
}
