package io.tipdata.jdbc.internal.rewrite.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipdata.jdbc.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MariaDB's lexical rules (default sql_mode), construct by construct. */
class MariaDbLexerTest {

    private static List<String> lex(String sql) {
        return Lex.tokens(Dialect.MARIADB, sql);
    }

    @Test
    void stringsReadBackslashEscapesAndDoubling() {
        assertThat(lex("'a\\'b' 'c''d' \"e\\\"f\" \"g\"\"h\"")).containsExactly("MARIADB_STRING:'a\\'b'",
                "MARIADB_STRING:'c''d'", "MARIADB_DOUBLE_QUOTED_STRING:\"e\\\"f\"",
                "MARIADB_DOUBLE_QUOTED_STRING:\"g\"\"h\"");
        assertThat(lex("'a\\', ' union")).containsExactly("MARIADB_STRING:'a\\', '", "WORD:union");
    }

    @Test
    void prefixedStrings() {
        assertThat(lex("x'1F' B'01' N'n\\'' _utf8'u'")).containsExactly("HEX_STRING:x'1F'", "BIT_STRING:B'01'",
                "MARIADB_NATIONAL_STRING:N'n\\''", "WORD:_utf8", "MARIADB_STRING:'u'");
        assertThat(lex("q'[a]'")).containsExactly("WORD:q", "MARIADB_STRING:'[a]'");
    }

    @Test
    void backtickNamesDoubleTheirQuote() {
        assertThat(lex("`a``b` `c\\` d")).containsExactly("BACKTICK_NAME:`a``b`", "BACKTICK_NAME:`c\\`", "WORD:d");
    }

    @Test
    void hashCommentsEndTheLineEvenInsideAName() {
        assertThat(lex("a#b c\nd")).containsExactly("WORD:a", "HASH_COMMENT:#b c", "WORD:d");
        assertThat(lex("a# b\r c\nd")).containsExactly("WORD:a", "HASH_COMMENT:# b\r c", "WORD:d");
        assertThat(lex("a-- b\r c\nd")).containsExactly("WORD:a", "LINE_COMMENT:-- b\r c", "WORD:d");
    }

    @Test
    void dashDashIsACommentOnlyBeforeASpaceOrControl() {
        assertThat(lex("5-- x\n1")).containsExactly("NUMBER:5", "LINE_COMMENT:-- x", "NUMBER:1");
        assertThat(lex("5--\t1")).containsExactly("NUMBER:5", "LINE_COMMENT:--\t1");
        assertThat(lex("5--1")).containsExactly("NUMBER:5", "MINUS_MINUS:--", "NUMBER:1");
        assertThat(lex("5--+ x")).containsExactly("NUMBER:5", "MINUS_MINUS:--", "OTHER:+", "WORD:x");
        assertThat(lex("5--")).containsExactly("NUMBER:5", "LINE_COMMENT:--");
    }

    @Test
    void blockCommentsDoNotNest() {
        assertThat(lex("1 /* a /* b */ c */")).containsExactly("NUMBER:1", "BLOCK_COMMENT:/* a /* b */", "WORD:c",
                "OTHER:*", "OTHER:/");
    }

    @Test
    void executableCommentsAreTheirOwnForm() {
        assertThat(lex("/*! 1 */ /*M! 2 */ /*m!100000 3 */ /*!50000 4 */ /*+ 5 */")).containsExactly(
                "EXECUTABLE_COMMENT:/*! 1 */", "EXECUTABLE_COMMENT:/*M! 2 */", "EXECUTABLE_COMMENT:/*m!100000 3 */",
                "EXECUTABLE_COMMENT:/*!50000 4 */", "BLOCK_COMMENT:/*+ 5 */");
    }

    @Test
    void dollarIsANameCharacterAnywhere() {
        assertThat(lex("$a a$b $$ $$x$$")).containsExactly("WORD:$a", "WORD:a$b", "WORD:$$", "WORD:$$x$$");
    }

    @Test
    void namesMayStartWithDigits() {
        assertThat(lex("1abc 12 1e5 1.5 0x1F 0b01")).containsExactly("WORD:1abc", "NUMBER:12", "NUMBER:1e5",
                "NUMBER:1.5", "NUMBER:0x1F", "NUMBER:0b01");
    }

    @Test
    void markersAndSeparators() {
        assertThat(lex("? ; '?;'")).containsExactly("PARAMETER:?", "SEPARATOR:;", "MARIADB_STRING:'?;'");
    }
}
