package io.tipdata.jdbc.internal.rewrite.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipdata.jdbc.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PostgreSQL's lexical rules, construct by construct. */
class PostgresLexerTest {

    private static List<String> lex(String sql) {
        return Lex.tokens(Dialect.POSTGRESQL, sql);
    }

    @Test
    void standardStringsDoubleQuotesAndTakeNoEscapes() {
        assertThat(lex("'it''s' 'a\\' x")).containsExactly("STRING:'it''s'", "STRING:'a\\'", "WORD:x");
    }

    @Test
    void escapeStringsReadBackslashes() {
        assertThat(lex("E'a\\'b' e'c''d' xE'y'")).containsExactly("ESCAPE_STRING:E'a\\'b'", "ESCAPE_STRING:e'c''d'",
                "WORD:xE", "STRING:'y'");
    }

    @Test
    void unicodeBitHexAndNationalStrings() {
        assertThat(lex("U&'d\\0061t' UESCAPE '!' u&\"x\" B'101' x'1F' N'n'")).containsExactly(
                "UNICODE_STRING:U&'d\\0061t'", "WORD:UESCAPE", "STRING:'!'", "UNICODE_NAME:u&\"x\"",
                "BIT_STRING:B'101'", "HEX_STRING:x'1F'", "NATIONAL_STRING:N'n'");
        assertThat(lex("U & 'x'")).containsExactly("WORD:U", "OPERATOR:&", "STRING:'x'");
    }

    @Test
    void dollarQuotesPlainAndTagged() {
        assertThat(lex("$$it's$$ $a$ $$ ' $a$ $1 $A$x$a$ $A$")).containsExactly("DOLLAR_STRING:$$it's$$",
                "DOLLAR_STRING:$a$ $$ ' $a$", "OTHER:$1", "DOLLAR_STRING:$A$x$a$ $A$");
        assertThat(lex("$tag$ never closed")).containsExactly("DOLLAR_STRING:$tag$ never closed(unclosed)");
        assertThat(lex("$ x")).containsExactly("OTHER:$", "WORD:x");
    }

    @Test
    void dollarInsideANameButNotAtItsStart() {
        assertThat(lex("a$b a$$ _x$1$")).containsExactly("WORD:a$b", "WORD:a$$", "WORD:_x$1$");
        assertThat(lex("$a$b")).containsExactly("DOLLAR_STRING:$a$b(unclosed)");
    }

    @Test
    void quotedNamesDoubleTheirQuote() {
        assertThat(lex("\"a\"\"b\" \"x")).containsExactly("QUOTED_NAME:\"a\"\"b\"", "QUOTED_NAME:\"x(unclosed)");
    }

    @Test
    void blockCommentsNest() {
        assertThat(lex("1 /* a /* b */ c */ 2")).containsExactly("NUMBER:1", "BLOCK_COMMENT:/* a /* b */ c */",
                "NUMBER:2");
        assertThat(lex("/* a /* b */ 2")).containsExactly("BLOCK_COMMENT:/* a /* b */ 2(unclosed)");
    }

    @Test
    void lineCommentsEndAtTheLineBreak() {
        assertThat(lex("1 -- x ' y\n2")).containsExactly("NUMBER:1", "LINE_COMMENT:-- x ' y", "NUMBER:2");
        assertThat(lex("5--1")).containsExactly("NUMBER:5", "LINE_COMMENT:--1");
    }

    @Test
    void aCommentStartInsideAnOperatorEndsTheOperator() {
        assertThat(lex("a @-@ b")).containsExactly("WORD:a", "OPERATOR:@-@", "WORD:b");
        assertThat(lex("a @-- b\nc")).containsExactly("WORD:a", "OPERATOR:@", "LINE_COMMENT:-- b", "WORD:c");
        assertThat(lex("a */* b */ c")).containsExactly("WORD:a", "OPERATOR:*", "BLOCK_COMMENT:/* b */", "WORD:c");
        assertThat(lex("a <-/*x*/b")).containsExactly("WORD:a", "OPERATOR:<-", "BLOCK_COMMENT:/*x*/", "WORD:b");
        assertThat(lex("x::int #>> y")).containsExactly("WORD:x", "OPERATOR:::", "WORD:int", "OPERATOR:#>>", "WORD:y");
    }

    @Test
    void markersSeparatorsAndNumbers() {
        assertThat(lex("? ?2 ; 1.5e-3 .5 3")).containsExactly("PARAMETER:?", "PARAMETER:?2", "SEPARATOR:;",
                "NUMBER:1.5e-3", "NUMBER:.5", "NUMBER:3");
    }

    @Test
    void aHashIsAnOperatorNotAComment() {
        assertThat(lex("a#b")).containsExactly("WORD:a", "OPERATOR:#", "WORD:b");
    }
}
