package io.tipdata.jdbc.internal.rewrite.text;

import io.tipdata.jdbc.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a statement's text into tokens the way one database reads it: one subclass per dialect, each
 * following that database's own rules for strings, quoted names, comments and separators.
 *
 * <p>A single pass over the characters, no regular expressions; it never throws: what the database
 * would reject or read surprisingly (an unclosed quote, an executable comment) is a token of its own
 * form for {@link TextAgreement} to refuse. Runs only on the cold path (the first rewrite of a distinct
 * statement), never on a cached one.
 */
public abstract sealed class SqlLexer permits PostgresLexer, MariaDbLexer, H2Lexer {

    private static final SqlLexer POSTGRES = new PostgresLexer();
    private static final SqlLexer MARIADB = new MariaDbLexer();
    private static final SqlLexer H2 = new H2Lexer();

    SqlLexer() {
    }

    /** The lexer of the dialect. */
    public static SqlLexer of(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> POSTGRES;
            case MARIADB -> MARIADB;
            case H2 -> H2;
        };
    }

    /** The dialect whose rules this lexer follows. */
    public abstract Dialect dialect();

    /** The tokens of the text, whitespace left out. */
    public final LexedText lex(String sql) {
        List<Token> out = new ArrayList<>();
        int len = sql.length();
        int i = 0;
        while (i < len) {
            if (isWhitespace(sql.charAt(i))) {
                i++;
            } else {
                int end = next(sql, i, out);
                if (end <= i) {
                    throw new IllegalStateException("lexer made no progress at " + i);
                }
                i = end;
            }
        }
        return new LexedText(sql, dialect(), out);
    }

    /** Reads the token starting at {@code i} (not whitespace), adds it and returns the index after it. */
    abstract int next(String sql, int i, List<Token> out);

    abstract boolean isWhitespace(char c);

    static int add(List<Token> out, Form form, String sql, int start, int end, boolean closed) {
        out.add(new Token(form, start, end, sql.substring(start, end), closed));
        return end;
    }

    /**
     * Reads a quoted token whose opening quote is at {@code quote}: a doubled quote stands for itself, and
     * with {@code backslash} a backslash escapes the next character.
     */
    static int quoted(List<Token> out, Form form, String sql, int start, int quote, boolean backslash) {
        char q = sql.charAt(quote);
        int len = sql.length();
        int i = quote + 1;
        while (i < len) {
            char c = sql.charAt(i);
            if (backslash && c == '\\') {
                i += 2;
            } else if (c == q) {
                if (i + 1 < len && sql.charAt(i + 1) == q) {
                    i += 2;
                } else {
                    return add(out, form, sql, start, i + 1, true);
                }
            } else {
                i++;
            }
        }
        return add(out, form, sql, start, len, false);
    }

    /** A comment from {@code i} to the end of the line (the line break is not part of it). */
    static int lineComment(List<Token> out, Form form, String sql, int i) {
        return lineComment(out, form, sql, i, true);
    }

    /** As {@link #lineComment(List, Form, String, int)}; without {@code carriageReturn} only {@code \n} ends it. */
    static int lineComment(List<Token> out, Form form, String sql, int i, boolean carriageReturn) {
        int len = sql.length();
        int j = i;
        while (j < len && sql.charAt(j) != '\n' && !(carriageReturn && sql.charAt(j) == '\r')) {
            j++;
        }
        return add(out, form, sql, i, j, true);
    }

    /** A block comment opening at {@code i}; with {@code nested}, each inner opening needs its own close. */
    static int blockComment(List<Token> out, Form form, String sql, int i, boolean nested) {
        int len = sql.length();
        int depth = 1;
        int j = i + 2;
        while (j < len) {
            char c = sql.charAt(j);
            if (c == '*' && j + 1 < len && sql.charAt(j + 1) == '/') {
                j += 2;
                if (--depth == 0) {
                    return add(out, form, sql, i, j, true);
                }
            } else if (nested && c == '/' && j + 1 < len && sql.charAt(j + 1) == '*') {
                depth++;
                j += 2;
            } else {
                j++;
            }
        }
        return add(out, form, sql, i, len, false);
    }

    /** A {@code ?} marker with the digits written right after it. */
    static int parameter(List<Token> out, String sql, int i) {
        int j = i + 1;
        while (j < sql.length() && isDigit(sql.charAt(j))) {
            j++;
        }
        return add(out, Form.PARAMETER, sql, i, j, true);
    }

    /** The index after the digits, fraction and exponent of a number starting at {@code i}. */
    static int numberEnd(String sql, int i) {
        int len = sql.length();
        int j = i;
        while (j < len && isDigit(sql.charAt(j))) {
            j++;
        }
        if (j < len && sql.charAt(j) == '.') {
            j++;
            while (j < len && isDigit(sql.charAt(j))) {
                j++;
            }
        }
        if (j < len && (sql.charAt(j) == 'e' || sql.charAt(j) == 'E')) {
            int k = j + 1;
            if (k < len && (sql.charAt(k) == '+' || sql.charAt(k) == '-')) {
                k++;
            }
            if (k < len && isDigit(sql.charAt(k))) {
                j = k;
                while (j < len && isDigit(sql.charAt(j))) {
                    j++;
                }
            }
        }
        return j;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    static boolean startsWith(String sql, int i, char a, char b) {
        return i + 1 < sql.length() && sql.charAt(i) == a && sql.charAt(i + 1) == b;
    }
}
