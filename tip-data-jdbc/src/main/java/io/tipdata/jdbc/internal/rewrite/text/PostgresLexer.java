package io.tipdata.jdbc.internal.rewrite.text;

import io.tipdata.jdbc.Dialect;
import java.util.List;

/**
 * PostgreSQL's rules (its {@code scan.l}, {@code standard_conforming_strings} on, the default since 9.1, which
 * Hibernate's {@code escape '\'} relies on too; {@code StartupCheck} refuses all test traffic while either login
 * has it off): {@code '...'} with
 * {@code ''} doubling and no escapes; {@code E'...'} with backslash escapes; {@code U&'...'}, {@code B'...'},
 * {@code X'...'}, {@code N'...'}; {@code $$...$$} and {@code $tag$...$tag$}; {@code "..."} and {@code U&"..."}
 * names; {@code --} comments and nested block comments; {@code $} inside a name but not at its start; an
 * operator is a run of operator characters that ends before any {@code --} or {@code /*} in it.
 */
final class PostgresLexer extends SqlLexer {

    private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`";

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
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
            return quoted(out, Form.STRING, sql, i, i, false);
        }
        if (c == '"') {
            return quoted(out, Form.QUOTED_NAME, sql, i, i, false);
        }
        if (startsWith(sql, i, '-', '-')) {
            return lineComment(out, Form.LINE_COMMENT, sql, i);
        }
        if (startsWith(sql, i, '/', '*')) {
            return blockComment(out, Form.BLOCK_COMMENT, sql, i, true);
        }
        if (c == ';') {
            return add(out, Form.SEPARATOR, sql, i, i + 1, true);
        }
        if (c == '?') {
            return parameter(out, sql, i);
        }
        if (c == '$') {
            return dollar(sql, i, out);
        }
        if (isDigit(c) || c == '.' && i + 1 < len && isDigit(sql.charAt(i + 1))) {
            return number(sql, i, out);
        }
        if (isIdentStart(c)) {
            return word(sql, i, out);
        }
        if (OPERATOR_CHARS.indexOf(c) >= 0) {
            int j = i;
            while (j < len && OPERATOR_CHARS.indexOf(sql.charAt(j)) >= 0
                    && !(j > i && (startsWith(sql, j, '-', '-') || startsWith(sql, j, '/', '*')))) {
                j++;
            }
            return add(out, Form.OPERATOR, sql, i, j, true);
        }
        if (c == ':' && i + 1 < len && sql.charAt(i + 1) == ':') {
            return add(out, Form.OPERATOR, sql, i, i + 2, true);
        }
        return add(out, Form.OTHER, sql, i, i + 1, true);
    }

    private static int number(String sql, int i, List<Token> out) {
        int j = numberEnd(sql, i);
        // PostgreSQL 15+ rejects a number followed by a name character ("trailing junk"); read it as one token
        while (j < sql.length() && isIdentPart(sql.charAt(j))) {
            j++;
        }
        return add(out, Form.NUMBER, sql, i, j, true);
    }

    private static int word(String sql, int i, List<Token> out) {
        int len = sql.length();
        int j = i + 1;
        while (j < len && isIdentPart(sql.charAt(j))) {
            j++;
        }
        if (j < len && j == i + 1) {
            char p = Character.toUpperCase(sql.charAt(i));
            char q = sql.charAt(j);
            if (q == '\'' && (p == 'E' || p == 'B' || p == 'X' || p == 'N')) {
                Form form = p == 'E' ? Form.ESCAPE_STRING : p == 'B' ? Form.BIT_STRING
                        : p == 'X' ? Form.HEX_STRING : Form.NATIONAL_STRING;
                return quoted(out, form, sql, i, j, p == 'E');
            }
            if (p == 'U' && q == '&' && j + 1 < len && (sql.charAt(j + 1) == '\'' || sql.charAt(j + 1) == '"')) {
                return quoted(out, sql.charAt(j + 1) == '\'' ? Form.UNICODE_STRING : Form.UNICODE_NAME, sql, i,
                        j + 1, false);
            }
        }
        return add(out, Form.WORD, sql, i, j, true);
    }

    /** {@code $n} (a server parameter), a dollar quote, or a lone {@code $}. */
    private static int dollar(String sql, int i, List<Token> out) {
        int len = sql.length();
        int j = i + 1;
        if (j < len && isDigit(sql.charAt(j))) {
            while (j < len && isDigit(sql.charAt(j))) {
                j++;
            }
            return add(out, Form.OTHER, sql, i, j, true);
        }
        if (j < len && isIdentStart(sql.charAt(j))) {
            j++;
            while (j < len && isIdentPart(sql.charAt(j)) && sql.charAt(j) != '$') {
                j++;
            }
        }
        if (j >= len || sql.charAt(j) != '$') {
            return add(out, Form.OTHER, sql, i, i + 1, true);
        }
        String tag = sql.substring(i, j + 1);
        int close = sql.indexOf(tag, j + 1);
        return close < 0 ? add(out, Form.DOLLAR_STRING, sql, i, len, false)
                : add(out, Form.DOLLAR_STRING, sql, i, close + tag.length(), true);
    }

    private static boolean isIdentStart(char c) {
        return isAsciiLetter(c) || c == '_' || c >= 0x80;
    }

    private static boolean isIdentPart(char c) {
        return isIdentStart(c) || isDigit(c) || c == '$';
    }
}
