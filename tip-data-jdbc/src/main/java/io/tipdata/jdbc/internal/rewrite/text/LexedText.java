package io.tipdata.jdbc.internal.rewrite.text;

import io.tipdata.jdbc.Dialect;
import java.util.List;

/** A statement's text and its tokens as one dialect's lexer read them. */
public final class LexedText {

    private final String sql;
    private final Dialect dialect;
    private final List<Token> tokens;

    LexedText(String sql, Dialect dialect, List<Token> tokens) {
        this.sql = sql;
        this.dialect = dialect;
        this.tokens = List.copyOf(tokens);
    }

    /** The text that was read. */
    public String sql() {
        return sql;
    }

    /** The dialect whose rules read it. */
    public Dialect dialect() {
        return dialect;
    }

    /** The tokens in text order, whitespace left out. */
    public List<Token> tokens() {
        return tokens;
    }

    /** Whether any token is a comment. */
    public boolean hasComments() {
        for (Token t : tokens) {
            if (t.kind() == TokenKind.COMMENT) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text with every comment replaced by one space, which is how the database reads a comment (the
     * caller refuses executable comments first): the form handed to the parser, so that the parser never
     * sees a comment and cannot keep one as an optimizer hint.
     */
    public String withoutComments() {
        if (!hasComments()) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length());
        int from = 0;
        for (Token t : tokens) {
            if (t.kind() == TokenKind.COMMENT) {
                out.append(sql, from, t.start()).append(' ');
                from = t.end();
            }
        }
        return out.append(sql, from, sql.length()).toString();
    }

    /** How many {@code ?} markers the text has. */
    public int parameterCount() {
        int n = 0;
        for (Token t : tokens) {
            if (t.kind() == TokenKind.PARAMETER) {
                n++;
            }
        }
        return n;
    }
}
