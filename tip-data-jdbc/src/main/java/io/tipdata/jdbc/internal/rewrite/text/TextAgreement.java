package io.tipdata.jdbc.internal.rewrite.text;

import io.tipdata.jdbc.internal.rewrite.Refusal;

import io.tipdata.jdbc.Dialect;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Holds the database's reading of a text (its {@link SqlLexer}) against the parser's: the one place where
 * statement text is read for the rewrite. Used on the text as written and, independently, on the text
 * that will be sent. A disagreement is a {@link Refusal} naming the construct.
 *
 * <ul>
 *   <li>{@link #read} refuses what the lexer alone shows to be unsafe: executable comments, unclosed quotes
 *       and comments, dollar quotes, MariaDB's {@code --} without a space, backslash escapes (except a
 *       doubled backslash, read alike with or without escapes), Unicode escapes, string literals in a row
 *       (joined into one by the database), and several statements.</li>
 *   <li>{@link #agree} holds the tokens against the parse tree: the string literals (as a multiset, as
 *       written), the quoted names (as a set), the names holding {@code $}, {@code #} or non-ASCII letters,
 *       the number of {@code SELECT} keywords against the queries of the tree, and no {@code TABLE}
 *       keyword.</li>
 *   <li>{@link #requireNoComments} refuses a text to be sent that holds any comment.</li>
 * </ul>
 */
public final class TextAgreement {

    private TextAgreement() {
    }

    /** The text's tokens, or a {@link Refusal} naming the first construct the dialect reads unsafely. */
    public static LexedText read(String sql, Dialect dialect) {
        LexedText lexed = SqlLexer.of(dialect).lex(sql);
        List<Token> tokens = lexed.tokens();
        Token previous = null;
        int statements = 1;
        boolean separated = false;
        for (Token t : tokens) {
            refuseUnsafe(lexed, t, previous);
            if (t.kind() == TokenKind.COMMENT) {
                continue;
            }
            if (separated) {
                // a ; followed by anything but whitespace and comments, another ; included
                statements++;
                separated = false;
            }
            if (t.kind() == TokenKind.SEPARATOR) {
                separated = true;
            } else {
                previous = t;
            }
        }
        if (statements > 1) {
            throw new Refusal("the statement holds " + statements + " statements; in test context each"
                    + " statement must be sent on its own");
        }
        return lexed;
    }

    private static void refuseUnsafe(LexedText lexed, Token t, Token previous) {
        Dialect dialect = lexed.dialect();
        Form form = t.form();
        if (form == Form.EXECUTABLE_COMMENT) {
            throw new Refusal("the statement holds a MariaDB executable comment (/*! ... */ or /*M! ... */): MariaDB"
                    + " runs its content as SQL, but tip-data's parser reads it as a comment and would drop it,"
                    + " changing the statement's meaning; " + form.advice());
        }
        if (!t.closed()) {
            throw new Refusal("the statement holds an unclosed " + form.description() + " starting at offset "
                    + t.start() + "; close it");
        }
        if (form == Form.MINUS_MINUS) {
            char after = lexed.sql().charAt(t.end());
            throw new Refusal("'--" + after + "' is two minus signs for MariaDB (a comment needs a space after --),"
                    + " but a comment for tip-data's parser, which would drop the rest of the line; " + form.advice());
        }
        if (form == Form.DOLLAR_STRING || form == Form.H2_DOLLAR_STRING) {
            throw new Refusal(form.description() + " " + excerpt(t) + " is read differently by tip-data's parser; "
                    + form.advice());
        }
        if (form.readsBackslashEscapes() && !backslashesPaired(t.content())) {
            throw new Refusal("a " + form.description() + " holds a backslash escape, which " + name(dialect)
                    + " reads as an escape and tip-data's parser does not (they would disagree on where the literal"
                    + " ends and what it holds); " + form.advice() + " (a doubled backslash \\\\ is fine)");
        }
        if ((form == Form.UNICODE_STRING || form == Form.UNICODE_NAME) && t.content().indexOf('\\') >= 0) {
            throw new Refusal("the " + form.description() + " " + excerpt(t) + " holds Unicode escapes, which "
                    + name(dialect) + " decodes and tip-data's parser does not; " + form.advice());
        }
        if (t.kind() == TokenKind.IDENTIFIER && t.text().equalsIgnoreCase("UESCAPE") && previous != null
                && (previous.form() == Form.UNICODE_STRING || previous.form() == Form.UNICODE_NAME)) {
            throw new Refusal("UESCAPE changes how " + name(dialect) + " decodes " + excerpt(previous)
                    + " and tip-data's parser does not read it; " + previous.form().advice());
        }
        if (t.kind() == TokenKind.STRING && previous != null && previous.kind() == TokenKind.STRING
                && dialect != Dialect.H2) {
            throw new Refusal("two string literals in a row (" + excerpt(previous) + " " + excerpt(t) + "), which "
                    + name(dialect) + " joins into one and tip-data's parser does not; write them as one literal");
        }
    }

    /**
     * Refuses the statement unless the parser read the same string literals, quoted names and queries as
     * the lexer. {@code countQueries} also holds the {@code SELECT} keywords against the queries of the tree
     * (for statements of the kinds tip-data rewrites).
     */
    public static void agree(LexedText lexed, Object tree, boolean countQueries) {
        ParsedText parsed = ParsedText.of(tree);
        literals(lexed, parsed);
        quotedNames(lexed, parsed);
        unusualNames(lexed, parsed);
        if (countQueries) {
            keywords(lexed, parsed);
        }
    }

    /** Refuses a text to be sent that holds a comment: the rewrite never writes one out. */
    public static void requireNoComments(LexedText lexed) {
        for (Token t : lexed.tokens()) {
            if (t.kind() == TokenKind.COMMENT || t.kind() == TokenKind.SEPARATOR) {
                throw new Refusal("the rewritten text holds a " + t.form().description() + " at offset " + t.start()
                        + ", which tip-data never writes");
            }
        }
    }

    private static void literals(LexedText lexed, ParsedText parsed) {
        List<String> fromText = new ArrayList<>();
        for (Token t : lexed.tokens()) {
            if (t.kind() == TokenKind.STRING) {
                fromText.add(t.normalized());
            }
        }
        List<String> fromTree = new ArrayList<>(parsed.literals);
        if (sorted(fromText).equals(sorted(fromTree))) {
            return;
        }
        List<String> unread = new ArrayList<>(fromTree);
        for (Token t : lexed.tokens()) {
            if (t.kind() == TokenKind.STRING && !unread.remove(t.normalized())) {
                throw new Refusal(capitalized(t.form().description()) + " " + excerpt(t) + " is read differently by "
                        + name(lexed.dialect()) + " and by tip-data's parser; "
                        + (t.form().advice().isEmpty() ? "pass the value as a ? parameter" : t.form().advice()));
            }
        }
        throw new Refusal("tip-data's parser reads a string literal where "
                + name(lexed.dialect()) + " reads none (a quote the two read differently); pass the value as a ? parameter");
    }

    private static void quotedNames(LexedText lexed, ParsedText parsed) {
        Set<String> fromText = new HashSet<>();
        for (Token t : lexed.tokens()) {
            if (t.kind() == TokenKind.QUOTED_IDENTIFIER) {
                fromText.add(t.text());
                if (!inTree(t.text(), parsed.quotedNames)) {
                    throw new Refusal(capitalized(t.form().description()) + " " + excerpt(t) + " is read differently by "
                            + name(lexed.dialect()) + " and by tip-data's parser; " + t.form().advice());
                }
            }
        }
        for (String name : parsed.quotedNames) {
            if (!composedOf(name, fromText)) {
                Token same = tokenWithText(lexed, name);
                throw new Refusal("tip-data's parser reads " + excerpt(name) + " as a quoted name, but " + name(lexed.dialect())
                        + (same == null ? " does not" : " reads it as " + article(same.form()) + " "
                        + same.form().description()) + "; " + (same == null ? "write the name unquoted"
                        : same.form().advice()));
            }
        }
    }

    /** Names with {@code $}, {@code #} or non-ASCII letters, where dialects and the parser differ most. */
    private static void unusualNames(LexedText lexed, ParsedText parsed) {
        Set<String> words = new HashSet<>();
        for (Token t : lexed.tokens()) {
            if (t.kind() == TokenKind.IDENTIFIER) {
                String w = t.text().toLowerCase(Locale.ROOT);
                words.add(w);
                if (unusual(w) && !parsed.names.contains(w)) {
                    throw new Refusal("the name " + excerpt(t) + " is read differently by " + name(lexed.dialect())
                            + " and by tip-data's parser; write names with letters, digits and _ only");
                }
            }
        }
        for (String name : parsed.names) {
            if (unusual(name) && looksLikeName(name) && !words.contains(name)) {
                throw new Refusal("tip-data's parser reads the name " + excerpt(name) + " that " + name(lexed.dialect())
                        + " reads differently (a $ or # in a name?); write names with letters, digits and _ only");
            }
        }
    }

    private static void keywords(LexedText lexed, ParsedText parsed) {
        int selects = 0;
        for (Token t : lexed.tokens()) {
            if (t.kind() == TokenKind.IDENTIFIER) {
                if (t.text().equalsIgnoreCase("SELECT")) {
                    selects++;
                } else if (t.text().equalsIgnoreCase("TABLE")) {
                    throw new Refusal("the statement uses the TABLE keyword, which tip-data does not rewrite;"
                            + " write SELECT * FROM instead");
                }
            }
        }
        if (selects != parsed.queries) {
            throw new Refusal("the statement text holds " + selects + " SELECT keywords but the parser understood "
                    + parsed.queries + " queries; tip-data refuses what the parser may have misread");
        }
    }

    private static boolean inTree(String quoted, Set<String> tree) {
        if (tree.contains(quoted)) {
            return true;
        }
        for (String s : tree) {
            if (s.contains(quoted)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the parser's quoted name is one quoted token of the text or several joined by dots. */
    private static boolean composedOf(String name, Set<String> fromText) {
        if (fromText.contains(name)) {
            return true;
        }
        int from = 0;
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) == '.' && i > 0 && isCloseQuote(name.charAt(i - 1))) {
                if (!fromText.contains(name.substring(from, i).trim())) {
                    return false;
                }
                from = i + 1;
            }
        }
        return from > 0 && fromText.contains(name.substring(from).trim());
    }

    private static boolean isCloseQuote(char c) {
        return c == '"' || c == '`' || c == ']';
    }

    private static Token tokenWithText(LexedText lexed, String text) {
        for (Token t : lexed.tokens()) {
            if (t.text().equals(text)) {
                return t;
            }
        }
        return null;
    }

    private static boolean unusual(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '$' || c == '#' || c >= 0x80) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeName(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean part = c >= 'a' && c <= 'z' || c == '_' || c == '$' || c == '#' || c >= 0x80
                    || i > 0 && c >= '0' && c <= '9';
            if (!part) {
                return false;
            }
        }
        return !s.isEmpty() && s.charAt(0) != '#';
    }

    private static boolean backslashesPaired(String content) {
        for (int i = 0; i < content.length(); i++) {
            if (content.charAt(i) == '\\') {
                if (i + 1 >= content.length() || content.charAt(i + 1) != '\\') {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    private static List<String> sorted(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        Collections.sort(copy);
        return copy;
    }

    private static String name(Dialect dialect) {
        return switch (dialect) {
            case H2 -> "H2";
            case POSTGRESQL -> "PostgreSQL";
            case MARIADB -> "MariaDB";
        };
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String article(Form form) {
        return "aeiouAEIOU".indexOf(form.description().charAt(0)) >= 0 ? "an" : "a";
    }

    /** The token for a message: a name or keyword as written, a literal only by where it starts (it may hold data). */
    private static String excerpt(Token t) {
        return t.kind() == TokenKind.STRING ? "at offset " + t.start() : excerpt(t.text());
    }

    private static String excerpt(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
