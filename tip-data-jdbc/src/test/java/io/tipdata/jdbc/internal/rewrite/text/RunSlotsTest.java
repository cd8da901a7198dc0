package io.tipdata.jdbc.internal.rewrite.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.internal.rewrite.Refusal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The run literal written as a marker for the check: only where the substitution keeps the structure of the text
 * the database reads, and with the markers numbered as that text's lexer numbers them.
 */
class RunSlotsTest {

    private static final String P = "tipsentinel";

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theRunLiteralBecomesAMarkerOfItsOwnAndTheOrdinalsCountTheUsersMarkers(Dialect dialect) {
        RunSlots s = RunSlots.of("SELECT a FROM t WHERE b = ? AND t.tip_run = 'tipsentinel' AND c IN (?, ?)", "", P,
                dialect);
        assertThat(s.checkedText()).isEqualTo("SELECT a FROM t WHERE b = ? AND t.tip_run =  ?  AND c IN (?, ?)");
        assertThat(s.markers()).containsExactly(2);
        assertThat(s.checked().parameterCount()).isEqualTo(4);

        RunSlots values = RunSlots.of("INSERT INTO t (a, tip_run) VALUES (?, 'tipsentinel'), ('tipsentinel',?)", "", P,
                dialect);
        assertThat(values.markers()).containsExactlyInAnyOrder(2, 3);
        assertThat(values.checked().parameterCount()).isEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aMarkerNextToAnOperatorLexesAlone(Dialect dialect) {
        // PostgreSQL reads =? as one operator: the marker is written with spaces around it
        RunSlots s = RunSlots.of("SELECT a FROM t WHERE t.tip_run='tipsentinel'", "", P, dialect);
        assertThat(s.checked().tokens().stream().map(Token::text)).containsSubsequence("=", "?");
        assertThat(s.markers()).containsExactly(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT 'x tipsentinel' FROM t WHERE t.tip_run = 'tipsentinel'",
        "SELECT tipsentinel FROM t WHERE t.tip_run = 'tipsentinel'",
        "SELECT \"tipsentinel\" FROM t WHERE t.tip_run = 'tipsentinel'",
        "SELECT a FROM t WHERE t.tip_run = E'tipsentinel'",
        "SELECT a FROM t WHERE t.tip_run = 'TIPSENTINEL'",
    })
    void thePlaceholderAnywhereButAsALiteralOfItsOwnIsRefused(String sql) {
        assertThatThrownBy(() -> RunSlots.of(sql, "", P, Dialect.POSTGRESQL)).isInstanceOf(Refusal.class)
                .hasMessageContaining("run placeholder outside a string literal of its own");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT DATE 'tipsentinel'",
        "SELECT a FROM t WHERE t.tip_run = int4 'tipsentinel'",
        "SELECT a FROM t WHERE t.tip_run = 'tipsentinel' 'x'",
        "SELECT a FROM t WHERE t.tip_run = 'tipsentinel' 1",
        "SELECT a FROM t WHERE t.tip_run = 'tipsentinel' ?",
        "'tipsentinel'",
    })
    void aLiteralThatAWordTypesOrANeighbourJoinsIsRefused(String sql) {
        for (Dialect d : Dialect.values()) {
            // (literals in a row are refused by the lexer's reading already, where the database joins them)
            assertThatThrownBy(() -> RunSlots.of(sql, "", P, d)).as(d + ": " + sql).isInstanceOf(Refusal.class)
                    .hasMessageMatching("(?s)(the run literal at offset|two string literals in a row).*");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theSuffixIsReadButNotPartOfTheParsedText(Dialect dialect) {
        RunSlots s = RunSlots.of("SELECT a FROM t WHERE t.tip_run = 'tipsentinel'", " LOCK IN SHARE MODE", P, dialect);
        assertThat(s.checkedText()).doesNotContain("LOCK");
        assertThat(s.checked().sql()).endsWith(" LOCK IN SHARE MODE");
        assertThat(String.join("'r'", s.sentParts()))
                .isEqualTo("SELECT a FROM t WHERE t.tip_run = 'r' LOCK IN SHARE MODE");
    }
}
