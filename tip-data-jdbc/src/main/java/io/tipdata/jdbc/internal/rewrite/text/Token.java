package io.tipdata.jdbc.internal.rewrite.text;

/**
 * One token of a statement's text as the database reads it: its form, where it starts and ends
 * ({@code start} inclusive, {@code end} exclusive), its text, and whether it was closed (a quote or
 * comment that runs to the end of the text is not).
 */
public record Token(Form form, int start, int end, String text, boolean closed) {

    /** What kind of token this is. */
    public TokenKind kind() {
        return form.kind();
    }

    /** The text between the quotes of a string or quoted identifier (after any prefix), as written. */
    public String content() {
        int open = form.prefixLength(text) + form.quoteLength();
        int close = closed ? text.length() - form.quoteLength() : text.length();
        return close < open ? "" : text.substring(open, close);
    }

    /** The text with its prefix (if any) upper-cased, the form both the lexer and the parser are compared in. */
    public String normalized() {
        int p = form.prefixLength(text);
        return p == 0 ? text : text.substring(0, p).toUpperCase(java.util.Locale.ROOT) + text.substring(p);
    }
}
