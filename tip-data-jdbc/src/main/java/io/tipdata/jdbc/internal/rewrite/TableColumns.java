package io.tipdata.jdbc.internal.rewrite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The production columns of ISOLATED tables, in table order, as the database spells them: what {@code *} and
 * {@code t.*} mean to the application, which the rewrite writes out so the twin's {@code tip_run} never shows.
 * Keyed by lower-cased table name. Immutable.
 */
public final class TableColumns {

    private static final TableColumns NONE = new TableColumns(Map.of());

    private final Map<String, List<String>> columns;

    private TableColumns(Map<String, List<String>> columns) {
        this.columns = columns;
    }

    /** No known columns: every {@code *} over an ISOLATED table is refused. */
    public static TableColumns none() {
        return NONE;
    }

    /** The given column lists (table name to its columns in order); names are matched without regard to case. */
    public static TableColumns of(Map<String, List<String>> columnsByTable) {
        Objects.requireNonNull(columnsByTable, "columnsByTable");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        columnsByTable.forEach((table, cols) -> {
            if (table == null || cols == null || cols.isEmpty() || cols.stream().anyMatch(Objects::isNull)) {
                throw new IllegalArgumentException("table " + table + " needs a non-empty list of column names, got "
                        + cols);
            }
            if (copy.put(table.toLowerCase(Locale.ROOT), List.copyOf(cols)) != null) {
                throw new IllegalArgumentException("table " + table + " is given twice (names are matched"
                        + " without regard to case)");
            }
        });
        return new TableColumns(Map.copyOf(copy));
    }

    /** The columns of the table (its unquoted name), or null when unknown. */
    public List<String> columnsOf(String table) {
        return columns.get(table.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableColumns other && columns.equals(other.columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    @Override
    public String toString() {
        return "TableColumns" + columns.keySet();
    }
}
