package io.tipdata.jdbc.internal.rewrite.text;

/**
 * A statement's shape for logs: its text with every literal masked. The content of every quoted string
 * ({@code '...'}, {@code E'...'}, dollar quotes) and every number becomes {@code ?}; comments are dropped;
 * identifiers stay. When the text cannot be read to its end (an unclosed quote), the rest is masked too.
 */
public final class StatementShape {

    private static final int MAX_LENGTH = 2000;

    private StatementShape() {
    }

    /** The text with literals masked, cut to at most 2000 characters. */
    public static String of(String sql) {
        StringBuilder out = new StringBuilder(Math.min(sql.length(), MAX_LENGTH));
        int len = sql.length();
        int i = 0;
        while (i < len && out.length() < MAX_LENGTH) {
            char c = sql.charAt(i);
            if (c == '\'') {
                out.append("'?'");
                i = endOfString(sql, i + 1);
            } else if (c == '$' && dollarTagEnd(sql, i) > 0) {
                int tagEnd = dollarTagEnd(sql, i);
                String tag = sql.substring(i, tagEnd);
                int close = sql.indexOf(tag, tagEnd);
                out.append("$?$");
                i = close < 0 ? len : close + tag.length();
            } else if (c == '-' && i + 1 < len && sql.charAt(i + 1) == '-' || c == '#') {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? len : nl;
            } else if (c == '/' && i + 1 < len && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                out.append(' ');
                i = close < 0 ? len : close + 2;
            } else if (Character.isDigit(c) && (i == 0 || !isWordPart(sql.charAt(i - 1)))) {
                out.append('?');
                while (i < len && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
            } else if (c == '"' || c == '`') {
                int close = sql.indexOf(c, i + 1);
                int end = close < 0 ? len : close + 1;
                out.append(sql, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.length() >= MAX_LENGTH ? out.substring(0, MAX_LENGTH) + "..." : out.toString();
    }

    /** The index after the string that starts before {@code i}; a backslash or a doubled quote escapes. */
    private static int endOfString(String sql, int i) {
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '\'' && i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                i += 2;
            } else if (c == '\'') {
                return i + 1;
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** If a dollar-quote tag ({@code $$} or {@code $tag$}) starts at {@code i}, the index after it; else -1. */
    private static int dollarTagEnd(String sql, int i) {
        if (i > 0 && isWordPart(sql.charAt(i - 1))) {
            return -1;
        }
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        return j < sql.length() && sql.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))
                ? j + 1 : -1;
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
