package io.tipdata.jdbc.internal.rewrite.text;

import io.tipdata.jdbc.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * What to write instead of a known form tip-data's parser cannot read, for the message of the refusal;
 * read from the lexer's tokens (comments left out).
 */
public final class ParseFailureHint {

    private ParseFailureHint() {
    }

    /** A hint naming the form and what to write instead, or the general hint. */
    public static String of(LexedText lexed) {
        List<Token> code = new ArrayList<>();
        for (Token t : lexed.tokens()) {
            if (t.kind() != TokenKind.COMMENT) {
                code.add(t);
            }
        }
        Dialect dialect = lexed.dialect();
        if (dialect == Dialect.H2 && isH2MergeKey(code)) {
            return "H2's MERGE INTO ... KEY (...) VALUES is not supported in test context; write MERGE INTO t USING"
                    + " (SELECT ...) s ON ... WHEN MATCHED THEN UPDATE ... WHEN NOT MATCHED THEN INSERT (columns) ...";
        }
        if (dialect == Dialect.MARIADB && containsWords(code, "LOCK", "IN", "SHARE", "MODE")) {
            return "LOCK IN SHARE MODE is not supported in test context; use FOR UPDATE or drop the locking clause";
        }
        if (isJdbcCall(code)) {
            return "JDBC call escapes ({call ...}) run stored procedures, which tip-data cannot isolate";
        }
        return "in test context tip-data refuses what it cannot read, including JDBC escapes such as {call ...}";
    }

    /** {@code MERGE INTO name [(...)] KEY (}. */
    private static boolean isH2MergeKey(List<Token> code) {
        if (!(word(code, 0, "MERGE") && word(code, 1, "INTO")) || code.size() < 3 || code.get(2).text().equals("(")) {
            return false;
        }
        int i = 3;
        while (i < code.size() && code.get(i).text().equals(".")) {
            i += 2;
        }
        if (i < code.size() && code.get(i).text().equals("(")) {
            int depth = 0;
            for (; i < code.size(); i++) {
                String s = code.get(i).text();
                depth += s.equals("(") ? 1 : s.equals(")") ? -1 : 0;
                if (depth == 0) {
                    i++;
                    break;
                }
            }
        }
        return word(code, i, "KEY") && i + 1 < code.size() && code.get(i + 1).text().equals("(");
    }

    private static boolean containsWords(List<Token> code, String... words) {
        for (int i = 0; i + words.length <= code.size(); i++) {
            boolean all = true;
            for (int k = 0; all && k < words.length; k++) {
                all = word(code, i + k, words[k]);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /** {@code { [? =] call}. */
    private static boolean isJdbcCall(List<Token> code) {
        if (code.isEmpty() || !code.get(0).text().equals("{")) {
            return false;
        }
        int i = 1;
        if (i < code.size() && code.get(i).kind() == TokenKind.PARAMETER && i + 1 < code.size()
                && code.get(i + 1).text().equals("=")) {
            i += 2;
        }
        return word(code, i, "CALL");
    }

    private static boolean word(List<Token> code, int i, String word) {
        return i < code.size() && code.get(i).kind() == TokenKind.IDENTIFIER && code.get(i).text().equalsIgnoreCase(word);
    }
}
