package io.tipdata.jdbc.internal.rewrite.text;

import io.tipdata.jdbc.Dialect;

/**
 * Finds the JDBC {@code ?} markers of a SQL text the way a driver does: outside string literals,
 * quoted identifiers and comments, as the dialect's {@link SqlLexer} reads them.
 */
public final class ParameterMarkers {

    private ParameterMarkers() {
    }

    /** How many {@code ?} markers the text has. */
    public static int count(String sql, Dialect dialect) {
        return SqlLexer.of(dialect).lex(sql).parameterCount();
    }

    /**
     * The numbers written right after each marker ({@code ?3} gives 3), in text order; -1 for a bare
     * marker. Used on a rendering with fixed indexes to prove the rewrite kept the markers' order.
     */
    public static int[] indexes(String sql, Dialect dialect) {
        LexedText lexed = SqlLexer.of(dialect).lex(sql);
        int[] found = new int[lexed.parameterCount()];
        int n = 0;
        for (Token t : lexed.tokens()) {
            if (t.kind() == TokenKind.PARAMETER) {
                found[n++] = t.text().length() > 1 ? Integer.parseInt(t.text().substring(1)) : -1;
            }
        }
        return found;
    }
}
