package io.tipdata.jdbc.internal.shadow;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** A primary key or unique index: its name and its columns in key order. */
record KeyShape(String name, boolean primary, List<String> columns) {

    /** The columns as a case-insensitive set, for comparing keys regardless of column order. */
    Set<String> columnSet() {
        Set<String> s = new TreeSet<>();
        columns.forEach(c -> s.add(c.toLowerCase(Locale.ROOT)));
        return s;
    }

    /** The key as a reader expects it, such as {@code primary key (id)}. */
    String describe() {
        return (primary ? "primary key" : "unique key " + name) + " (" + String.join(", ", columns) + ")";
    }
}
