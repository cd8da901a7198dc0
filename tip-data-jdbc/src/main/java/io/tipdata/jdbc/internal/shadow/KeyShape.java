package io.tipdata.jdbc.internal.shadow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A primary key or unique index on plain columns: its name, its columns in key order, and for each column
 * the prefix length MariaDB indexes ({@code null} when the whole column is indexed).
 */
record KeyShape(String name, boolean primary, List<String> columns, List<Integer> prefixes) {

    KeyShape {
        columns = List.copyOf(columns);
        prefixes = Collections.unmodifiableList(new ArrayList<>(prefixes));
    }

    /** A key over whole columns. */
    KeyShape(String name, boolean primary, List<String> columns) {
        this(name, primary, columns, Collections.nCopies(columns.size(), null));
    }

    /** This key with the prefix lengths of its columns, keyed by lower-cased column name. */
    KeyShape withPrefixes(Map<String, Integer> byColumn) {
        List<Integer> p = columns.stream().map(c -> byColumn.get(c.toLowerCase(Locale.ROOT))).toList();
        return new KeyShape(name, primary, columns, new ArrayList<>(p));
    }

    /** The key parts as a case-insensitive set, such as {@code name(10)}, for comparing keys regardless of order. */
    Set<String> columnSet() {
        Set<String> s = new TreeSet<>();
        for (int i = 0; i < columns.size(); i++) {
            s.add(part(columns.get(i).toLowerCase(Locale.ROOT), i));
        }
        return s;
    }

    /** The column at {@code i} spelled by {@code quoted}, with its prefix length if it has one. */
    String part(String quoted, int i) {
        Integer prefix = prefixes.get(i);
        return prefix == null ? quoted : quoted + "(" + prefix + ")";
    }

    /** The key parts as written in DDL, such as {@code name(10), code}. */
    String partsText() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            parts.add(part(columns.get(i), i));
        }
        return String.join(", ", parts);
    }

    /** The key as a reader expects it, such as {@code primary key (id)} or {@code unique key uk (name(10))}. */
    String describe() {
        return (primary ? "primary key" : "unique key " + name) + " (" + partsText() + ")";
    }
}
