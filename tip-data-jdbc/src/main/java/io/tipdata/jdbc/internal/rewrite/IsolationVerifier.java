package io.tipdata.jdbc.internal.rewrite;

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
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;

/**
 * Checks a rewritten statement, parsed again from its text, without sharing the rewriter's logic.
 *
 * <p>Accepted: every table is a visible CTE, {@code DUAL}, a REFERENCE table in a read position, or the
 * shadow twin of an ISOLATED table with a {@code q.tip_run = '<run>'} conjunct that applies to it (in
 * the WHERE of its own query, or in the ON of a join where an unmatched row of that table can never
 * survive); every INSERT or MERGE insert into a twin sets {@code tip_run} to the run literal. Anything
 * else, including any table or statement node met outside these positions, is rejected. Every CTE must
 * carry a generated name (starting with the given prefix), so no CTE reference can resolve to a table.
 */
final class IsolationVerifier {

    private final TableNames names;
    private final String shadowSchema;

    IsolationVerifier(TableNames names, String shadowSchema) {
        this.names = names;
        this.shadowSchema = shadowSchema;
    }

    /** Throws a {@link Refusal} saying what is unsafe, or returns if the statement is confined to the run. */
    void verify(Statement root, String runLiteral, String ctePrefix) {
        new Check(runLiteral, ctePrefix, root).root();
    }

    private final class Check {
        private final String run;
        private final String ctePrefix;
        private final Statement root;
        private final Set<Object> approved = Collections.newSetFromMap(new IdentityHashMap<>());

        Check(String run, String ctePrefix, Statement root) {
            this.run = run;
            this.ctePrefix = ctePrefix;
            this.root = root;
        }

        void root() {
            if (root instanceof Select) {
                walk(root, List.of());
            } else if (root instanceof Insert ins) {
                insert(ins);
            } else if (root instanceof Update up) {
                update(up);
            } else if (root instanceof Delete del) {
                delete(del);
            } else if (root instanceof Merge m) {
                merge(m);
            } else {
                fail("statement kind " + root.getClass().getSimpleName() + " is not accepted");
            }
        }

        private void insert(Insert ins) {
            List<String> scope = ctes(ins.getWithItemsList(), List.of());
            requireTwin(ins.getTable());
            int j = runColumnIndex(ins.getColumns());
            if (ins.getSetUpdateSets() != null && !ins.getSetUpdateSets().isEmpty()) {
                fail("INSERT ... SET is not accepted");
            }
            if (ins.getConflictTarget() != null) {
                var ct = ins.getConflictTarget();
                if (ct.getConstraintName() != null || ct.getIndexExpression() != null) {
                    fail("ON CONFLICT target without tip_run");
                }
                if (!ct.getIndexColumnNames().isEmpty()
                        && ct.getIndexColumnNames().stream().noneMatch(n -> TableNames.unquote(n).equalsIgnoreCase("tip_run"))) {
                    fail("ON CONFLICT target " + ct.getIndexColumnNames() + " lacks tip_run");
                }
            }
            noRunColumnSet(ins.getDuplicateUpdateSets());
            if (ins.getConflictAction() != null) {
                noRunColumnSet(ins.getConflictAction().getUpdateSets());
            }
            stamped(ins.getSelect(), j);
            walkExcept(ins, scope, ins.getWithItemsList());
        }

        private void stamped(Select s, int j) {
            if (s instanceof PlainSelect ps) {
                if (ps.getSelectItems().size() <= j || !isRun(ps.getSelectItems().get(j).getExpression())) {
                    fail("INSERT ... SELECT does not select the run literal as tip_run");
                }
            } else if (s instanceof net.sf.jsqlparser.statement.select.SetOperationList sol) {
                for (Select b : sol.getSelects()) {
                    stamped(b, j);
                }
            } else if (s instanceof net.sf.jsqlparser.statement.select.ParenthesedSelect p) {
                stamped(p.getSelect(), j);
            } else if (s instanceof net.sf.jsqlparser.statement.select.Values v) {
                List<?> rows = v.getExpressions();
                List<?> list = rows instanceof ParenthesedExpressionList<?> ? List.of(rows) : rows;
                for (Object row : list) {
                    if (!(row instanceof List<?> r) || r.size() <= j || !isRun(r.get(j))) {
                        fail("a VALUES row does not set tip_run to the run literal");
                    }
                }
            } else {
                fail("INSERT source " + (s == null ? "missing" : s.getClass().getSimpleName()) + " is not accepted");
            }
        }

        private void update(Update up) {
            List<String> scope = ctes(up.getWithItemsList(), List.of());
            if (up.getStartJoins() != null && !up.getStartJoins().isEmpty()) {
                fail("multi-table UPDATE is not accepted");
            }
            Table t = up.getTable();
            requireTwin(t);
            noRunColumnSet(up.getUpdateSets());
            if (!conjuncts(up.getWhere()).stream().anyMatch(e -> isFilterFor(e, t))) {
                fail("UPDATE of " + t + " has no run filter in WHERE");
            }
            if (up.getFromItem() != null) {
                from(up.getFromItem(), up.getJoins(), up.getWhere(), scope, false, qualifier(t));
            }
            walkExcept(up, scope, up.getWithItemsList());
        }

        private void delete(Delete del) {
            List<String> scope = ctes(del.getWithItemsList(), List.of());
            if (del.getTables() != null && !del.getTables().isEmpty() || del.getJoins() != null && !del.getJoins().isEmpty()) {
                fail("multi-table DELETE is not accepted");
            }
            Table t = del.getTable();
            requireTwin(t);
            if (!conjuncts(del.getWhere()).stream().anyMatch(e -> isFilterFor(e, t))) {
                fail("DELETE from " + t + " has no run filter in WHERE");
            }
            if (del.getUsingList() != null) {
                for (Table u : del.getUsingList()) {
                    from(u, null, del.getWhere(), scope, false, qualifier(t));
                }
            }
            walkExcept(del, scope, del.getWithItemsList());
        }

        private void merge(Merge m) {
            List<String> scope = ctes(m.getWithItemsList(), List.of());
            Table t = m.getTable();
            requireTwin(t);
            if (!conjuncts(m.getOnCondition()).stream().anyMatch(e -> isFilterFor(e, t))) {
                fail("MERGE into " + t + " has no run filter in ON");
            }
            if (m.getFromItem() instanceof Table s) {
                if (s.getSchemaName() != null || isTwinName(s)) {
                    fail("MERGE source " + s + " is a table that is not filtered on the run");
                }
                classifyPlain(s, scope, false);
            }
            for (var op : m.getOperations() == null ? List.<Object>of() : m.getOperations()) {
                if (op instanceof net.sf.jsqlparser.statement.merge.MergeInsert mi) {
                    int j = runColumnIndex(mi.getColumns());
                    if (mi.getValues() == null || mi.getValues().size() <= j || !isRun(mi.getValues().get(j))) {
                        fail("MERGE insert does not set tip_run to the run literal");
                    }
                } else if (op instanceof net.sf.jsqlparser.statement.merge.MergeUpdate mu) {
                    noRunColumnSet(mu.getUpdateSets());
                }
            }
            walkExcept(m, scope, m.getWithItemsList());
        }

        private void requireTwin(Table t) {
            if (t == null || !isTwinName(t) || names.policyOf(t.getName()) != TablePolicy.ISOLATED) {
                fail("write target " + t + " is not the shadow twin of an ISOLATED table");
            }
            approved.add(t);
        }

        private boolean isTwinName(Table t) {
            return t.getSchemaName() != null && t.getSchemaName().equals(shadowSchema)
                    && (t.getDatabase() == null || t.getDatabase().getDatabaseName() == null);
        }

        private int runColumnIndex(List<Column> cols) {
            int found = -1;
            for (int i = 0; cols != null && i < cols.size(); i++) {
                if (TableNames.unquote(cols.get(i).getColumnName()).equalsIgnoreCase("tip_run")) {
                    if (found >= 0) {
                        fail("tip_run is listed twice");
                    }
                    found = i;
                }
            }
            if (found < 0) {
                fail("insert into a twin does not list tip_run");
            }
            return found;
        }

        private void noRunColumnSet(List<net.sf.jsqlparser.statement.update.UpdateSet> sets) {
            if (sets == null) {
                return;
            }
            for (var s : sets) {
                for (Column c : s.getColumns()) {
                    if (TableNames.unquote(c.getColumnName()).equalsIgnoreCase("tip_run")) {
                        fail("statement assigns tip_run");
                    }
                }
            }
        }

        /** Walks the WITH bodies in their scopes and returns the scope after the WITH. */
        private List<String> ctes(List<WithItem<?>> items, List<String> outer) {
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

        private void from(FromItem first, List<Join> joins, Expression where, List<String> scope, boolean locking,
                          String extraQualifier) {
            List<Join> js = joins == null ? List.of() : joins;
            List<FromItem> items = new ArrayList<>();
            items.add(first);
            for (Join j : js) {
                if (j.isApply() || j.isSemi() || j.isWindowJoin() || j.getOnExpressions().size() > 1) {
                    fail("join " + j + " is not accepted");
                }
                items.add(j.getRightItem());
            }
            Set<String> qualifiers = new HashSet<>();
            if (extraQualifier != null) {
                qualifiers.add(extraQualifier);
            }
            for (FromItem item : items) {
                String q = item instanceof Table t ? qualifier(t) : item.getAlias() == null ? null : item.getAlias().getName();
                if (q != null && !qualifiers.add(q)) {
                    fail("qualifier " + q + " names two tables of one FROM list");
                }
            }
            List<Expression> whereConjuncts = conjuncts(where);
            for (int i = 0; i < items.size(); i++) {
                FromItem item = items.get(i);
                if (item instanceof Table t) {
                    if (!isTwinName(t)) {
                        if (t.getSchemaName() != null || t.getDatabase() != null && t.getDatabase().getDatabaseName() != null) {
                            fail("table " + t + " is qualified with a schema other than the shadow schema");
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
                    approved.add(t);
                } else if (item instanceof TableFunction || item instanceof net.sf.jsqlparser.statement.select.ParenthesedFromItem) {
                    fail("FROM item " + item + " is not accepted");
                }
            }
        }

        private void classifyPlain(Table t, List<String> scope, boolean locking) {
            String stored = names.stored(t.getName());
            for (String cte : scope) {
                if (cte.equals(stored)) {
                    approved.add(t);
                    return;
                }
                if (names.dialect() == Dialect.MARIADB && cte.equalsIgnoreCase(stored)) {
                    fail("table " + t + " differs from a CTE name only in case");
                }
            }
            if (names.isDual(t.getName())) {
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

        private String qualifier(Table t) {
            return t.getAlias() != null ? t.getAlias().getName() : t.getFullyQualifiedName();
        }

        private boolean isFilterFor(Expression e, Table t) {
            if (!(e instanceof EqualsTo eq) || eq.getOldOracleJoinSyntax() != 0
                    || !(eq.getLeftExpression() instanceof Column c) || !isRun(eq.getRightExpression())) {
                return false;
            }
            if (!TableNames.unquote(c.getColumnName()).equalsIgnoreCase("tip_run") || c.getTable() == null) {
                return false;
            }
            return c.getTable().getFullyQualifiedName().equals(qualifier(t));
        }

        private boolean isRun(Object e) {
            return e instanceof StringValue sv && sv.getPrefix() == null && run.equals(sv.getValue());
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

        private void walkExcept(Object node, List<String> scope, Object handled) {
            for (Object child : AstFields.children(node)) {
                if (child != handled) {
                    walk(child, scope);
                }
            }
        }

        private void walk(Object v, List<String> scope) {
            if (v instanceof Collection<?> c) {
                c.forEach(o -> walk(o, scope));
                return;
            }
            if (v instanceof Map<?, ?> m) {
                m.values().forEach(o -> walk(o, scope));
                return;
            }
            if (v instanceof Object[] a) {
                for (Object o : a) {
                    walk(o, scope);
                }
                return;
            }
            if (v == null || !AstFields.isAstNode(v) || v instanceof Column || v instanceof AllTableColumns) {
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
            if (v instanceof TableFunction || v instanceof WithItem<?>) {
                fail(v.getClass().getSimpleName() + " " + v + " is not accepted");
            }
            if (v instanceof Function f && DeniedFunctions.isDenied(f.getName())) {
                fail("function " + f.getName() + " is denied");
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
                        from(ps.getFromItem(), ps.getJoins(), ps.getWhere(), inner, ps.getForMode() != null, null);
                    }
                    if (ps.getForUpdateTable() != null) {
                        fail("FOR UPDATE OF is not accepted");
                    }
                }
                walkExcept(s, inner, s.getWithItemsList());
                return;
            }
            for (Object child : AstFields.children(v)) {
                walk(child, inner);
            }
        }

        private void stringLiteral(StringValue sv) {
            boolean escapes = names.dialect() == Dialect.MARIADB
                    || sv.getPrefix() != null && sv.getPrefix().equalsIgnoreCase("E");
            if (escapes && sv.getValue().indexOf('\\') >= 0) {
                fail("string literal with a backslash, which " + names.dialect()
                        + " may read as an escape; pass the value as a ? parameter");
            }
        }

        private void fail(String why) {
            throw new Refusal("isolation check failed: " + why);
        }
    }
}
