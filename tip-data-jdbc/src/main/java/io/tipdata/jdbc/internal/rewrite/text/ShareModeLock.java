package io.tipdata.jdbc.internal.rewrite.text;

import io.tipdata.jdbc.Dialect;
import java.util.List;
import java.util.Locale;

/**
 * MariaDB's {@code LOCK IN SHARE MODE} (what Hibernate writes for {@code PESSIMISTIC_READ}), which the parser does not
 * read: the clause ending a statement is cut off before parsing, and written back, in the one form {@link #CLAUSE},
 * after the rendering. It is recognized only as the last four words of the text as MariaDB's lexer reads it (not
 * inside a literal, a quoted name or a comment), optionally followed by a {@code ;}.
 */
public final class ShareModeLock {

    /** The clause as tip-data writes it after a rendering. */
    public static final String CLAUSE = " LOCK IN SHARE MODE";

    private static final List<String> WORDS = List.of("LOCK", "IN", "SHARE", "MODE");

    private ShareModeLock() {
    }

    /** Where the trailing clause starts in the text, or -1 if the text does not end with it as code. */
    public static int start(String sql) {
        String tail = sql.stripTrailing();
        if (tail.endsWith(";")) {
            tail = tail.substring(0, tail.length() - 1).stripTrailing();
        }
        if (tail.length() < 4 || !tail.regionMatches(true, tail.length() - 4, "MODE", 0, 4)) {
            return -1; // the common case, without lexing again
        }
        List<Token> code = SqlLexer.of(Dialect.MARIADB).lex(sql).tokens().stream()
                .filter(t -> t.kind() != TokenKind.COMMENT).toList();
        int end = code.size();
        if (end > 0 && code.get(end - 1).kind() == TokenKind.SEPARATOR) {
            end--;
        }
        if (end < WORDS.size() + 1) {
            return -1;
        }
        for (int i = 0; i < WORDS.size(); i++) {
            Token t = code.get(end - WORDS.size() + i);
            if (t.kind() != TokenKind.IDENTIFIER || !t.text().toUpperCase(Locale.ROOT).equals(WORDS.get(i))) {
                return -1;
            }
        }
        int at = code.get(end - WORDS.size()).start();
        return at > 0 && Character.isWhitespace(sql.charAt(at - 1)) ? at - 1 : at;
    }
}
