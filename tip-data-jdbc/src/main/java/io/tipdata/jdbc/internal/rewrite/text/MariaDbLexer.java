package io.tipdata.jdbc.internal.rewrite.text;

import io.tipdata.jdbc.Dialect;
import java.util.List;

/**
 * MariaDB's rules (default {@code sql_mode}: ANSI_QUOTES and NO_BACKSLASH_ESCAPES off): {@code '...'} and
 * {@code "..."} are strings with backslash escapes and doubling; {@code `...`} is a name with {@code ``}
 * doubling; {@code #} comments; {@code --} is a comment only when a space or control character follows
 * (otherwise two minus signs); block comments do not nest, and {@code /*!}, {@code /*M!} (with or
 * without a version) are executable comments; line comments end at {@code \n} only; {@code $} is a name
 * character anywhere, a {@code #} never is.
 */
final class MariaDbLexer extends SqlLexer {

    @Override
    public Dialect dialect() {
        return Dialect.MARIADB;
    }

    @Override
    boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    @Override
    int next(String sql, int i, List<Token> out) {
        int len = sql.length();
        char c = sql.charAt(i);
        if (c == '\'') {
            return quoted(out, Form.MARIADB_STRING, sql, i, i, true);
        }
        if (c == '"') {
            return quoted(out, Form.MARIADB_DOUBLE_QUOTED_STRING, sql, i, i, true);
        }
        if (c == '`') {
            return quoted(out, Form.BACKTICK_NAME, sql, i, i, false);
        }
        if (c == '#') {
            return lineComment(out, Form.HASH_COMMENT, sql, i, false);
        }
        if (startsWith(sql, i, '-', '-')) {
            if (i + 2 >= len || sql.charAt(i + 2) <= ' ' || Character.isISOControl(sql.charAt(i + 2))) {
                return lineComment(out, Form.LINE_COMMENT, sql, i, false);
            }
            return add(out, Form.MINUS_MINUS, sql, i, i + 2, true);
        }
        if (startsWith(sql, i, '/', '*')) {
            boolean executable = i + 2 < len && (sql.charAt(i + 2) == '!'
                    || i + 3 < len && (sql.charAt(i + 2) == 'M' || sql.charAt(i + 2) == 'm') && sql.charAt(i + 3) == '!');
            return blockComment(out, executable ? Form.EXECUTABLE_COMMENT : Form.BLOCK_COMMENT, sql, i, false);
        }
        if (c == ';') {
            return add(out, Form.SEPARATOR, sql, i, i + 1, true);
        }
        if (c == '?') {
            return parameter(out, sql, i);
        }
        if (isDigit(c) || c == '.' && i + 1 < len && isDigit(sql.charAt(i + 1))) {
            return numberOrWord(sql, i, out);
        }
        if (isNamePart(c)) {
            return word(sql, i, out);
        }
        return add(out, Form.OTHER, sql, i, i + 1, true);
    }

    /** A number, or a name that starts with digits ({@code 1abc} is a name for MariaDB). */
    private static int numberOrWord(String sql, int i, List<Token> out) {
        int len = sql.length();
        if (sql.charAt(i) == '0' && i + 1 < len && (sql.charAt(i + 1) == 'x' || sql.charAt(i + 1) == 'b')) {
            int j = i + 2;
            while (j < len && isNamePart(sql.charAt(j))) {
                j++;
            }
            return add(out, Form.NUMBER, sql, i, j, true);
        }
        int j = numberEnd(sql, i);
        boolean plainDigits = true;
        for (int k = i; k < j; k++) {
            plainDigits &= isDigit(sql.charAt(k));
        }
        if (plainDigits && j < len && isNamePart(sql.charAt(j))) {
            return word(sql, i, out);
        }
        return add(out, Form.NUMBER, sql, i, j, true);
    }

    private static int word(String sql, int i, List<Token> out) {
        int len = sql.length();
        int j = i + 1;
        while (j < len && isNamePart(sql.charAt(j))) {
            j++;
        }
        if (j == i + 1 && j < len && sql.charAt(j) == '\'') {
            char p = Character.toUpperCase(sql.charAt(i));
            if (p == 'X') {
                return quoted(out, Form.HEX_STRING, sql, i, j, false);
            }
            if (p == 'B') {
                return quoted(out, Form.BIT_STRING, sql, i, j, false);
            }
            if (p == 'N') {
                return quoted(out, Form.MARIADB_NATIONAL_STRING, sql, i, j, true);
            }
        }
        return add(out, Form.WORD, sql, i, j, true);
    }

    private static boolean isNamePart(char c) {
        return isAsciiLetter(c) || isDigit(c) || c == '_' || c == '$' || c >= 0x80;
    }
}
