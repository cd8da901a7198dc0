package io.tipdata.jdbc.internal.rewrite.text;

import io.tipdata.jdbc.Dialect;

/**
 * A statement's shape for logs: its text with every literal masked. The content of every quoted string
 * ({@code '...'}, {@code E'...'}, dollar quotes) and every number becomes {@code ?}; comments are dropped;
 * identifiers stay. Read by the dialect's {@link SqlLexer}, so an unclosed quote masks the rest of the text.
 */
public final class StatementShape {

    private static final int MAX_LENGTH = 2000;

    private StatementShape() {
    }

    /** The text with literals masked, cut to at most 2000 characters. */
    public static String of(String sql, Dialect dialect) {
        StringBuilder out = new StringBuilder(Math.min(sql.length(), MAX_LENGTH));
        int from = 0;
        for (Token t : SqlLexer.of(dialect).lex(sql).tokens()) {
            if (out.length() >= MAX_LENGTH) {
                break;
            }
            out.append(sql, from, t.start());
            from = t.end();
            switch (t.kind()) {
                case STRING -> out.append(t.form() == Form.DOLLAR_STRING || t.form() == Form.H2_DOLLAR_STRING
                        ? "$?$" : "'?'");
                case NUMBER -> out.append('?');
                case COMMENT -> out.append(' ');
                default -> out.append(t.text());
            }
        }
        if (out.length() < MAX_LENGTH) {
            out.append(sql, from, sql.length());
        }
        return out.length() >= MAX_LENGTH ? out.substring(0, MAX_LENGTH) + "..." : out.toString();
    }
}
