package io.tipdata.jdbc.internal.rewrite.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipdata.jdbc.internal.rewrite.Refusal;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import org.junit.jupiter.api.Test;

class TextTripwireTest {

    @Test
    void queryHiddenInRawTextByTheParserIsCaught() throws Exception {
        String sql = "SELECT * FROM tip_shadow.orders o WHERE data->>'x' = (SELECT s FROM payroll) AND o.tip_run = 'r'";
        // in its complex mode the parser keeps "->>'x' = (SELECT ...)" as raw text of a JSON expression
        Statement complex = CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(true).Statements().get(0);
        assertThat(((PlainSelect) complex).getWhere().getClass().getSimpleName()).isEqualTo("JsonExpression");
        assertThatThrownBy(() -> TextTripwire.check(sql, complex)).isInstanceOf(Refusal.class)
                .hasMessageContaining("2 SELECT keywords").hasMessageContaining("1 queries");
    }

    @Test
    void selectInLiteralsIdentifiersAndCommentsIsNotCounted() throws Exception {
        String sql = "SELECT 'select', \"select\" FROM t /* select */ WHERE x IN (SELECT 1) -- select";
        assertThatCode(() -> TextTripwire.check(sql, CCJSqlParserUtil.parse(sql))).doesNotThrowAnyException();
    }

    @Test
    void tableKeywordIsRefused() throws Exception {
        String sql = "SELECT * FROM t WHERE x IN (SELECT 1)";
        assertThatThrownBy(() -> TextTripwire.check(sql + " UNION TABLE payroll", CCJSqlParserUtil.parse(sql)))
                .isInstanceOf(Refusal.class).hasMessageContaining("TABLE keyword");
    }
}
