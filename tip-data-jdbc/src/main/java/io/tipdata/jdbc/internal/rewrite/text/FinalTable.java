package io.tipdata.jdbc.internal.rewrite.text;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.internal.rewrite.Refusal;
import java.util.List;
import java.util.Locale;

/**
 * H2's data change delta table, {@code SELECT <columns> FROM FINAL TABLE (<insert, update or merge>)}, which jOOQ
 * renders for {@code INSERT ... RETURNING} on H2 and which the parser does not read. The statement inside is
 * rewritten and checked as any statement; the select around it may only name columns of the rows that
 * statement changed (names, dots, commas and {@code AS} aliases, read by H2's lexer), never {@code tip_run} or
 * {@code *}, so it shows nothing but the run's own rows as the application wrote them.
 *
 * @param prefix the text before the inner statement, ending with the opening parenthesis
 * @param inner  the inner statement's text
 * @param suffix the text after it: the closing parenthesis and the delta table's alias, if any
 */
public record FinalTable(String prefix, String inner, String suffix) {

    /** The parts of a delta-table select on H2, or {@code null} when the text is none. */
    public static FinalTable of(LexedText text) {
        LexedText lexed = text;
        if (lexed.dialect() != Dialect.H2 || !startsWithSelect(lexed.tokens())) {
            return null; // the common case: nothing to copy or lex again
        }
        if (lexed.hasComments()) {
            lexed = SqlLexer.of(Dialect.H2).lex(lexed.withoutComments()); // the parts are taken without them
        }
        List<Token> code = lexed.tokens().stream().filter(t -> t.kind() != TokenKind.COMMENT).toList();
        if (code.size() < 7 || !word(code.get(0), "SELECT")) {
            return null;
        }
        int from = -1;
        for (int i = 1; i < code.size() - 3; i++) {
            if (word(code.get(i), "FROM") && word(code.get(i + 1), "FINAL") && word(code.get(i + 2), "TABLE")
                    && "(".equals(code.get(i + 3).text())) {
                from = i;
                break;
            }
            if (!columnListToken(code.get(i))) {
                return null; // an ordinary select: the parser reads it
            }
        }
        if (from < 2) {
            return null;
        }
        for (int i = 1; i < from; i++) {
            Token t = code.get(i);
            if (t.kind() == TokenKind.QUOTED_IDENTIFIER ? t.content().equalsIgnoreCase("tip_run")
                    : t.text().equalsIgnoreCase("tip_run")) {
                throw new Refusal("the select of FINAL TABLE names tip_run; name the table's own columns");
            }
        }
        int last = code.size() - 1;
        if (code.get(last).kind() == TokenKind.SEPARATOR) {
            last--;
        }
        int alias = last;
        if (last > 0 && isName(code.get(last))) {
            // an alias of the delta table, as jOOQ writes it: "... ) orders" or "... ) AS orders"
            last--;
            if (word(code.get(last), "AS")) {
                last--;
            }
        }
        if (!")".equals(code.get(last).text())) {
            throw new Refusal("a select of FINAL TABLE (...) must end with the parenthesis that closes the inner"
                    + " statement and an alias (no WHERE, ORDER BY or join after it); select the rows by their key afterwards");
        }
        int open = code.get(from + 3).end();
        int close = code.get(last).start();
        String sql = lexed.sql();
        return new FinalTable(sql.substring(0, open), sql.substring(open, close),
                sql.substring(close, code.get(alias).end()));
    }

    private static boolean startsWithSelect(List<Token> tokens) {
        for (Token t : tokens) {
            if (t.kind() != TokenKind.COMMENT) {
                return word(t, "SELECT");
            }
        }
        return false;
    }

    private static boolean isName(Token t) {
        return t.kind() == TokenKind.QUOTED_IDENTIFIER || t.kind() == TokenKind.IDENTIFIER && !")".equals(t.text());
    }

    private static boolean columnListToken(Token t) {
        return switch (t.kind()) {
            case IDENTIFIER, QUOTED_IDENTIFIER -> true;
            case OTHER -> ",".equals(t.text()) || ".".equals(t.text());
            default -> false;
        };
    }

    private static boolean word(Token t, String word) {
        return t.kind() == TokenKind.IDENTIFIER && t.text().toUpperCase(Locale.ROOT).equals(word);
    }
}
