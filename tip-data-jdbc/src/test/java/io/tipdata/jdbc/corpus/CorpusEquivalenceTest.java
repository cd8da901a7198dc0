package io.tipdata.jdbc.corpus;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.RefusedStatementException;
import io.tipdata.jdbc.internal.rewrite.SqlRewriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rewrite proves itself on the corpus: every statement, run as written against production and rewritten
 * for run {@code r1} against the shadow twins (which hold a copy of production as r1 plus noise rows of run
 * r2), returns the same rows or update count and leaves r1's partition exactly as the original leaves
 * production; the rewritten statement changes no production row and no r2 row. The rewritten statement runs
 * with the production ISOLATED tables emptied inside its transaction, so reading or writing production instead
 * of the shadow twin shows up as a difference. A statement the rewriter
 * cannot prove confined must be refused with SQLState TD001, never run with a wrong result. Results go to
 * {@code target/corpus-equivalence.md}.
 */
class CorpusEquivalenceTest {

    private static final String RUN = "r1";
    private static final List<String> HIDE_PRODUCTION = CorpusDatabase.ISOLATED.stream()
            .map(t -> "DELETE FROM " + t).toList();
    private static final Map<Dialect, EquivalenceReport> REPORTS = new LinkedHashMap<>();

    @AfterAll
    static void writeReport() throws Exception {
        StringBuilder b = new StringBuilder("| database | statements | equivalent | refused (TD001) | wrong |\n"
                + "|---|---|---|---|---|\n");
        REPORTS.forEach((d, r) -> b.append("| ").append(d).append(" | ").append(r.statements).append(" | ")
                .append(r.equivalent).append(" | ").append(r.refused.size()).append(" | ")
                .append(r.wrong.size()).append(" |\n"));
        REPORTS.forEach((d, r) -> {
            section(b, d + ": refused", r.refused);
            section(b, d + ": NOT equivalent", r.wrong);
            section(b, d + ": equivalent rows, but labels of unaliased columns changed", r.labelsChanged);
        });
        System.out.println(b);
        Path out = Path.of("target", "corpus-equivalence.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, b.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void h2() throws Exception {
        assertEquivalent(Dialect.H2);
    }

    @Test
    @EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
    void postgresql() throws Exception {
        assertEquivalent(Dialect.POSTGRESQL);
    }

    @Test
    @EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
    void mariadb() throws Exception {
        assertEquivalent(Dialect.MARIADB);
    }

    private static void assertEquivalent(Dialect dialect) throws Exception {
        List<CorpusEntry> entries = Corpus.forDialect(dialect);
        EquivalenceReport report = new EquivalenceReport(entries.size());
        REPORTS.put(dialect, report);
        Map<String, String> snapshots = CorpusDatabase.allSnapshots();
        try (CorpusDatabase db = CorpusDatabase.open(dialect)) {
            SqlRewriter rewriter = SqlRewriter.create(CorpusDatabase.policies(), db.columns(),
                    CorpusDatabase.SHADOW_SCHEMA, dialect, 1000);
            Outcome before = db.runAndRollback("SELECT 1", List.of(), false, snapshots);
            for (CorpusEntry e : entries) {
                String rewritten;
                try {
                    rewritten = rewriter.rewrite(e.sql()).sqlFor(RUN);
                } catch (RefusedStatementException refused) {
                    if (RefusedStatementException.REFUSED.equals(refused.getSQLState())) {
                        report.refused.put(e.id(), refused.getMessage());
                    } else {
                        report.wrong.put(e.id(), "refused with SQLState " + refused.getSQLState() + ", not TD001: "
                                + refused.getMessage());
                    }
                    continue;
                } catch (RuntimeException ex) {
                    report.wrong.put(e.id(), "rewriter threw " + ex + " instead of refusing");
                    continue;
                }
                Outcome original = db.runAndRollback(e.sql(), e.params(), e.isWrite(), snapshots);
                Outcome test = db.runAndRollback(HIDE_PRODUCTION, rewritten, e.params(), e.isWrite(), snapshots);
                String difference = difference(e, original, test, before);
                if (difference != null) {
                    report.wrong.put(e.id(), "original `" + e.sql() + "` rewritten `" + rewritten + "`: " + difference);
                } else {
                    report.equivalent++;
                    String labels = original.resultDifference(test, e.ordered());
                    if (labels != null) {
                        report.labelsChanged.put(e.id(), rewritten + " -- " + labels);
                    }
                }
            }
        }
        assertThat(report.wrong).as("corpus statements the rewrite gets wrong on " + dialect).isEmpty();
        assertThat(report.equivalent + report.refused.size()).isEqualTo(entries.size());
    }

    /** What differs between the original on production and the rewrite on r1's partition, or null. */
    private static String difference(CorpusEntry e, Outcome original, Outcome test, Outcome before) {
        if (!original.succeeded()) {
            return "the original fails: " + original.error();
        }
        if (!test.succeeded()) {
            return "the rewritten statement fails: " + test.error();
        }
        List<String> differences = new ArrayList<>();
        add(differences, original.rowDifference(test, e.ordered()));
        for (String t : CorpusDatabase.ISOLATED) {
            add(differences, original.tableDifference(t, test, RUN + "." + t));
            add(differences, before.tableDifference("r2." + t, test, "r2." + t));
        }
        for (String t : CorpusDatabase.ISOLATED) {
            if (!test.tables().get(t).isEmpty()) {
                differences.add("the rewritten statement wrote production table " + t + ": " + test.tables().get(t));
            }
        }
        for (String t : CorpusDatabase.REFERENCE) {
            add(differences, before.tableDifference(t, test, t));
        }
        return differences.isEmpty() ? null : String.join("; ", differences);
    }

    private static void add(List<String> list, String difference) {
        if (difference != null) {
            list.add(difference);
        }
    }

    private static void section(StringBuilder b, String title, Map<String, String> items) {
        if (!items.isEmpty()) {
            b.append("\n### ").append(title).append(" (").append(items.size()).append(")\n\n");
            items.forEach((id, why) -> b.append("- ").append(id).append(": ")
                    .append(why.replace('\n', ' ')).append('\n'));
        }
    }

    private static final class EquivalenceReport {
        final int statements;
        final Map<String, String> refused = new LinkedHashMap<>();
        final Map<String, String> wrong = new LinkedHashMap<>();
        final Map<String, String> labelsChanged = new LinkedHashMap<>();
        int equivalent;

        EquivalenceReport(int statements) {
            this.statements = statements;
        }
    }
}
