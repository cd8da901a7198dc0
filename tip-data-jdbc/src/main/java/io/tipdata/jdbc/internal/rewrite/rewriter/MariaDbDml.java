package io.tipdata.jdbc.internal.rewrite.rewriter;

import io.tipdata.jdbc.internal.rewrite.Refusal;
import io.tipdata.jdbc.internal.rewrite.StatementKind;

import io.tipdata.jdbc.TablePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * Rewrites the MariaDB forms of DML that name their targets inside a FROM list: {@code UPDATE a JOIN b ... SET},
 * {@code DELETE a[, b] FROM a JOIN b ...}, {@code DELETE FROM a USING a, b ...}, and {@code INSERT INTO t SET}.
 *
 * <p>The FROM list is rewritten as a query's is (twins filtered on the run, in ON for outer joins). Each
 * written table, named by the qualifier of a SET column or by a DELETE target, must then be a twin of that
 * list: a REFERENCE table, a CTE or a derived table there is refused. An unqualified SET column is qualified
 * with the one table of the list that has it, or refused when that is not certain.
 */
final class MariaDbDml {

    private final SelectRewriter selects;

    MariaDbDml(SelectRewriter selects) {
        this.selects = selects;
    }

    static boolean isMultiTable(Update up) {
        return up.getStartJoins() != null && !up.getStartJoins().isEmpty();
    }

    /** On MariaDB, {@code DELETE FROM a USING a, b} names its target in the USING list (PostgreSQL: a table). */
    static boolean isMultiTable(Delete del, boolean mariaDb) {
        return del.getTables() != null && !del.getTables().isEmpty() || del.getJoins() != null && !del.getJoins().isEmpty()
                || mariaDb && del.getUsingList() != null && !del.getUsingList().isEmpty();
    }

    void update(Update up) {
        requireMariaDb("multi-table UPDATE (UPDATE a JOIN b ... SET)");
        if (up.getFromItem() != null || up.getJoins() != null && !up.getJoins().isEmpty()
                || up.getOutputClause() != null || up.getReturningClause() != null) {
            throw new Refusal("multi-table UPDATE with FROM, OUTPUT or RETURNING is not supported in test context;"
                    + " write UPDATE a JOIN b ON ... SET a.x = ... WHERE ...");
        }
        CteScope scope = selects.with(up.getWithItemsList(), CteScope.EMPTY);
        DmlRewriter.checkSets(up.getUpdateSets(), "UPDATE");
        selects.scanExcept(up, scope, up.getTable(), up.getStartJoins(), up.getWithItemsList());
        List<FromItem> items = rewriteFromList(up.getTable(), up.getStartJoins(), scope, "UPDATE",
                filters -> up.setWhere(TwinTables.and(up.getWhere(), filters)));
        for (UpdateSet set : up.getUpdateSets()) {
            for (Column c : set.getColumns()) {
                if (c.getTable() == null || c.getTable().getName() == null) {
                    qualify(c, items);
                }
                Table q = c.getTable();
                if (q.getSchemaName() != null || q.getDatabase() != null && q.getDatabase().getDatabaseName() != null) {
                    throw new Refusal("multi-table UPDATE sets column " + c + ", qualified with a schema; qualify SET"
                            + " columns with the alias of their table only");
                }
                requireTwin(named(q.getName(), items, "UPDATE", "SET " + c), "UPDATE", "SET " + c);
            }
        }
    }

    void delete(Delete del) {
        requireMariaDb("multi-table DELETE");
        if (del.getOutputClause() != null || del.getReturningClause() != null) {
            throw new Refusal("multi-table DELETE with OUTPUT or RETURNING is not supported in test context");
        }
        boolean using = del.getUsingList() != null && !del.getUsingList().isEmpty();
        List<Table> targets;
        FromItem first;
        List<Join> joins;
        if (using) {
            if (del.getTables() != null && !del.getTables().isEmpty() || del.getJoins() != null && !del.getJoins().isEmpty()) {
                throw new Refusal("DELETE FROM a, b USING ... is not read reliably by tip-data; write DELETE a, b FROM"
                        + " a JOIN b ON ... WHERE ...");
            }
            targets = List.of(del.getTable());
            first = del.getUsingList().get(0);
            joins = commaJoins(del.getUsingList());
        } else {
            if (del.getTables() == null || del.getTables().isEmpty()) {
                throw new Refusal("DELETE FROM a JOIN b ... names no table to delete from; write DELETE a FROM a JOIN b ...");
            }
            targets = del.getTables();
            first = del.getTable();
            joins = del.getJoins();
        }
        CteScope scope = selects.with(del.getWithItemsList(), CteScope.EMPTY);
        selects.scanExcept(del, scope, del.getTable(), del.getTables(), del.getJoins(), del.getUsingList(),
                del.getWithItemsList());
        List<FromItem> items = rewriteFromList(first, joins, scope, "DELETE",
                filters -> del.setWhere(TwinTables.and(del.getWhere(), filters)));
        for (Table target : targets) {
            if (target.getSchemaName() != null || target.getAlias() != null
                    || target.getDatabase() != null && target.getDatabase().getDatabaseName() != null) {
                throw new Refusal("multi-table DELETE target " + target + " is not a bare alias; name the alias (or"
                        + " unaliased table name) of a table of the FROM list");
            }
            requireTwin(named(target.getName(), items, "DELETE", "target " + target), "DELETE", "target " + target);
        }
    }

    /** {@code INSERT INTO t SET a = 1, ...}: the target is already known ISOLATED; stamps tip_run in the SET list. */
    StatementKind insertSet(Insert ins, CteScope scope) {
        Table t = ins.getTable();
        String table = TableNames.unquote(t.getName());
        if (ins.getColumns() != null && !ins.getColumns().isEmpty() || ins.getSelect() != null
                || ins.getConflictTarget() != null || ins.getConflictAction() != null || ins.getOutputClause() != null) {
            throw new Refusal("INSERT INTO " + table + " SET ... with a column list, a query, ON CONFLICT or OUTPUT is"
                    + " not supported in test context");
        }
        for (UpdateSet set : ins.getSetUpdateSets()) {
            for (Column c : set.getColumns()) {
                if (c.getTable() != null && c.getTable().getName() != null) {
                    throw new Refusal("INSERT INTO " + table + " SET " + c + ": write the column unqualified");
                }
            }
        }
        DmlRewriter.checkSets(ins.getSetUpdateSets(), "INSERT INTO " + table);
        DmlRewriter.checkSets(ins.getDuplicateUpdateSets(), "ON DUPLICATE KEY UPDATE of " + table);
        selects.scanExcept(ins, scope, t, ins.getWithItemsList());
        selects.twins().toTwin(t, false);
        ins.getSetUpdateSets().add(new UpdateSet(new Column(TwinTables.RUN_COLUMN), selects.twins().runValue()));
        return ins.getDuplicateUpdateSets() != null && !ins.getDuplicateUpdateSets().isEmpty()
                ? StatementKind.UPSERT : StatementKind.INSERT;
    }

    /**
     * Rewrites the FROM list in place and returns its items; refuses a list in which a twin had to become a
     * derived table (USING, NATURAL or FULL joins), as a derived table cannot be written, and a list in which
     * two items go by one name. The run filters that belong in WHERE go to {@code where}.
     */
    private List<FromItem> rewriteFromList(FromItem first, List<Join> joins, CteScope scope, String verb,
                                           Consumer<List<Expression>> where) {
        List<FromItem> before = StarExpansion.items(first, joins);
        List<Expression> filters = new ArrayList<>();
        FromItem newFirst = selects.fromList(first, joins, scope, false, filters, false);
        List<FromItem> after = StarExpansion.items(newFirst, joins);
        for (int i = 0; i < before.size(); i++) {
            if (before.get(i) != after.get(i)) {
                throw new Refusal("multi-table " + verb + " with USING, NATURAL or FULL joins is not supported in"
                        + " test context; join with ON conditions");
            }
        }
        where.accept(filters);
        return after;
    }

    private static List<Join> commaJoins(List<Table> tables) {
        List<Join> out = new ArrayList<>();
        for (Table t : tables.subList(1, tables.size())) {
            Join j = new Join();
            j.setSimple(true);
            j.setRightItem(t);
            out.add(j);
        }
        return out;
    }

    /** The name a FROM item goes by (its alias, else its table name), as MariaDB compares it at most: without case. */
    private static String qualifier(FromItem item) {
        if (item.getAlias() != null) {
            return key(item.getAlias().getName());
        }
        return item instanceof Table t && t.getSchemaName() == null ? key(t.getName()) : null;
    }

    private static String key(String identifier) {
        return TableNames.unquote(identifier).toLowerCase(Locale.ROOT);
    }

    private static FromItem named(String name, List<FromItem> items, String verb, String what) {
        for (FromItem item : items) {
            if (key(name).equals(qualifier(item))) {
                return item;
            }
        }
        throw new Refusal("multi-table " + verb + " " + what + " names '" + name + "', which is no table of its"
                + " FROM list; name the alias of the table to write");
    }

    private void requireTwin(FromItem item, String verb, String what) {
        if (item instanceof Table t && selects.twins().isTwin(t)) {
            return;
        }
        if (item instanceof Table t && selects.twins().policyOf(t) == TablePolicy.REFERENCE) {
            throw new Refusal("multi-table " + verb + " " + what + " writes REFERENCE table '" + TableNames.unquote(
                    t.getName()) + "': test traffic may read reference tables, never write them; declare it ISOLATED"
                    + " if tests write it");
        }
        throw new Refusal("multi-table " + verb + " " + what + " writes '" + item + "', which is not an ISOLATED table");
    }

    /** Qualifies an unqualified SET column with the one twin that has it, when every item is a twin of known columns. */
    private void qualify(Column c, List<FromItem> items) {
        String name = TableNames.unquote(c.getColumnName());
        Table owner = null;
        for (FromItem item : items) {
            List<String> cols = item instanceof Table t && selects.twins().isTwin(t)
                    ? selects.stars().columns().columnsOf(TableNames.unquote(t.getName())) : null;
            if (cols == null) {
                throw new Refusal("multi-table UPDATE sets the unqualified column " + name + " and tip-data cannot"
                        + " tell which table has it (" + item + " is no ISOLATED table of known columns);"
                        + " qualify it with the alias of its table");
            }
            if (cols.stream().anyMatch(name::equalsIgnoreCase)) {
                if (owner != null) {
                    throw new Refusal("multi-table UPDATE sets the unqualified column " + name + ", which more than"
                            + " one joined table has; qualify it with the alias of its table");
                }
                owner = (Table) item;
            }
        }
        if (owner == null) {
            throw new Refusal("multi-table UPDATE sets the unqualified column " + name + ", which no joined table"
                    + " has; qualify it with the alias of its table");
        }
        c.setTable(new Table(owner.getAlias().getName()));
    }

    private void requireMariaDb(String form) {
        if (!selects.twins().isMariaDb()) {
            throw new Refusal(form + " is MariaDB/MySQL syntax and is refused in test context on this database");
        }
    }
}
