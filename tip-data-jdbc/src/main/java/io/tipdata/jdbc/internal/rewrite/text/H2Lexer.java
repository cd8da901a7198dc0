package io.tipdata.jdbc.internal.rewrite.text;

import io.tipdata.jdbc.Dialect;
import java.util.List;

/**
 * H2's rules (its {@code Tokenizer}, regular mode): {@code '...'} with {@code ''} doubling and no escapes,
 * {@code N'...'}, {@code X'...'} and {@code U&'...'}; {@code $$...$$} strings; {@code "..."} and
 * {@code U&"..."} names; {@code --} and {@code //} line comments; nested block comments.
 */
final class H2Lexer extends SqlLexer {

    @Override
    public Dialect dialect() {
        return Dialect.H2;
    }

    @Override
    boolean isWhitespace(char c) {
        return c <= ' ' || Character.isWhitespace(c);
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
        if (startsWith(sql, i, '/', '/')) {
            return lineComment(out, Form.SLASH_COMMENT, sql, i);
        }
        if (startsWith(sql, i, '/', '*')) {
            return blockComment(out, Form.BLOCK_COMMENT, sql, i, true);
        }
        if (startsWith(sql, i, '$', '$')) {
            int close = sql.indexOf("$$", i + 2);
            return close < 0 ? add(out, Form.H2_DOLLAR_STRING, sql, i, len, false)
                    : add(out, Form.H2_DOLLAR_STRING, sql, i, close + 2, true);
        }
        if (c == ';') {
            return add(out, Form.SEPARATOR, sql, i, i + 1, true);
        }
        if (c == '?') {
            return parameter(out, sql, i);
        }
        if (isDigit(c) || c == '.' && i + 1 < len && isDigit(sql.charAt(i + 1))) {
            return add(out, Form.NUMBER, sql, i, numberEnd(sql, i), true);
        }
        if (Character.isJavaIdentifierStart(c) && c != '$') {
            int j = i + 1;
            while (j < len && Character.isJavaIdentifierPart(sql.charAt(j)) && !isWhitespace(sql.charAt(j))) {
                j++;
            }
            if (j == i + 1 && j < len) {
                char p = Character.toUpperCase(c);
                if (sql.charAt(j) == '\'' && (p == 'N' || p == 'X')) {
                    return quoted(out, p == 'N' ? Form.NATIONAL_STRING : Form.HEX_STRING, sql, i, j, false);
                }
                if (p == 'U' && sql.charAt(j) == '&' && j + 1 < len
                        && (sql.charAt(j + 1) == '\'' || sql.charAt(j + 1) == '"')) {
                    return quoted(out, sql.charAt(j + 1) == '\'' ? Form.UNICODE_STRING : Form.UNICODE_NAME, sql, i,
                            j + 1, false);
                }
            }
            return add(out, Form.WORD, sql, i, j, true);
        }
        return add(out, Form.OTHER, sql, i, i + 1, true);
    }
}
