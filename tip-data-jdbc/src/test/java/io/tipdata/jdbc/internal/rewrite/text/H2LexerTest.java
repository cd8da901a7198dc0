package io.tipdata.jdbc.internal.rewrite.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipdata.jdbc.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** H2's lexical rules, construct by construct. */
class H2LexerTest {

    private static List<String> lex(String sql) {
        return Lex.tokens(Dialect.H2, sql);
    }

    @Test
    void stringsDoubleQuotesAndTakeNoEscapes() {
        assertThat(lex("'it''s' 'a\\' N'n' X'1f' U&'u'")).containsExactly("STRING:'it''s'", "STRING:'a\\'",
                "NATIONAL_STRING:N'n'", "HEX_STRING:X'1f'", "UNICODE_STRING:U&'u'");
    }

    @Test
    void quotedNames() {
        assertThat(lex("\"a\"\"b\" U&\"c\"")).containsExactly("QUOTED_NAME:\"a\"\"b\"", "UNICODE_NAME:U&\"c\"");
    }

    @Test
    void bothLineCommentsAndNestedBlockComments() {
        assertThat(lex("1 -- a\n2 // b\n3 /* c /* d */ e */ 4")).containsExactly("NUMBER:1", "LINE_COMMENT:-- a",
                "NUMBER:2", "SLASH_COMMENT:// b", "NUMBER:3", "BLOCK_COMMENT:/* c /* d */ e */", "NUMBER:4");
    }

    @Test
    void dollarStrings() {
        assertThat(lex("$$it's$$ a$$b")).containsExactly("H2_DOLLAR_STRING:$$it's$$", "WORD:a$$b");
        assertThat(lex("$$ open")).containsExactly("H2_DOLLAR_STRING:$$ open(unclosed)");
    }

    @Test
    void markersSeparatorsAndOthers() {
        assertThat(lex("?1 ? ; # `x`")).containsExactly("PARAMETER:?1", "PARAMETER:?", "SEPARATOR:;", "OTHER:#",
                "OTHER:`", "WORD:x", "OTHER:`");
    }
}
