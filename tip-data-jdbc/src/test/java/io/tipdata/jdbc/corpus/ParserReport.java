package io.tipdata.jdbc.corpus;

import io.tipdata.jdbc.Dialect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The measurements of one parser on one database. */
final class ParserReport {
    final String parser;
    final int statements;
    final List<String> parsedSql = new ArrayList<>();
    final Map<String, String> parseFailed = new LinkedHashMap<>();
    final Map<String, String> renderedFails = new LinkedHashMap<>();
    final Map<String, String> changed = new LinkedHashMap<>();
    final Map<String, String> labelsChanged = new LinkedHashMap<>();
    int same;
    int commonSubset;
    double microsParse = Double.NaN;
    double microsRoundTrip = Double.NaN;

    ParserReport(String parser, int statements) {
        this.parser = parser;
        this.statements = statements;
    }

    int parsed() {
        return parsedSql.size();
    }

    static String markdown(Map<Dialect, List<ParserReport>> reports) {
        StringBuilder b = new StringBuilder("| database | parser | statements | parsed | same meaning after"
                + " render | only column labels changed | rendered SQL fails | rows or data changed | µs/parse"
                + " | µs/parse+render | statements timed |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<Dialect, List<ParserReport>> d : reports.entrySet()) {
            for (ParserReport r : d.getValue()) {
                boolean fidelity = r.statements > 0 && r.parsed() + r.parseFailed.size() == r.statements;
                b.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s | %s | %.1f | %.1f | %d |%n",
                        d.getKey(), r.parser, r.statements,
                        fidelity ? r.parsed() + " (" + Math.round(100.0 * r.parsed() / r.statements) + "%)" : "-",
                        fidelity ? String.valueOf(r.same) : "-",
                        fidelity ? String.valueOf(r.labelsChanged.size()) : "-",
                        fidelity ? String.valueOf(r.renderedFails.size()) : "-",
                        fidelity ? String.valueOf(r.changed.size()) : "-",
                        r.microsParse, r.microsRoundTrip, r.commonSubset));
            }
        }
        for (Map.Entry<Dialect, List<ParserReport>> d : reports.entrySet()) {
            for (ParserReport r : d.getValue()) {
                section(b, d.getKey() + " / " + r.parser + ": not parsed", r.parseFailed);
                section(b, d.getKey() + " / " + r.parser + ": rendered SQL fails on the database", r.renderedFails);
                section(b, d.getKey() + " / " + r.parser + ": rendered SQL returns other rows or leaves other data",
                        r.changed);
                section(b, d.getKey() + " / " + r.parser + ": only labels of unaliased columns changed",
                        r.labelsChanged);
            }
        }
        return b.toString();
    }

    private static void section(StringBuilder b, String title, Map<String, String> items) {
        if (items.isEmpty()) {
            return;
        }
        b.append("\n### ").append(title).append(" (").append(items.size()).append(")\n\n");
        items.forEach((id, why) -> b.append("- ").append(id).append(": `")
                .append(why.replace('\n', ' ').replace("`", "'")).append("`\n"));
    }
}
