package io.tipdata.jdbc.internal.rewrite.check;


import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.TablePolicy;
import io.tipdata.jdbc.internal.rewrite.FunctionList;
import io.tipdata.jdbc.internal.rewrite.Refusal;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;
import net.sf.jsqlparser.statement.upsert.UpsertType;

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
public final class IsolationVerifier {

    private final CheckNames names;
    private final String shadowSchema;
    private final MariaDbDmlCheck mariaDb;
    private final FunctionList functions;

    /** A check for the policies and dialect, knowing twins as tables of the shadow schema, with the built-ins only. */
    public IsolationVerifier(io.tipdata.jdbc.TablePolicies policies, Dialect dialect, String shadowSchema) {
        this(policies, dialect, shadowSchema, FunctionList.of(dialect, java.util.Set.of()));
    }

    /** A check for the policies and dialect, knowing twins as tables of the shadow schema, accepting the functions. */
    public IsolationVerifier(io.tipdata.jdbc.TablePolicies policies, Dialect dialect, String shadowSchema,
                             FunctionList functions) {
        this(policies, dialect, shadowSchema, functions, null, null);
    }

    /**
     * As {@link #IsolationVerifier(io.tipdata.jdbc.TablePolicies, Dialect, String, FunctionList)}, reading a REFERENCE
     * table qualified with the production schema (and on PostgreSQL and H2 the production catalog), names as the
     * database stores them, as that table; {@code null} when unknown.
     */
    public IsolationVerifier(io.tipdata.jdbc.TablePolicies policies, Dialect dialect, String shadowSchema,
                             FunctionList functions, String productionSchema, String productionCatalog) {
        this.functions = functions;
        this.names = new CheckNames(policies, dialect, productionSchema, productionCatalog);
        this.shadowSchema = shadowSchema;
        this.mariaDb = new MariaDbDmlCheck(names);
    }

    /**
     * Throws a {@link Refusal} saying what is unsafe, or returns if the statement is confined to the run.
     *
     * <p>The statement is parsed from the text to be sent with each run literal written as a {@code ?} marker;
     * {@code runMarkers} are those markers' ordinals (from 1, in text order) and {@code markerCount} the number of
     * markers in that text. The check holds the parser's numbering of the markers to the text's (unnumbered,
     * each once, 1 to {@code markerCount}), so that a marker it takes for the run is one of them.
     */
    public void verify(Statement root, Set<Integer> runMarkers, int markerCount, String ctePrefix) {
        requireMarkersInTextOrder(root, markerCount);
        QueryCheck q = new QueryCheck(names, shadowSchema, runMarkers, ctePrefix, root, functions);
        root(q, root);
        q.checkLeftoverStars();
    }

    private static void requireMarkersInTextOrder(Statement root, int markerCount) {
        java.util.BitSet seen = new java.util.BitSet();
        int found = markers(root, seen, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
        // the indexes are distinct and from 1 (see markers), so this makes them exactly 1 to markerCount
        if (found != markerCount || seen.length() != (markerCount == 0 ? 0 : markerCount + 1)) {
            QueryCheck.fail("the parser numbered the ? markers otherwise than the text holds them (" + found
                    + " read, " + markerCount + " written)");
        }
    }

    private static int markers(Object v, java.util.BitSet seen, Set<Object> visited) {
        if (v instanceof java.util.Collection<?> c) {
            int n = 0;
            for (Object o : c) {
                n += markers(o, seen, visited);
            }
            return n;
        }
        if (v instanceof java.util.Map<?, ?> m) {
            return markers(m.keySet(), seen, visited) + markers(m.values(), seen, visited);
        }
        if (v instanceof java.util.Map.Entry<?, ?> e) {
            return markers(e.getKey(), seen, visited) + markers(e.getValue(), seen, visited);
        }
        if (v instanceof Object[] a) {
            return markers(java.util.Arrays.asList(a), seen, visited);
        }
        if (v == null || !CheckFields.isAstNode(v) || !visited.add(v)) {
            return 0;
        }
        if (v instanceof JdbcParameter p) {
            if (p.isUseFixedIndex() || p.getIndex() == null || p.getIndex() < 1 || seen.get(p.getIndex())) {
                QueryCheck.fail("the parser read a ? marker numbered " + p.getIndex() + " out of the text's order");
            }
            seen.set(p.getIndex());
            return 1;
        }
        int n = 0;
        for (Object child : CheckFields.children(v)) {
            n += markers(child, seen, visited);
        }
        return n;
    }

    /**
     * Throws a {@link Refusal} if any node of the statement (as written, before any rewrite) is of a type the
     * check does not know or carries text it does not read; run first, so such a statement is refused as such.
     */
    public static void requireKnownNodes(Statement statement) {
        try {
            NodeCatalog.requireAll(statement, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
        } catch (Refusal r) {
            throw new Refusal(r.getMessage().replace("isolation check failed: ", "")
                    + "; tip-data refuses what its independent check cannot read: write the statement without it");
        }
    }

    /** MariaDB's {@code UPDATE a JOIN b ... SET}: the targets are named in a FROM list. */
    private static boolean isMultiTable(Update up) {
        return up.getStartJoins() != null && !up.getStartJoins().isEmpty();
    }

    /** {@code DELETE a FROM a JOIN b}, and on MariaDB {@code DELETE FROM a USING a, b}. */
    private static boolean isMultiTable(Delete del, boolean mariaDb) {
        return del.getTables() != null && !del.getTables().isEmpty() || del.getJoins() != null && !del.getJoins().isEmpty()
                || mariaDb && del.getUsingList() != null && !del.getUsingList().isEmpty();
    }

    private void root(QueryCheck q, Statement root) {
        if (root instanceof Select) {
            q.walk(root, List.of());
        } else if (root instanceof Insert ins) {
            insert(q, ins);
        } else if (root instanceof Update up && isMultiTable(up)) {
            mariaDb.update(q, up);
        } else if (root instanceof Update up) {
            update(q, up);
        } else if (root instanceof Delete del && isMultiTable(del, names.dialect() == Dialect.MARIADB)) {
            mariaDb.delete(q, del);
        } else if (root instanceof Delete del) {
            delete(q, del);
        } else if (root instanceof Merge m) {
            merge(q, m);
        } else if (root instanceof Upsert up && up.getUpsertType() == UpsertType.REPLACE) {
            requireTwin(q, up.getTable());
            if (up.getUpdateSets() != null && !up.getUpdateSets().isEmpty() || up.getExpressions() != null
                    || up.getDuplicateUpdateSets() != null && !up.getDuplicateUpdateSets().isEmpty()) {
                QueryCheck.fail("REPLACE ... SET is not accepted");
            }
            stamped(q, up.getSelect(), runColumnIndex(up.getColumns()));
            q.walkExcept(up, List.of(), null);
        } else {
            QueryCheck.fail("statement kind " + root.getClass().getSimpleName() + " is not accepted");
        }
    }

    private void insert(QueryCheck q, Insert ins) {
        List<String> scope = q.ctes(ins.getWithItemsList(), List.of());
        requireTwin(q, ins.getTable());
        if (ins.getSetUpdateSets() != null && !ins.getSetUpdateSets().isEmpty()) {
            mariaDb.insertSet(q, ins, scope);
            return;
        }
        int j = runColumnIndex(ins.getColumns());
        if (ins.getConflictTarget() != null) {
            var ct = ins.getConflictTarget();
            if (ct.getConstraintName() != null || ct.getIndexExpression() != null) {
                QueryCheck.fail("ON CONFLICT target without tip_run");
            }
            if (!ct.getIndexColumnNames().isEmpty()
                    && ct.getIndexColumnNames().stream().noneMatch(n -> CheckNames.unquote(n).equalsIgnoreCase("tip_run"))) {
                QueryCheck.fail("ON CONFLICT target " + ct.getIndexColumnNames() + " lacks tip_run");
            }
        }
        noRunColumnSet(ins.getDuplicateUpdateSets());
        if (ins.getConflictAction() != null) {
            noRunColumnSet(ins.getConflictAction().getUpdateSets());
        }
        stamped(q, ins.getSelect(), j);
        q.checkStars(ins.getReturningClause(), List.of(ins.getTable()));
        q.walkExcept(ins, scope, ins.getWithItemsList());
    }

    private void stamped(QueryCheck q, Select s, int j) {
        if (s instanceof PlainSelect ps) {
            if (ps.getSelectItems().size() <= j || !q.isRun(ps.getSelectItems().get(j).getExpression())) {
                QueryCheck.fail("INSERT ... SELECT does not select the run literal as tip_run");
            }
        } else if (s instanceof net.sf.jsqlparser.statement.select.SetOperationList sol) {
            for (Select b : sol.getSelects()) {
                stamped(q, b, j);
            }
        } else if (s instanceof net.sf.jsqlparser.statement.select.ParenthesedSelect p) {
            stamped(q, p.getSelect(), j);
        } else if (s instanceof net.sf.jsqlparser.statement.select.Values v) {
            List<?> rows = v.getExpressions();
            List<?> list = rows instanceof ParenthesedExpressionList<?> ? List.of(rows) : rows;
            for (Object row : list) {
                if (!(row instanceof List<?> r) || r.size() <= j || !q.isRun(r.get(j))) {
                    QueryCheck.fail("a VALUES row does not set tip_run to the run literal");
                }
            }
        } else {
            QueryCheck.fail("INSERT source " + (s == null ? "missing" : s.getClass().getSimpleName()) + " is not accepted");
        }
    }

    private void update(QueryCheck q, Update up) {
        List<String> scope = q.ctes(up.getWithItemsList(), List.of());
        Table t = up.getTable();
        requireTwin(q, t);
        noRunColumnSet(up.getUpdateSets());
        if (!q.hasFilter(up.getWhere(), t)) {
            QueryCheck.fail("UPDATE of " + t + " has no run filter in WHERE");
        }
        List<net.sf.jsqlparser.statement.select.FromItem> from = new java.util.ArrayList<>(List.of(t));
        if (up.getFromItem() != null) {
            q.from(up.getFromItem(), up.getJoins(), up.getWhere(), scope, false, q.qualifier(t));
            from.addAll(QueryCheck.fromItems(up.getFromItem(), up.getJoins()));
        }
        q.checkStars(up.getReturningClause(), from);
        q.walkExcept(up, scope, up.getWithItemsList());
    }

    private void delete(QueryCheck q, Delete del) {
        List<String> scope = q.ctes(del.getWithItemsList(), List.of());
        Table t = del.getTable();
        requireTwin(q, t);
        if (!q.hasFilter(del.getWhere(), t)) {
            QueryCheck.fail("DELETE from " + t + " has no run filter in WHERE");
        }
        List<net.sf.jsqlparser.statement.select.FromItem> from = new java.util.ArrayList<>(List.of(t));
        if (del.getUsingList() != null) {
            for (Table u : del.getUsingList()) {
                q.from(u, null, del.getWhere(), scope, false, q.qualifier(t));
                from.add(u);
            }
        }
        q.checkStars(del.getReturningClause(), from);
        q.walkExcept(del, scope, del.getWithItemsList());
    }

    private void merge(QueryCheck q, Merge m) {
        List<String> scope = q.ctes(m.getWithItemsList(), List.of());
        Table t = m.getTable();
        requireTwin(q, t);
        if (!q.hasFilter(m.getOnCondition(), t)) {
            QueryCheck.fail("MERGE into " + t + " has no run filter in ON");
        }
        if (m.getFromItem() instanceof Table s) {
            if (q.isTwinName(s)) {
                QueryCheck.fail("MERGE source " + s + " is a table that is not filtered on the run");
            }
            q.classifyPlain(s, scope, false);
        }
        for (var op : m.getOperations() == null ? List.<Object>of() : m.getOperations()) {
            if (op instanceof net.sf.jsqlparser.statement.merge.MergeInsert mi) {
                int j = runColumnIndex(mi.getColumns());
                if (mi.getValues() == null || mi.getValues().size() <= j || !q.isRun(mi.getValues().get(j))) {
                    QueryCheck.fail("MERGE insert does not set tip_run to the run literal");
                }
            } else if (op instanceof net.sf.jsqlparser.statement.merge.MergeUpdate mu) {
                noRunColumnSet(mu.getUpdateSets());
            }
        }
        q.walkExcept(m, scope, m.getWithItemsList());
    }

    private void requireTwin(QueryCheck q, Table t) {
        if (t == null || !q.isTwinName(t) || names.policyOf(t.getName()) != TablePolicy.ISOLATED) {
            QueryCheck.fail("write target " + t + " is not the shadow twin of an ISOLATED table");
        }
        q.approveTwin(t);
    }

    private static int runColumnIndex(List<Column> cols) {
        int found = -1;
        for (int i = 0; cols != null && i < cols.size(); i++) {
            if (CheckNames.unquote(cols.get(i).getColumnName()).equalsIgnoreCase("tip_run")) {
                if (found >= 0) {
                    QueryCheck.fail("tip_run is listed twice");
                }
                found = i;
            }
        }
        if (found < 0) {
            QueryCheck.fail("insert into a twin does not list tip_run");
        }
        return found;
    }

    private static void noRunColumnSet(List<net.sf.jsqlparser.statement.update.UpdateSet> sets) {
        if (sets == null) {
            return;
        }
        for (var s : sets) {
            for (Column c : s.getColumns()) {
                if (CheckNames.unquote(c.getColumnName()).equalsIgnoreCase("tip_run")) {
                    QueryCheck.fail("statement assigns tip_run");
                }
            }
        }
    }
}
