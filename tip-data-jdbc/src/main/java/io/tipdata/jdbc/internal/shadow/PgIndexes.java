package io.tipdata.jdbc.internal.shadow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads PostgreSQL indexes from the catalog: the definition comes from {@code pg_get_indexdef}, and its key
 * list is split into parts, so that {@code tip_run} can be added while predicate, expressions, sort order,
 * operator classes, collations and included columns stay exactly as production has them.
 */
final class PgIndexes {

    private static final String QUERY = "SELECT ic.relname, i.indisunique, i.indisprimary, i.indisexclusion,"
            + " am.amname, i.indpred IS NOT NULL OR i.indexprs IS NOT NULL, pg_catalog.pg_get_indexdef(i.indexrelid),"
            + " quote_ident(n.nspname) || '.' || quote_ident(t.relname)"
            + " FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid"
            + " JOIN pg_catalog.pg_class t ON t.oid = i.indrelid JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace"
            + " JOIN pg_catalog.pg_am am ON am.oid = ic.relam WHERE n.nspname = ? AND t.relname = ? ORDER BY ic.relname";

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]*|\"([^\"]|\"\")+\"");

    private PgIndexes() {
    }

    /**
     * The indexes of the table that are not the primary key, not an exclusion constraint and not a unique
     * key on plain columns (those are read as {@link KeyShape}s).
     */
    static List<IndexShape> read(Connection connection, String schema, String table) throws SQLException {
        List<IndexShape> indexes = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(QUERY)) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(3) || rs.getBoolean(4)) {
                        continue;
                    }
                    IndexShape index = parse(rs.getString(1), rs.getBoolean(2), rs.getString(5), rs.getString(7),
                            rs.getString(8));
                    if (!(index.unique() && !rs.getBoolean(6) && isPlainKey(index))) {
                        indexes.add(index);
                    }
                }
            }
        }
        return indexes;
    }

    /** Splits {@code CREATE ... INDEX name ON schema.table USING method (parts) rest}. */
    static IndexShape parse(String name, boolean unique, String method, String definition, String qualified)
            throws SQLException {
        String using = "USING " + method + " ";
        String head = " " + qualified + " " + using + "(";
        int at = definition.indexOf(head);
        int open = at + head.length() - 1;
        int close = at < 0 ? -1 : closing(definition, open);
        if (close < 0) {
            throw new SQLException("cannot read the definition of index " + name + " of " + qualified + ": "
                    + definition);
        }
        return new IndexShape(name, unique, using, split(definition.substring(open + 1, close)),
                definition.substring(close + 1), method.equals("btree"));
    }

    private static boolean isPlainKey(IndexShape index) {
        return index.method().equals("USING btree ") && index.rest().isEmpty()
                && index.parts().stream().allMatch(p -> IDENTIFIER.matcher(p).matches());
    }

    /** The position of the parenthesis that closes the one at {@code open}, or -1. */
    private static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                i = endOfQuoted(s, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The key list split at its top-level commas, each part trimmed. */
    private static List<String> split(String list) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '\'' || c == '"') {
                i = endOfQuoted(list, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(list.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(list.substring(start).strip());
        return parts;
    }

    /** The position of the quote that ends the quoted text starting at {@code from}; doubled quotes stay inside. */
    private static int endOfQuoted(String s, int from) {
        char q = s.charAt(from);
        for (int i = from + 1; i < s.length(); i++) {
            if (s.charAt(i) == q) {
                if (i + 1 < s.length() && s.charAt(i + 1) == q) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return s.length();
    }
}
