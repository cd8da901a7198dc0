package io.tipdata.jdbc.internal.rewrite.text;

/** Scans SQL text the way a driver does: string literals, quoted identifiers and comments are not code. */
public final class SqlText {

    private SqlText() {
    }

    /**
     * If a string literal, quoted identifier or comment starts at {@code i}, the index of its last
     * character (the text's length if it is not closed); otherwise -1.
     */
    public static int endOfNonCode(String sql, int i) {
        int len = sql.length();
        char c = sql.charAt(i);
        if (c == '\'' || c == '"' || c == '`') {
            return closing(sql, i, c);
        }
        if (c == '-' && i + 1 < len && sql.charAt(i + 1) == '-') {
            int end = sql.indexOf('\n', i);
            return end < 0 ? len : end;
        }
        if (c == '/' && i + 1 < len && sql.charAt(i + 1) == '*') {
            int end = sql.indexOf("*/", i + 2);
            return end < 0 ? len : end + 1;
        }
        return -1;
    }

    private static int closing(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return sql.length();
    }

    /** Tells whether every backslash of the literal's content is one of a pair {@code \\}, read alike with or without escapes. */
    public static boolean backslashesPaired(String content) {
        for (int i = 0; i < content.length(); i++) {
            if (content.charAt(i) == '\\') {
                if (i + 1 >= content.length() || content.charAt(i + 1) != '\\') {
                    return false;
                }
                i++;
            }
        }
        return true;
    }
}
