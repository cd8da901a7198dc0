package io.tipdata.jdbc.internal.rewrite.text;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.internal.rewrite.Refusal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where the run literal stands in a rewritten statement, and the text the independent check parses.
 *
 * <p>The rewrite renders the run as a placeholder string literal ({@code 'tipsentinel'}), which is what is
 * sent once the run id takes its place. The check parses the same text with each of those literals written as
 * a {@code ?} marker instead, and knows the run by the markers' ordinals: the parser reads a marker in a small
 * fraction of the time it spends on a string literal (it tries every non-reserved keyword as a name first),
 * and the two texts have the same structure token for token. That is made sure here, on the text as the
 * database reads it: every occurrence of the placeholder is one whole string literal token, preceded by an
 * operator, punctuation or {@code SELECT} (so no word such as {@code DATE}, a type name or a character-set
 * introducer types it) and followed by the end, an operator, punctuation or a name (so no literal, number or
 * marker joins it, as MariaDB joins {@code 'a' 'b'} and the parser reads {@code ? 1} as {@code ?1}). The marker is
 * written with a space on each side so it lexes alone ({@code =?} is one operator on PostgreSQL).
 */
public final class RunSlots {

    private final String checkedText;
    private final LexedText checked;
    private final Set<Integer> markers;
    private final String[] sentParts;

    private RunSlots(String checkedText, LexedText checked, Set<Integer> markers, List<String> sentParts) {
        this.checkedText = checkedText;
        this.checked = checked;
        this.markers = Set.copyOf(markers);
        this.sentParts = sentParts.toArray(new String[0]);
    }

    /**
     * Reads the rendered text and finds the run placeholder in it; a {@link Refusal} if it stands anywhere the
     * substitution could change how the text reads. {@code suffix} is text sent after the rendering (MariaDB's
     * {@code LOCK IN SHARE MODE}), read with it but not parsed.
     */
    public static RunSlots of(String rendered, String suffix, String placeholder, Dialect dialect) {
        List<Token> tokens = TextAgreement.read(rendered + suffix, dialect).tokens();
        String quoted = "'" + placeholder + "'";
        StringBuilder out = new StringBuilder(rendered.length() + 8);
        List<Integer> at = new ArrayList<>();
        List<String> sentParts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == TokenKind.STRING && t.text().equals(quoted)) {
                requireAlone(tokens, i, t);
                sentParts.add(rendered.substring(from, t.start()));
                out.append(rendered, from, t.start()).append(' ');
                at.add(out.length());
                out.append("? ");
                from = t.end();
            }
        }
        sentParts.add(rendered.substring(from) + suffix);
        out.append(rendered, from, rendered.length());
        int occurrences = 0;
        String lower = (rendered + suffix).toLowerCase(Locale.ROOT);
        for (int i = lower.indexOf(placeholder); i >= 0; i = lower.indexOf(placeholder, i + 1)) {
            occurrences++;
        }
        if (occurrences != at.size()) {
            throw new Refusal("the rewritten statement holds the run placeholder outside a string literal of its own");
        }
        String checkedText = out.toString();
        LexedText checked = TextAgreement.read(checkedText + suffix, dialect);
        Set<Integer> markers = new HashSet<>();
        int ordinal = 0;
        for (Token t : checked.tokens()) {
            if (t.kind() == TokenKind.PARAMETER) {
                ordinal++;
                if (at.contains(t.start())) {
                    if (t.end() != t.start() + 1) {
                        throw new Refusal("the run marker at offset " + t.start() + " reads as " + t.text());
                    }
                    markers.add(ordinal);
                }
            }
        }
        if (markers.size() != at.size()) {
            throw new Refusal("the run markers do not read as markers of their own in the text the check parses");
        }
        return new RunSlots(checkedText, checked, markers, sentParts);
    }

    private static void requireAlone(List<Token> tokens, int i, Token t) {
        Token before = i == 0 ? null : tokens.get(i - 1);
        Token after = i + 1 == tokens.size() ? null : tokens.get(i + 1);
        // before: an operator or punctuation, or SELECT; never a word that could type the literal (DATE 'x', int4 'x')
        boolean beforeOk = before != null && (before.kind() == TokenKind.OTHER
                || before.kind() == TokenKind.IDENTIFIER && before.text().equalsIgnoreCase("SELECT"));
        // after: no literal, number or marker that could join it ('a' 'b' on MariaDB, ? 1 read as ?1)
        boolean afterOk = after == null || after.kind() == TokenKind.OTHER || after.kind() == TokenKind.IDENTIFIER
                || after.kind() == TokenKind.QUOTED_IDENTIFIER;
        if (!beforeOk || !afterOk) {
            throw new Refusal("the run literal at offset " + t.start() + " of the rewritten statement stands between "
                    + (before == null ? "the start" : "'" + before.text() + "'") + " and "
                    + (after == null ? "the end" : "'" + after.text() + "'") + ", where tip-data does not write it");
        }
    }

    /** The rendered text with each run literal written as a {@code ?} marker: the text the check parses. */
    public String checkedText() {
        return checkedText;
    }

    /** {@link #checkedText()} and the suffix, as the dialect's lexer reads them. */
    public LexedText checked() {
        return checked;
    }

    /** The ordinals (from 1, in text order) of the markers of {@link #checkedText()} that stand for the run. */
    public Set<Integer> markers() {
        return markers;
    }

    /** The text to be sent, the rendering and the suffix, split where the run id goes (one more part than run literals). */
    public String[] sentParts() {
        return sentParts.clone();
    }
}
