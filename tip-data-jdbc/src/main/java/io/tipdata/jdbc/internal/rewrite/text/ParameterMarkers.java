package io.tipdata.jdbc.internal.rewrite.text;

/**
 * Finds the JDBC {@code ?} markers of a SQL text the way a driver does: outside string literals,
 * quoted identifiers and comments.
 */
public final class ParameterMarkers {

    private ParameterMarkers() {
    }

    /** How many {@code ?} markers the text has. */
    public static int count(String sql) {
        return indexes(sql, false).length;
    }

    /**
     * The numbers written right after each marker ({@code ?3} gives 3), in text order; -1 for a bare
     * marker. Used on a rendering with fixed indexes to prove the rewrite kept the markers' order.
     */
    public static int[] indexes(String sql) {
        return indexes(sql, true);
    }

    private static int[] indexes(String sql, boolean readNumbers) {
        int[] found = new int[8];
        int n = 0;
        int len = sql.length();
        for (int i = 0; i < len; i++) {
            int skip = SqlText.endOfNonCode(sql, i);
            if (skip >= 0) {
                i = skip;
            } else if (sql.charAt(i) == '?') {
                int number = -1;
                if (readNumbers) {
                    int j = i + 1;
                    while (j < len && Character.isDigit(sql.charAt(j))) {
                        j++;
                    }
                    if (j > i + 1) {
                        number = Integer.parseInt(sql.substring(i + 1, j));
                        i = j - 1;
                    }
                }
                if (n == found.length) {
                    found = java.util.Arrays.copyOf(found, n * 2);
                }
                found[n++] = number;
            }
        }
        return java.util.Arrays.copyOf(found, n);
    }
}
