package io.tipdata.jdbc.internal.rewrite.rewriter;

import io.tipdata.jdbc.internal.rewrite.Refusal;
import io.tipdata.jdbc.internal.rewrite.StatementKind;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.insert.InsertConflictTarget;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.merge.MergeInsert;
import net.sf.jsqlparser.statement.merge.MergeOperation;
import net.sf.jsqlparser.statement.merge.MergeUpdate;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;
import net.sf.jsqlparser.statement.upsert.UpsertType;

/**
 * Rewrites one whitelisted statement in place for the run given as literal: queries through
 * {@link SelectRewriter}, and the targets of INSERT, UPDATE, DELETE and MERGE, which must be ISOLATED.
 */
public final class DmlRewriter {

    private final SelectRewriter selects;
    private final MariaDbDml mariaDb;

    public DmlRewriter(SelectRewriter selects) {
        this.selects = selects;
        this.mariaDb = new MariaDbDml(selects);
    }

    public StatementKind rewrite(Statement st) {
        StatementKind kind = rewriteKind(st);
        selects.stars().checkLeftovers();
        return kind;
    }

    private StatementKind rewriteKind(Statement st) {
        if (st instanceof Select s) {
            selects.select(s, CteScope.EMPTY);
            return StatementKind.SELECT;
        }
        if (st instanceof Insert ins) {
            return insert(ins);
        }
        if (st instanceof Update up && MariaDbDml.isMultiTable(up)) {
            mariaDb.update(up);
            return StatementKind.UPDATE;
        }
        if (st instanceof Delete del && MariaDbDml.isMultiTable(del, selects.twins().isMariaDb())) {
            mariaDb.delete(del);
            return StatementKind.DELETE;
        }
        if (st instanceof Update up) {
            update(up);
            return StatementKind.UPDATE;
        }
        if (st instanceof Delete del) {
            delete(del);
            return StatementKind.DELETE;
        }
        if (st instanceof Merge m) {
            merge(m);
            return StatementKind.MERGE;
        }
        if (st instanceof Upsert up && up.getUpsertType() == UpsertType.REPLACE) {
            replace(up);
            return StatementKind.UPSERT;
        }
        throw new Refusal("statement kind " + kindName(st) + " is refused in test context:"
                + " only SELECT, INSERT, UPDATE, DELETE, MERGE and REPLACE are rewritten (DDL, TRUNCATE, CALL, SET, GRANT,"
                + " LOCK and the like never run under a test run)");
    }

    private static String kindName(Statement st) {
        String name = st.getClass().getSimpleName();
        if (name.startsWith("Create")) {
            return "CREATE";
        }
        if (name.startsWith("Alter")) {
            return "ALTER";
        }
        return switch (name) {
            case "Execute" -> "CALL/EXECUTE";
            case "SetStatement", "ResetStatement" -> "SET";
            case "UseStatement" -> "USE";
            case "Upsert" -> "UPSERT (use INSERT ... ON DUPLICATE KEY UPDATE, ON CONFLICT or REPLACE INTO)";
            case "ExplainStatement" -> "EXPLAIN";
            case "RenameTableStatement" -> "RENAME";
            default -> name.toUpperCase(java.util.Locale.ROOT);
        };
    }

    private void requireIsolatedTarget(Table t, String verb) {
        TwinTables.Target target = selects.twins().resolve(t, CteScope.EMPTY);
        if (target == TwinTables.Target.REFERENCE) {
            throw new Refusal(verb + " on REFERENCE table '" + TableNames.unquote(t.getName()) + "' is refused:"
                    + " test traffic may read reference tables, never write them; declare it ISOLATED if tests write it");
        }
        if (target != TwinTables.Target.ISOLATED) {
            throw new Refusal(verb + " target '" + t.getName() + "' is not an ISOLATED table");
        }
    }

    private StatementKind insert(Insert ins) {
        CteScope scope = selects.with(ins.getWithItemsList(), CteScope.EMPTY);
        Table t = ins.getTable();
        requireIsolatedTarget(t, "INSERT");
        String table = TableNames.unquote(t.getName());
        if (ins.getSetUpdateSets() != null && !ins.getSetUpdateSets().isEmpty()) {
            StatementKind kind = mariaDb.insertSet(ins, scope);
            returning(ins.getReturningClause(), List.of(t));
            return kind;
        }
        if (ins.getOutputClause() != null) {
            throw new Refusal("OUTPUT clause on INSERT INTO " + table + " is not supported; use RETURNING");
        }
        if (ins.getColumns() == null || ins.getColumns().isEmpty() || ins.getSelect() == null) {
            throw new Refusal("INSERT INTO " + table + " without a column list is refused in test context: the shadow"
                    + " twin has the extra column " + TwinTables.RUN_COLUMN + ", so list the columns you insert");
        }
        for (Column c : ins.getColumns()) {
            requireNotRunColumn(c, "INSERT INTO " + table);
        }
        checkSets(ins.getDuplicateUpdateSets(), "ON DUPLICATE KEY UPDATE of " + table);
        InsertConflictTarget conflict = ins.getConflictTarget();
        if (conflict != null) {
            if (conflict.getConstraintName() != null || conflict.getIndexExpression() != null) {
                throw new Refusal("ON CONFLICT of INSERT INTO " + table + " names a constraint or an expression;"
                        + " tip-data must add " + TwinTables.RUN_COLUMN + " to the conflict target, so list the"
                        + " conflict columns: ON CONFLICT (col, ...)");
            }
            if (!conflict.getIndexColumnNames().isEmpty()) {
                List<String> cols = new ArrayList<>(conflict.getIndexColumnNames());
                cols.add(TwinTables.RUN_COLUMN);
                ins.setConflictTarget(new InsertConflictTarget(cols, null, conflict.getWhereExpression(), null));
            }
        }
        if (ins.getConflictAction() != null) {
            checkSets(ins.getConflictAction().getUpdateSets(), "ON CONFLICT DO UPDATE of " + table);
        }
        selects.scanExcept(ins, scope, t, ins.getColumns(), ins.getSelect(), ins.getWithItemsList());
        Select source = ins.getSelect();
        // stamped first, so a * in the source is refused before it is written out
        selects.twins().stampProjection(source, ins.getColumns().size());
        selects.select(source, scope);
        selects.twins().toTwin(t, false);
        ins.getColumns().add(new Column(TwinTables.RUN_COLUMN));
        returning(ins.getReturningClause(), List.of(t));
        boolean upsert = ins.getConflictAction() != null
                || ins.getDuplicateUpdateSets() != null && !ins.getDuplicateUpdateSets().isEmpty();
        return upsert ? StatementKind.UPSERT : StatementKind.INSERT;
    }

    /** MariaDB {@code REPLACE INTO}: it only replaces twin rows of the same run, as the twin's keys include tip_run. */
    private void replace(Upsert up) {
        Table t = up.getTable();
        requireIsolatedTarget(t, "REPLACE");
        String table = TableNames.unquote(t.getName());
        if (up.getUpdateSets() != null && !up.getUpdateSets().isEmpty() || up.getExpressions() != null
                || up.getDuplicateUpdateSets() != null && !up.getDuplicateUpdateSets().isEmpty()) {
            throw new Refusal("REPLACE INTO " + table + " SET ... is not supported in test context;"
                    + " write REPLACE INTO " + table + " (columns) VALUES (...)");
        }
        if (up.getColumns() == null || up.getColumns().isEmpty() || up.getSelect() == null) {
            throw new Refusal("REPLACE INTO " + table + " without a column list is refused in test context: the"
                    + " shadow twin has the extra column " + TwinTables.RUN_COLUMN + ", so list the columns");
        }
        for (Column c : up.getColumns()) {
            requireNotRunColumn(c, "REPLACE INTO " + table);
        }
        selects.scanExcept(up, CteScope.EMPTY, t, up.getColumns(), up.getSelect());
        selects.twins().stampProjection(up.getSelect(), up.getColumns().size());
        selects.select(up.getSelect(), CteScope.EMPTY);
        selects.twins().toTwin(t, false);
        up.getColumns().add(new Column(TwinTables.RUN_COLUMN));
    }

    private void update(Update up) {
        CteScope scope = selects.with(up.getWithItemsList(), CteScope.EMPTY);
        Table t = up.getTable();
        requireIsolatedTarget(t, "UPDATE");
        if (up.getOutputClause() != null) {
            throw new Refusal("OUTPUT clause on UPDATE is not supported; use RETURNING");
        }
        checkSets(up.getUpdateSets(), "UPDATE " + TableNames.unquote(t.getName()));
        selects.scanExcept(up, scope, t, up.getFromItem(), up.getJoins(), up.getWithItemsList());
        selects.refuseRepeatedQualifier(t, up.getFromItem(), up.getJoins());
        Table q = selects.twins().toTwin(t, true);
        List<Expression> filters = new ArrayList<>();
        filters.add(selects.twins().runFilter(q));
        if (up.getFromItem() != null) {
            up.setFromItem(selects.fromList(up.getFromItem(), up.getJoins(), scope, false, filters, false));
        } else if (up.getJoins() != null && !up.getJoins().isEmpty()) {
            throw new Refusal("UPDATE with joins but no FROM is not supported in test context");
        }
        up.setWhere(TwinTables.and(up.getWhere(), filters));
        List<FromItem> from = new ArrayList<>(List.of(t));
        if (up.getFromItem() != null) {
            if (StarExpansion.joinsByName(up.getJoins()) && StarExpansion.hasStar(up.getReturningClause())) {
                throw new Refusal("UPDATE ... FROM with USING or NATURAL joins and RETURNING * is not supported in test"
                        + " context; list the returned columns");
            }
            from.addAll(StarExpansion.items(up.getFromItem(), up.getJoins()));
        }
        returning(up.getReturningClause(), from);
    }

    private void delete(Delete del) {
        CteScope scope = selects.with(del.getWithItemsList(), CteScope.EMPTY);
        Table t = del.getTable();
        requireIsolatedTarget(t, "DELETE");
        if (del.getOutputClause() != null) {
            throw new Refusal("OUTPUT clause on DELETE is not supported; use RETURNING");
        }
        selects.scanExcept(del, scope, t, del.getUsingList(), del.getWithItemsList());
        for (Table using : del.getUsingList() == null ? List.<Table>of() : del.getUsingList()) {
            selects.refuseRepeatedQualifier(t, using, null);
        }
        // MariaDB refuses an alias on single-table DELETE, so the filter names the twin in full there.
        Table q = selects.twins().toTwin(t, !selects.twins().isMariaDb());
        List<Expression> filters = new ArrayList<>();
        filters.add(selects.twins().runFilter(q));
        if (del.getUsingList() != null) {
            for (Table using : del.getUsingList()) {
                FromItem same = selects.fromList(using, null, scope, false, filters, false);
                if (same != using) {
                    throw new Refusal("DELETE ... USING " + using + " cannot be rewritten in test context");
                }
            }
        }
        del.setWhere(TwinTables.and(del.getWhere(), filters));
        List<FromItem> from = new ArrayList<>(List.of(t));
        if (del.getUsingList() != null) {
            from.addAll(del.getUsingList());
        }
        returning(del.getReturningClause(), from);
    }

    private void merge(Merge m) {
        CteScope scope = selects.with(m.getWithItemsList(), CteScope.EMPTY);
        Table t = m.getTable();
        requireIsolatedTarget(t, "MERGE");
        String table = TableNames.unquote(t.getName());
        if (m.getOutputClause() != null) {
            throw new Refusal("OUTPUT clause on MERGE is not supported in test context");
        }
        List<MergeOperation> ops = m.getOperations() == null ? List.of() : m.getOperations();
        for (MergeOperation op : ops) {
            if (op instanceof MergeInsert mi) {
                if (mi.getColumns() == null || mi.getColumns().isEmpty()) {
                    throw new Refusal("MERGE INTO " + table + " ... INSERT without a column list is refused: list"
                            + " the columns you insert");
                }
                for (Column c : mi.getColumns()) {
                    requireNotRunColumn(c, "MERGE INTO " + table);
                }
                if (mi.getValues() == null || mi.getValues().size() != mi.getColumns().size()) {
                    throw new Refusal("MERGE INTO " + table + " ... INSERT lists " + mi.getColumns().size()
                            + " columns but " + (mi.getValues() == null ? 0 : mi.getValues().size())
                            + " values; give one value per listed column");
                }
            } else if (op instanceof MergeUpdate mu) {
                checkSets(mu.getUpdateSets(), "MERGE INTO " + table);
            }
        }
        selects.scanExcept(m, scope, t, m.getFromItem(), m.getWithItemsList());
        FromItem source = m.getFromItem();
        if (source instanceof Table s) {
            if (selects.twins().resolve(s, scope) == TwinTables.Target.ISOLATED) {
                // Filtering the source in ON would let other runs' rows fall into WHEN NOT MATCHED.
                List<Expression> where = new ArrayList<>();
                FromItem derived = selects.fromList(s, null, scope, false, where, false);
                m.setFromItem(wrap(s, where, derived));
            }
        } else if (source instanceof ParenthesedSelect p) {
            selects.select(p, scope);
        } else {
            throw new Refusal("MERGE source '" + source + "' is not supported in test context;"
                    + " use a table or a subquery");
        }
        Table q = selects.twins().toTwin(t, true);
        for (MergeOperation op : ops) {
            if (op instanceof MergeInsert mi) {
                mi.getColumns().add(new Column(TwinTables.RUN_COLUMN));
                mi.getValues().add(selects.twins().runValue());
            }
        }
        m.setOnCondition(TwinTables.and(m.getOnCondition(), List.of(selects.twins().runFilter(q))));
    }

    /** Writes out the stars of a RETURNING list over the statement's target and FROM items. */
    private void returning(net.sf.jsqlparser.statement.ReturningClause clause, List<FromItem> from) {
        if (clause != null) {
            List<net.sf.jsqlparser.statement.select.SelectItem<?>> items = selects.stars().expand(new ArrayList<>(clause), from);
            clause.clear();
            clause.addAll(items);
        }
    }

    private FromItem wrap(Table source, List<Expression> where, FromItem rewritten) {
        if (where.size() != 1 || rewritten != source) {
            throw new Refusal("MERGE source '" + source + "' cannot be rewritten in test context");
        }
        net.sf.jsqlparser.statement.select.PlainSelect inner = new net.sf.jsqlparser.statement.select.PlainSelect();
        inner.addSelectItems(selects.stars().columnsOf(source));
        inner.setFromItem(source);
        inner.setWhere(where.get(0));
        ParenthesedSelect p = new ParenthesedSelect();
        p.setSelect(inner);
        p.setAlias(new net.sf.jsqlparser.expression.Alias(source.getAlias().getName(), false));
        return p;
    }

    static void checkSets(List<UpdateSet> sets, String where) {
        if (sets == null) {
            return;
        }
        for (UpdateSet set : sets) {
            for (Column c : set.getColumns()) {
                requireNotRunColumn(c, where);
            }
        }
    }

    private static void requireNotRunColumn(Column c, String where) {
        if (TwinTables.isRunColumn(c)) {
            throw new Refusal(where + " sets column " + TwinTables.RUN_COLUMN + ", which tip-data manages;"
                    + " remove it from the statement");
        }
    }
}
