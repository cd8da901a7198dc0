package io.tipdata.jdbc.internal.rewrite.text;

/** The kinds of token a statement's text is split into. */
public enum TokenKind {
    /** A string or other quoted literal ({@code '...'}, {@code E'...'}, {@code $$...$$}, ...). */
    STRING,
    /** An unquoted word: a keyword or an identifier. */
    IDENTIFIER,
    /** A quoted identifier ({@code "..."}, {@code `...`}, {@code U&"..."}). */
    QUOTED_IDENTIFIER,
    /** A comment of any form, executable comments included. */
    COMMENT,
    /** A JDBC {@code ?} parameter marker (with the number written after it, if any). */
    PARAMETER,
    /** A {@code ;} statement separator. */
    SEPARATOR,
    /** A numeric literal. */
    NUMBER,
    /** Anything else: operators, punctuation. */
    OTHER
}
