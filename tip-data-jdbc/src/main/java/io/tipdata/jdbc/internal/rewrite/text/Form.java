package io.tipdata.jdbc.internal.rewrite.text;

/**
 * The precise form of a token, with the words a refusal uses to name it and what to write instead.
 */
public enum Form {
    STRING(TokenKind.STRING, 0, "string literal '...'", "", false),
    /** PostgreSQL {@code E'...'}: backslash escapes. */
    ESCAPE_STRING(TokenKind.STRING, 1, "PostgreSQL escape string E'...'",
            "write a standard string literal '...' or pass the value as a ? parameter", true),
    /** MariaDB {@code '...'}: backslash escapes. */
    MARIADB_STRING(TokenKind.STRING, 0, "MariaDB string literal '...'",
            "pass the value as a ? parameter", true),
    /** MariaDB {@code "..."} (ANSI_QUOTES off): a string, with backslash escapes. */
    MARIADB_DOUBLE_QUOTED_STRING(TokenKind.STRING, 0, "MariaDB double-quoted string \"...\"",
            "write it as '...' (a string) or `...` (a name)", true),
    /** MariaDB {@code N'...'}: backslash escapes. */
    MARIADB_NATIONAL_STRING(TokenKind.STRING, 1, "MariaDB national string N'...'",
            "write it as '...' or pass the value as a ? parameter", true),
    UNICODE_STRING(TokenKind.STRING, 2, "Unicode string U&'...'",
            "write a standard string literal '...' or pass the value as a ? parameter", false),
    NATIONAL_STRING(TokenKind.STRING, 1, "national string N'...'", "write a standard string literal '...'", false),
    BIT_STRING(TokenKind.STRING, 1, "bit string B'...'", "pass the value as a ? parameter", false),
    HEX_STRING(TokenKind.STRING, 1, "hex string X'...'", "pass the value as a ? parameter", false),
    DOLLAR_STRING(TokenKind.STRING, 0, "PostgreSQL dollar-quoted string $tag$...$tag$",
            "write it as a standard string literal", false),
    H2_DOLLAR_STRING(TokenKind.STRING, 0, "H2 dollar-quoted string $$...$$",
            "write it as a standard string literal", false),
    QUOTED_NAME(TokenKind.QUOTED_IDENTIFIER, 0, "quoted identifier \"...\"", "write the name unquoted", false),
    BACKTICK_NAME(TokenKind.QUOTED_IDENTIFIER, 0, "backtick identifier `...`", "write the name unquoted", false),
    UNICODE_NAME(TokenKind.QUOTED_IDENTIFIER, 2, "Unicode identifier U&\"...\"", "write the name unquoted", false),
    WORD(TokenKind.IDENTIFIER, 0, "name", "write the name with letters, digits and _ only", false),
    NUMBER(TokenKind.NUMBER, 0, "number", "", false),
    PARAMETER(TokenKind.PARAMETER, 0, "? marker", "", false),
    SEPARATOR(TokenKind.SEPARATOR, 0, "statement separator ;", "send each statement on its own", false),
    LINE_COMMENT(TokenKind.COMMENT, 0, "-- comment", "", false),
    HASH_COMMENT(TokenKind.COMMENT, 0, "MariaDB # comment", "", false),
    SLASH_COMMENT(TokenKind.COMMENT, 0, "H2 // comment", "", false),
    BLOCK_COMMENT(TokenKind.COMMENT, 0, "/* ... */ comment", "", false),
    EXECUTABLE_COMMENT(TokenKind.COMMENT, 0, "MariaDB executable comment /*! ... */",
            "write its content as plain SQL (or pass a string holding /*! as a ? parameter)", false),
    /** MariaDB {@code --} not followed by a space: two minus signs, not a comment. */
    MINUS_MINUS(TokenKind.OTHER, 0, "'--' without a following space",
            "write '- -' or put a space after --", false),
    OPERATOR(TokenKind.OTHER, 0, "operator", "", false),
    OTHER(TokenKind.OTHER, 0, "character", "", false);

    private final TokenKind kind;
    private final int prefix;
    private final String description;
    private final String advice;
    private final boolean backslashEscapes;

    Form(TokenKind kind, int prefix, String description, String advice, boolean backslashEscapes) {
        this.kind = kind;
        this.prefix = prefix;
        this.description = description;
        this.advice = advice;
        this.backslashEscapes = backslashEscapes;
    }

    /** The kind of token of this form. */
    public TokenKind kind() {
        return kind;
    }

    /** How the refusal names the form. */
    public String description() {
        return description;
    }

    /** What to write instead, for the refusal. */
    public String advice() {
        return advice;
    }

    /** Whether the database reads backslash escapes inside a token of this form. */
    public boolean readsBackslashEscapes() {
        return backslashEscapes;
    }

    int prefixLength(String text) {
        return prefix;
    }

    int quoteLength() {
        if (this == DOLLAR_STRING || this == H2_DOLLAR_STRING) {
            return 0;
        }
        return kind == TokenKind.STRING || kind == TokenKind.QUOTED_IDENTIFIER ? 1 : 0;
    }
}
