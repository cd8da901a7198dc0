package io.tipdata.jdbc.internal.rewrite.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.internal.rewrite.Refusal;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The database's reading (the lexer) held against the parser's, on the text as written and as sent. */
class TextAgreementTest {

    private static void agree(Dialect dialect, String sql) throws Exception {
        LexedText lexed = TextAgreement.read(sql, dialect);
        TextAgreement.agree(lexed, CCJSqlParserUtil.parse(lexed.withoutComments()), true);
    }

    @Test
    void queriesAndLiteralsInsideJsonOperatorsAreSeen() throws Exception {
        String sql = "SELECT * FROM tip_shadow.orders o WHERE data->>'x' = (SELECT s FROM payroll) AND o.tip_run = 'r'";
        // in its complex mode the parser keeps "->>'x' = (SELECT ...)" in the map entries of a JSON expression
        Statement complex = CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(true).Statements().get(0);
        assertThat(((PlainSelect) complex).getWhere().getClass().getSimpleName()).isEqualTo("JsonExpression");
        ParsedText parsed = ParsedText.of(complex);
        assertThat(parsed.queries).isEqualTo(2);
        assertThat(parsed.literals).containsExactlyInAnyOrder("'x'", "'r'");
        assertThatCode(() -> TextAgreement.agree(TextAgreement.read(sql, Dialect.POSTGRESQL), complex, true))
                .doesNotThrowAnyException();
    }

    @Test
    void selectInLiteralsIdentifiersAndCommentsIsNotCounted() {
        String sql = "SELECT 'select', \"select\" FROM t /* select */ WHERE x IN (SELECT 1) -- select";
        assertThatCode(() -> agree(Dialect.POSTGRESQL, sql)).doesNotThrowAnyException();
        assertThatCode(() -> agree(Dialect.H2, sql)).doesNotThrowAnyException();
    }

    @Test
    void tableKeywordIsRefused() throws Exception {
        String sql = "SELECT * FROM t WHERE x IN (SELECT 1)";
        LexedText lexed = TextAgreement.read(sql + " UNION TABLE payroll", Dialect.POSTGRESQL);
        assertThatThrownBy(() -> TextAgreement.agree(lexed, CCJSqlParserUtil.parse(sql), true))
                .isInstanceOf(Refusal.class).hasMessageContaining("TABLE keyword");
    }

    @Test
    void selectCountMustMatchTheQueriesOfTheTree() throws Exception {
        String sql = "SELECT * FROM t WHERE x IN (SELECT 1)";
        LexedText lexed = TextAgreement.read(sql, Dialect.POSTGRESQL);
        assertThatThrownBy(() -> TextAgreement.agree(lexed, CCJSqlParserUtil.parse("SELECT * FROM t"), true))
                .isInstanceOf(Refusal.class).hasMessageContaining("2 SELECT keywords").hasMessageContaining("1 queries");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', textBlock = """
            POSTGRESQL | SELECT $tag$ it's $tag$ AS x                         | dollar-quoted string $tag$...$tag$
            POSTGRESQL | SELECT $$ x $$                                       | dollar-quoted string
            H2         | SELECT $$ x $$                                       | H2 dollar-quoted string
            POSTGRESQL | SELECT E'a\\'' FROM t                                | backslash escape
            POSTGRESQL | SELECT e'a\\nb' FROM t                               | backslash escape
            MARIADB    | SELECT 'a\\n' FROM t                                 | backslash escape
            MARIADB    | SELECT "a\\"" FROM t                                 | backslash escape
            MARIADB    | SELECT N'a\\'' FROM t                                | backslash escape
            MARIADB    | SELECT 1 /*! , 2 */ FROM t                           | executable comment
            MARIADB    | SELECT 1 /*M! , 2 */ FROM t                          | executable comment
            MARIADB    | SELECT 1 /*!50000 , 2 */ FROM t                      | executable comment
            MARIADB    | SELECT 5--1 FROM t                                   | two minus signs
            POSTGRESQL | SELECT U&'d\\0061t' FROM t                           | Unicode escapes
            POSTGRESQL | SELECT U&"d\\0061t" FROM t                           | Unicode escapes
            POSTGRESQL | SELECT U&'d!0061t' UESCAPE '!' FROM t                | UESCAPE
            POSTGRESQL | SELECT 'a' 'b' FROM t                                | two string literals in a row
            MARIADB    | SELECT 'a' 'b' FROM t                                | two string literals in a row
            POSTGRESQL | SELECT 'open FROM t                                  | unclosed string literal
            POSTGRESQL | SELECT 1 /* /* */ FROM t                             | unclosed /* ... */ comment
            H2         | SELECT "open FROM t                                  | unclosed quoted identifier
            MARIADB    | SELECT `open FROM t                                  | unclosed backtick identifier
            POSTGRESQL | SELECT 1; DELETE FROM t                              | 2 statements
            MARIADB    | SELECT 1 # x<NL>; DELETE FROM t                        | 2 statements
            H2         | SELECT 1 /* ; */ ; SELECT 2 // ;                     | 2 statements
            POSTGRESQL | SELECT 1;;                                           | 2 statements
            """)
    void unsafeTextIsRefusedBeforeParsing(Dialect dialect, String sql, String reason) {
        String text = sql.replace("<NL>", "\n");
        assertThatThrownBy(() -> TextAgreement.read(text, dialect)).isInstanceOf(Refusal.class)
                .hasMessageContaining(reason);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '^', textBlock = """
            POSTGRESQL | SELECT 1 FROM t;
            POSTGRESQL | SELECT 1 FROM t ; -- done
            MARIADB    | SELECT 1 FROM t; # done
            H2         | SELECT 1 FROM t; // done
            POSTGRESQL | SELECT 'a;b' FROM t
            POSTGRESQL | SELECT E'a\\\\b' FROM t
            POSTGRESQL | SELECT '\\d+', '\\\\''x', 'a\\' FROM t
            MARIADB    | SELECT 'a\\\\b', 'it''s' FROM t
            """)
    void oneStatementAndReadableLiteralsPass(Dialect dialect, String sql) {
        assertThatCode(() -> TextAgreement.read(sql, dialect)).doesNotThrowAnyException();
    }

    @Test
    void mariaDbDoubleQuotesAreAStringTheParserReadsAsAName() {
        assertThatThrownBy(() -> agree(Dialect.MARIADB, "SELECT id FROM t WHERE status = \"new\""))
                .isInstanceOf(Refusal.class).hasMessageContaining("MariaDB double-quoted string");
        assertThatCode(() -> agree(Dialect.POSTGRESQL, "SELECT id FROM t WHERE status = \"new\""))
                .doesNotThrowAnyException();
    }

    @Test
    void mariaDbHashEndsTheLineWhereTheParserSawAName() throws Exception {
        // MariaDB reads "a" and a comment; a parser given the raw text would read the name a#b
        LexedText lexed = TextAgreement.read("SELECT a#b FROM t\n, c", Dialect.MARIADB);
        assertThat(lexed.withoutComments()).isEqualTo("SELECT a \n, c");
        LexedText pg = TextAgreement.read("SELECT a#b FROM t", Dialect.POSTGRESQL);
        assertThat(pg.withoutComments()).isEqualTo("SELECT a#b FROM t");
    }

    @Test
    void parserMissingALiteralTheDatabaseReadsIsRefused() throws Exception {
        LexedText lexed = TextAgreement.read("SELECT 'a', 'b' FROM t", Dialect.H2);
        assertThatThrownBy(() -> TextAgreement.agree(lexed, CCJSqlParserUtil.parse("SELECT 'a' FROM t"), true))
                .isInstanceOf(Refusal.class).hasMessageContaining("String literal '...' at offset 12 is read differently by H2");
        LexedText one = TextAgreement.read("SELECT 'a' FROM t", Dialect.H2);
        assertThatThrownBy(() -> TextAgreement.agree(one, CCJSqlParserUtil.parse("SELECT 'a', 'b' FROM t"), true))
                .isInstanceOf(Refusal.class).hasMessageContaining("parser reads a string literal");
    }

    @Test
    void quotedNamesMustBeThoseTheParserRead() throws Exception {
        assertThatCode(() -> agree(Dialect.POSTGRESQL, "SELECT \"o\".\"id\" AS \"x\" FROM \"orders\" \"o\""))
                .doesNotThrowAnyException();
        assertThatCode(() -> agree(Dialect.MARIADB, "SELECT `o`.`id` AS `x` FROM `orders` `o`"))
                .doesNotThrowAnyException();
        // backticks are no quotes for PostgreSQL: the parser's quoted name is not the database's
        assertThatThrownBy(() -> agree(Dialect.POSTGRESQL, "SELECT `id` FROM t")).isInstanceOf(Refusal.class);
        LexedText lexed = TextAgreement.read("SELECT \"a\" FROM t", Dialect.POSTGRESQL);
        assertThatThrownBy(() -> TextAgreement.agree(lexed, CCJSqlParserUtil.parse("SELECT \"b\" FROM t"), true))
                .isInstanceOf(Refusal.class).hasMessageContaining("\"a\"");
    }

    @Test
    void dollarInNamesMustBeReadAlike() throws Exception {
        assertThatCode(() -> agree(Dialect.POSTGRESQL, "SELECT a$b FROM t")).doesNotThrowAnyException();
        LexedText lexed = TextAgreement.read("SELECT a$b FROM t", Dialect.POSTGRESQL);
        assertThatThrownBy(() -> TextAgreement.agree(lexed, CCJSqlParserUtil.parse("SELECT a FROM t"), true))
                .isInstanceOf(Refusal.class).hasMessageContaining("a$b");
    }

    @Test
    void sentTextMustHoldNoComment() {
        assertThatThrownBy(() -> TextAgreement.requireNoComments(SqlLexer.of(Dialect.POSTGRESQL)
                .lex("SELECT /*+ hint */ 1"))).isInstanceOf(Refusal.class).hasMessageContaining("comment");
        assertThatThrownBy(() -> TextAgreement.requireNoComments(SqlLexer.of(Dialect.MARIADB)
                .lex("SELECT 1 -- x"))).isInstanceOf(Refusal.class).hasMessageContaining("comment");
        // "--+" is no comment for MariaDB but is one for the parser: refused as such
        assertThatThrownBy(() -> TextAgreement.read("SELECT 1 --+ x", Dialect.MARIADB)).isInstanceOf(Refusal.class)
                .hasMessageContaining("two minus signs");
        assertThatCode(() -> TextAgreement.requireNoComments(SqlLexer.of(Dialect.MARIADB).lex("SELECT 1 - -1")))
                .doesNotThrowAnyException();
    }
}
