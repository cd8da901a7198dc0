package io.tipdata.jdbc.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one statement did: its result set (column labels and rows, values normalised to text) or its
 * update count, or the error it raised; plus snapshots of tables read right after it, inside its
 * transaction.
 */
record Outcome(List<String> columns, List<List<String>> rows, long updateCount, String error,
        Map<String, List<List<String>>> tables) {

    static Outcome failed(String error) {
        return new Outcome(List.of(), List.of(), -1, error, Map.of());
    }

    boolean succeeded() {
        return error == null;
    }

    /** Rows in a canonical order, for comparisons where the order is not determined. */
    static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Object::toString));
        return copy;
    }

    /**
     * How this outcome differs from another in result (labels, rows, update count), or null if it does not;
     * rows are compared in order only if {@code ordered}.
     */
    String resultDifference(Outcome other, boolean ordered) {
        if (!columns.equals(other.columns)) {
            return "columns " + columns + " vs " + other.columns;
        }
        return rowDifference(other, ordered);
    }

    /** Like {@link #resultDifference} but blind to column labels. */
    String rowDifference(Outcome other, boolean ordered) {
        if (!succeeded() || !other.succeeded()) {
            return "error: " + error + " / " + other.error;
        }
        if (columns.size() != other.columns.size()) {
            return "columns " + columns + " vs " + other.columns;
        }
        List<List<String>> a = ordered ? rows : sorted(rows);
        List<List<String>> b = ordered ? other.rows : sorted(other.rows);
        if (!a.equals(b)) {
            return "rows " + a + " vs " + b;
        }
        if (updateCount != other.updateCount) {
            return "update count " + updateCount + " vs " + other.updateCount;
        }
        return null;
    }

    /** How a snapshot of table {@code mine} differs from {@code theirs} of another outcome (rows only on one side), or null. */
    String tableDifference(String mine, Outcome other, String theirs) {
        List<List<String>> a = new ArrayList<>(Objects.requireNonNull(tables.get(mine), mine));
        List<List<String>> b = new ArrayList<>(Objects.requireNonNull(other.tables.get(theirs), theirs));
        List<List<String>> onlyA = new ArrayList<>(a);
        for (List<String> row : b) {
            onlyA.remove(row);
        }
        List<List<String>> onlyB = new ArrayList<>(b);
        for (List<String> row : a) {
            onlyB.remove(row);
        }
        if (onlyA.isEmpty() && onlyB.isEmpty()) {
            return null;
        }
        return "rows only in " + mine + ": " + sorted(onlyA) + ", only in " + theirs + ": " + sorted(onlyB);
    }
}
