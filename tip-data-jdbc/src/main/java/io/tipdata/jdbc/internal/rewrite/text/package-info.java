/**
 * Reading the statement's text the way the database reads it, once, in one place. Not API.
 *
 * <p>{@link io.tipdata.jdbc.internal.rewrite.text.SqlLexer} has one lexer per dialect
 * ({@code PostgresLexer}, {@code MariaDbLexer}, {@code H2Lexer}), each following its database's own rules
 * for strings, quoted names, comments, parameter markers and separators; it gives the token stream
 * ({@link io.tipdata.jdbc.internal.rewrite.text.Token}: form, offsets, text). It runs only when a distinct
 * statement is rewritten for the first time; a cached rewrite reads no text.
 *
 * <p>{@link io.tipdata.jdbc.internal.rewrite.text.TextAgreement} holds that reading against the parser's, on
 * both texts: the text as written (before the rewrite) and the text that will be sent (after it). For each,
 * there is one statement (a {@code ;} may only be followed by whitespace and comments), and its string
 * literals, quoted names and names with {@code $}, {@code #} or non-ASCII letters are those the parser read;
 * otherwise the statement is refused (TD001) naming the construct. Constructs the parser cannot read
 * faithfully are refused outright: executable comments, dollar quotes, backslash and Unicode escapes, string
 * literals in a row, MariaDB's {@code --} without a space, unclosed quotes and comments.
 *
 * <p>Comments: the parser never sees one. The text as written is handed to the parser with every comment
 * replaced by a space ({@link io.tipdata.jdbc.internal.rewrite.text.LexedText#withoutComments()}), which is
 * how the database reads a comment once executable comments are refused; so the parser cannot keep a
 * comment as an optimizer hint, cannot misjudge where a nested or MariaDB-only comment ends, and the
 * rewrite cannot write one back out. The text that will be sent must hold no comment token at all
 * ({@link io.tipdata.jdbc.internal.rewrite.text.TextAgreement#requireNoComments}), or the check fails.
 */
package io.tipdata.jdbc.internal.rewrite.text;
