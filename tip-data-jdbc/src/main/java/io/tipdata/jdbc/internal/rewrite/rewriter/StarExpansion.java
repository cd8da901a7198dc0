package io.tipdata.jdbc.internal.rewrite.rewriter;

import io.tipdata.jdbc.internal.rewrite.Refusal;
import io.tipdata.jdbc.internal.rewrite.TableColumns;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Writes out {@code *} and {@code t.*} over shadow twins as the production columns, in order, so the twin's
 * {@code tip_run} never reaches the application and no column moves. {@code *} over several FROM items
 * becomes each item's columns in FROM order ({@code q.*} for items that are not twins); a {@code q.*} left
 * anywhere else in a statement over twins is refused.
 */
final class StarExpansion {

    private final TableNames names;
    private final TableColumns columns;
    private final TwinTables twins;
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Object> placed = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Column> bareColumns = new ArrayList<>();

    StarExpansion(TableNames names, TableColumns columns, TwinTables twins) {
        this.names = names;
        this.columns = columns;
        this.twins = twins;
    }

    /** The production columns of the ISOLATED tables. */
    TableColumns columns() {
        return columns;
    }

    /** The FROM items of a FROM list, in order. */
    static List<FromItem> items(FromItem first, List<Join> joins) {
        List<FromItem> out = new ArrayList<>();
        out.add(first);
        if (joins != null) {
            joins.forEach(j -> out.add(j.getRightItem()));
        }
        return out;
    }

    /** Tells whether the select list holds {@code *} or {@code q.*}. */
    static boolean hasStar(List<SelectItem<?>> items) {
        return items != null && items.stream().anyMatch(i -> i.getExpression() instanceof AllColumns);
    }

    /** Tells whether the query joins with USING or NATURAL, whose {@code *} the database forms itself. */
    static boolean joinsByName(List<Join> joins) {
        return joins != null && joins.stream().anyMatch(j -> j.isNatural()
                || j.getUsingColumns() != null && !j.getUsingColumns().isEmpty());
    }

    /** Notes a {@code q.*} met anywhere, to be checked by {@link #checkLeftovers()}. */
    void met(AllTableColumns star) {
        seen.add(star);
    }

    /** Notes an unqualified column: in PostgreSQL it may be a whole-row reference to a table. */
    void met(Column c) {
        if (names.dialect() == io.tipdata.jdbc.Dialect.POSTGRESQL && c.getTable() == null) {
            bareColumns.add(c);
        }
    }

    /** Expands the stars of a select or RETURNING list over its FROM items (already rewritten). */
    List<SelectItem<?>> expand(List<SelectItem<?>> items, List<FromItem> from) {
        if (items == null || from.stream().noneMatch(twins::isTwin)) {
            markPlaced(items, from);
            return items;
        }
        List<SelectItem<?>> out = new ArrayList<>();
        for (SelectItem<?> item : items) {
            if (item.getExpression() instanceof AllTableColumns star) {
                FromItem named = named(star.getTable(), from);
                requirePlain(star);
                if (named != null) {
                    placed.add(star);
                }
                if (named != null && twins.isTwin(named)) {
                    out.addAll(columnsOf((Table) named));
                } else {
                    out.add(item);
                }
            } else if (item.getExpression() instanceof AllColumns star) {
                requirePlain(star);
                for (FromItem f : from) {
                    out.addAll(twins.isTwin(f) ? columnsOf((Table) f) : List.of(starOf(f)));
                }
            } else {
                out.add(item);
            }
        }
        return out;
    }

    /**
     * The production columns of the twin, qualified by its alias; unqualified when it has none (the single
     * target of an INSERT, or of a MariaDB DELETE).
     */
    List<SelectItem<?>> columnsOf(Table twin) {
        List<String> cols = columns.columnsOf(TableNames.unquote(twin.getName()));
        if (cols == null) {
            throw new Refusal("the columns of ISOLATED table '" + TableNames.unquote(twin.getName()) + "' are unknown"
                    + " (it did not exist when the TipDataSource was built), so tip-data cannot write out * over it"
                    + " without showing the shadow twin's " + TwinTables.RUN_COLUMN + " column; list the columns,"
                    + " or build the TipDataSource again");
        }
        Table qualifier = twin.getAlias() == null ? null : new Table(null, twin.getAlias().getName());
        List<SelectItem<?>> out = new ArrayList<>(cols.size());
        for (String c : cols) {
            out.add(SelectItem.from(new Column(qualifier, names.quote(c))));
        }
        return out;
    }

    /**
     * Refuses a {@code q.*} left in a statement over twins that does not name a FROM item of its own list, and
     * a PostgreSQL whole-row reference to a twin ({@code row_to_json(o)}), which would carry {@code tip_run}.
     */
    void checkLeftovers() {
        if (!twins.anyTwin()) {
            return;
        }
        for (Table twin : twins.all()) {
            String alias = twin.getAlias() == null ? twin.getName() : twin.getAlias().getName();
            List<String> cols = columns.columnsOf(TableNames.unquote(twin.getName()));
            for (Column c : bareColumns) {
                String name = names.stored(c.getColumnName());
                if (name.equals(names.stored(alias)) && (cols == null || !cols.contains(name))) {
                    throw new Refusal("'" + c.getColumnName() + "' names ISOLATED table '" + TableNames.unquote(
                            twin.getName()) + "' as a whole row, which in test context would carry the shadow twin's"
                            + " extra column " + TwinTables.RUN_COLUMN + "; list the columns (for example ROW(" + alias
                            + ".a, " + alias + ".b))");
                }
            }
        }
        for (Object star : seen) {
            if (!placed.contains(star)) {
                throw new Refusal(star + " is used inside an expression or names no table of its own FROM list;"
                        + " over ISOLATED tables tip-data only writes out * and alias.* as select or RETURNING"
                        + " items, because the shadow twin has the extra column " + TwinTables.RUN_COLUMN
                        + "; list the columns");
            }
        }
    }

    private void markPlaced(List<SelectItem<?>> items, List<FromItem> from) {
        if (items == null) {
            return;
        }
        for (SelectItem<?> item : items) {
            if (item.getExpression() instanceof AllTableColumns star && named(star.getTable(), from) != null) {
                placed.add(star);
            }
        }
    }

    private FromItem named(Table qualifier, List<FromItem> from) {
        if (qualifier.getSchemaName() != null || qualifier.getName() == null) {
            return null;
        }
        String wanted = names.stored(qualifier.getName());
        for (FromItem f : from) {
            String name = f.getAlias() != null ? f.getAlias().getName() : f instanceof Table t ? t.getName() : null;
            if (name != null && names.stored(name).equals(wanted)) {
                return f;
            }
        }
        return null;
    }

    private SelectItem<?> starOf(FromItem f) {
        String name = f.getAlias() != null ? f.getAlias().getName() : f instanceof Table t ? t.getName() : null;
        if (name == null) {
            throw new Refusal("SELECT * over a shadow twin and the unnamed FROM item '" + f + "': give it an alias, so"
                    + " tip-data can write out * item by item");
        }
        AllTableColumns star = new AllTableColumns(new Table(null, name));
        placed.add(star);
        return SelectItem.from(star);
    }

    private static void requirePlain(AllColumns star) {
        if (star.getExceptColumns() != null && !star.getExceptColumns().isEmpty()
                || star.getReplaceExpressions() != null && !star.getReplaceExpressions().isEmpty()) {
            throw new Refusal(star + " with EXCEPT or REPLACE over an ISOLATED table is not supported in test context;"
                    + " list the columns");
        }
    }
}
