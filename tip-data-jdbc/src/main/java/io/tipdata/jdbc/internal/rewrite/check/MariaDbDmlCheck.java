package io.tipdata.jdbc.internal.rewrite.check;


import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.TablePolicy;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * Checks the MariaDB forms of DML that name their targets inside a FROM list, and {@code INSERT ... SET}, for
 * {@link IsolationVerifier}: the FROM list is checked as a query's is (each twin carries its run filter where
 * it applies), and then every SET column must be qualified with, and every DELETE target must name, a shadow
 * twin of that list. Nothing else may be written.
 */
final class MariaDbDmlCheck {

    private final CheckNames names;

    MariaDbDmlCheck(CheckNames names) {
        this.names = names;
    }

    void update(QueryCheck q, Update up) {
        requireMariaDb("multi-table UPDATE");
        if (up.getFromItem() != null || up.getJoins() != null && !up.getJoins().isEmpty()
                || up.getOutputClause() != null || up.getReturningClause() != null) {
            QueryCheck.fail("multi-table UPDATE with FROM, OUTPUT or RETURNING is not accepted");
        }
        List<String> scope = q.ctes(up.getWithItemsList(), List.of());
        q.from(up.getTable(), up.getStartJoins(), up.getWhere(), scope, false, null);
        List<FromItem> items = QueryCheck.fromItems(up.getTable(), up.getStartJoins());
        for (UpdateSet set : up.getUpdateSets()) {
            for (Column c : set.getColumns()) {
                if (CheckNames.unquote(c.getColumnName()).equalsIgnoreCase(CheckNames.RUN_COLUMN)) {
                    QueryCheck.fail("statement assigns tip_run");
                }
                Table t = c.getTable();
                if (t == null || t.getName() == null) {
                    QueryCheck.fail("multi-table UPDATE sets the unqualified column " + c);
                }
                requireTwin(q, t, items, "SET column " + c);
            }
        }
        q.walkExcept(up, scope, up.getWithItemsList());
    }

    void delete(QueryCheck q, Delete del) {
        requireMariaDb("multi-table DELETE");
        if (del.getOutputClause() != null || del.getReturningClause() != null) {
            QueryCheck.fail("multi-table DELETE with OUTPUT or RETURNING is not accepted");
        }
        List<String> scope = q.ctes(del.getWithItemsList(), List.of());
        List<Table> targets;
        FromItem first;
        List<Join> joins;
        if (del.getUsingList() != null && !del.getUsingList().isEmpty()) {
            if (del.getTables() != null && !del.getTables().isEmpty() || del.getJoins() != null && !del.getJoins().isEmpty()) {
                QueryCheck.fail("DELETE ... USING with joins or several targets is not accepted");
            }
            targets = List.of(del.getTable());
            first = del.getUsingList().get(0);
            joins = new ArrayList<>();
            for (Table t : del.getUsingList().subList(1, del.getUsingList().size())) {
                Join j = new Join();
                j.setSimple(true);
                j.setRightItem(t);
                joins.add(j);
            }
        } else {
            if (del.getTables() == null || del.getTables().isEmpty()) {
                QueryCheck.fail("multi-table DELETE without targets is not accepted");
            }
            targets = del.getTables();
            first = del.getTable();
            joins = del.getJoins();
        }
        q.from(first, joins, del.getWhere(), scope, false, null);
        List<FromItem> items = QueryCheck.fromItems(first, joins);
        for (Table target : targets) {
            if (target.getAlias() != null) {
                QueryCheck.fail("DELETE target " + target + " has an alias");
            }
            requireTwin(q, target, items, "DELETE target " + target);
            q.approve(target);
        }
        q.walkExcept(del, scope, del.getWithItemsList());
    }

    /** {@code INSERT INTO twin SET ...}: exactly one unqualified {@code tip_run} set to the run literal. */
    void insertSet(QueryCheck q, Insert ins, List<String> scope) {
        if (ins.getColumns() != null && !ins.getColumns().isEmpty() || ins.getSelect() != null
                || ins.getConflictTarget() != null || ins.getConflictAction() != null) {
            QueryCheck.fail("INSERT ... SET with a column list, a query or ON CONFLICT is not accepted");
        }
        int stamps = 0;
        for (UpdateSet set : ins.getSetUpdateSets()) {
            for (Column c : set.getColumns()) {
                if (!CheckNames.unquote(c.getColumnName()).equalsIgnoreCase(CheckNames.RUN_COLUMN)) {
                    continue;
                }
                if (c.getTable() != null && c.getTable().getName() != null || set.getColumns().size() != 1
                        || set.getValues().size() != 1 || !q.isRun(set.getValues().get(0))) {
                    QueryCheck.fail("INSERT ... SET does not set tip_run to the run literal");
                }
                stamps++;
            }
        }
        if (stamps != 1) {
            QueryCheck.fail("INSERT ... SET sets tip_run " + stamps + " times");
        }
        if (ins.getDuplicateUpdateSets() != null) {
            for (UpdateSet set : ins.getDuplicateUpdateSets()) {
                for (Column c : set.getColumns()) {
                    if (CheckNames.unquote(c.getColumnName()).equalsIgnoreCase(CheckNames.RUN_COLUMN)) {
                        QueryCheck.fail("statement assigns tip_run");
                    }
                }
            }
        }
        q.checkStars(ins.getReturningClause(), List.of(ins.getTable()));
        q.walkExcept(ins, scope, ins.getWithItemsList());
    }

    /** The name must be a bare qualifier naming exactly a shadow twin of an ISOLATED table among the items. */
    private void requireTwin(QueryCheck q, Table name, List<FromItem> items, String what) {
        if (name.getSchemaName() != null || name.getDatabase() != null && name.getDatabase().getDatabaseName() != null) {
            QueryCheck.fail(what + " is qualified with a schema");
        }
        String key = q.qualifier(new Table(name.getName()));
        FromItem found = null;
        for (FromItem item : items) {
            String k = item instanceof Table t ? q.qualifier(t)
                    : item.getAlias() == null ? null : q.qualifier(new Table(item.getAlias().getName()));
            if (key.equals(k)) {
                if (found != null) {
                    QueryCheck.fail(what + " names two items of the FROM list");
                }
                found = item;
            }
        }
        if (!(found instanceof Table t) || !q.isTwinName(t) || names.policyOf(t.getName()) != TablePolicy.ISOLATED) {
            QueryCheck.fail(what + " writes " + found + ", which is not the shadow twin of an ISOLATED table");
        }
    }

    private void requireMariaDb(String form) {
        if (names.dialect() != Dialect.MARIADB) {
            QueryCheck.fail(form + " is accepted on MariaDB only");
        }
    }
}
