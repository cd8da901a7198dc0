package io.tipdata.jdbc.internal.rewrite.text;

import io.tipdata.jdbc.Dialect;
import java.util.List;

/** The lexer tests' shorthand: tokens as {@code FORM:text}. */
final class Lex {

    private Lex() {
    }

    static List<String> tokens(Dialect dialect, String sql) {
        LexedText lexed = SqlLexer.of(dialect).lex(sql);
        for (Token t : lexed.tokens()) {
            if (!sql.substring(t.start(), t.end()).equals(t.text())) {
                throw new AssertionError("offsets of " + t + " do not match its text");
            }
        }
        return lexed.tokens().stream().map(t -> t.form() + ":" + t.text() + (t.closed() ? "" : "(unclosed)")).toList();
    }
}
