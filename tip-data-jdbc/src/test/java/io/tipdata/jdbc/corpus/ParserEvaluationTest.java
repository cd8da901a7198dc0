package io.tipdata.jdbc.corpus;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.RefusedStatementException;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TablePolicy;
import io.tipdata.jdbc.internal.rewrite.SqlRewriter;
import io.tipdata.jdbc.internal.rewrite.TableColumns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares JSqlParser and jOOQ's parser on the corpus, per database: how many statements each parses, whether
 * the SQL rendered back from the parsed tree means the same on the real database (same rows or update count,
 * same final contents of every table), and how long a warm parse takes. Prints a table and writes it with the
 * ids of every miss to {@code target/parser-evaluation.md}.
 */
class ParserEvaluationTest {

    private static final int TIMED_STATEMENTS = 60;
    private static final Map<Dialect, List<ParserReport>> REPORTS = new LinkedHashMap<>();
    private static final Map<Dialect, String> LOAD = new LinkedHashMap<>();
    private static ExecutorService sharedExecutor;
    private static volatile int sink;

    @BeforeAll
    static void quietJooq() {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        sharedExecutor = Executors.newSingleThreadExecutor();
    }

    @AfterAll
    static void writeReport() throws Exception {
        sharedExecutor.shutdownNow();
        String text = ParserReport.markdown(REPORTS) + "\nLoad average (1/5/15 min) when timing ended: " + LOAD
                + " on " + Runtime.getRuntime().availableProcessors() + " processors; Java "
                + System.getProperty("java.version") + ".\n";
        System.out.println(text);
        Path out = Path.of("target", "parser-evaluation.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
    }

    @Test
    void h2() throws Exception {
        evaluate(Dialect.H2);
    }

    @Test
    @EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
    void postgresql() throws Exception {
        evaluate(Dialect.POSTGRESQL);
    }

    @Test
    @EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
    void mariadb() throws Exception {
        evaluate(Dialect.MARIADB);
    }

    private static void evaluate(Dialect dialect) throws Exception {
        List<CorpusEntry> entries = Corpus.forDialect(dialect);
        List<ParserCandidate> candidates = List.of(
                ParserCandidate.jsqlParser(dialect, null), ParserCandidate.jooq(dialect));
        List<ParserReport> reports = new ArrayList<>();
        TableColumns columns;
        try (CorpusDatabase db = CorpusDatabase.open(dialect)) {
            columns = db.columns();
            Map<String, String> snapshots = CorpusDatabase.productionSnapshots();
            Map<String, Outcome> originals = new LinkedHashMap<>();
            for (CorpusEntry e : entries) {
                originals.put(e.id(), db.runAndRollback(e.sql(), e.params(), e.isWrite(), snapshots));
            }
            for (ParserCandidate candidate : candidates) {
                reports.add(fidelity(db, candidate, entries, originals, snapshots));
            }
        }
        List<String> parsedByAll = entries.stream().map(CorpusEntry::sql)
                .filter(sql -> reports.stream().allMatch(r -> r.parsedSql.contains(sql))).toList();
        int step = Math.max(1, (parsedByAll.size() + TIMED_STATEMENTS - 1) / TIMED_STATEMENTS);
        List<String> timedSql = new ArrayList<>();
        for (int i = 0; i < parsedByAll.size(); i += step) {
            timedSql.add(parsedByAll.get(i));
        }
        List<ParserCandidate> timed = new ArrayList<>(candidates);
        timed.add(1, ParserCandidate.jsqlParser(dialect, sharedExecutor));
        timed.add(2, ParserCandidate.jsqlParserOnCallerThread(dialect));
        reports.add(1, new ParserReport(timed.get(1).name(), entries.size()));
        reports.add(2, new ParserReport(timed.get(2).name(), entries.size()));
        double[][] micros = timeInterleaved(timed, timedSql);
        for (int i = 0; i < timed.size(); i++) {
            reports.get(i).commonSubset = timedSql.size();
            reports.get(i).microsParse = micros[i][0];
            reports.get(i).microsRoundTrip = micros[i][1];
        }
        REPORTS.put(dialect, reports);
        LOAD.put(dialect, loadAverage());

        ParserReport jsql = reports.get(0);
        assertThat(jsql.parsed()).as("JSqlParser parses most of the " + dialect + " corpus")
                .isGreaterThan(entries.size() * 9 / 10);
        assertThat(unrefused(dialect, columns, entries, jsql.changed.keySet()))
                .as("statements whose meaning JSqlParser's round trip changes on " + dialect
                        + " must be refused by the rewriter, which renders through JSqlParser")
                .isEmpty();
    }

    /** The ids among {@code ids} that the rewriter does not refuse with TD001. */
    private static List<String> unrefused(Dialect dialect, TableColumns columns, List<CorpusEntry> entries,
                                          Set<String> ids) {
        SqlRewriter rewriter = SqlRewriter.create(CorpusDatabase.policies(), columns, CorpusDatabase.SHADOW_SCHEMA,
                dialect, 16);
        List<String> out = new ArrayList<>();
        for (CorpusEntry e : entries) {
            if (ids.contains(e.id())) {
                try {
                    rewriter.rewrite(e.sql());
                    out.add(e.id());
                } catch (RefusedStatementException refused) {
                    if (!RefusedStatementException.REFUSED.equals(refused.getSQLState())) {
                        out.add(e.id());
                    }
                }
            }
        }
        return out;
    }

    private static ParserReport fidelity(CorpusDatabase db, ParserCandidate candidate, List<CorpusEntry> entries,
            Map<String, Outcome> originals, Map<String, String> snapshots) throws Exception {
        ParserReport report = new ParserReport(candidate.name(), entries.size());
        for (CorpusEntry e : entries) {
            ParserCandidate.Rendered rendered;
            try {
                rendered = candidate.roundTrip(e.sql(), e.params());
            } catch (Exception | StackOverflowError ex) {
                report.parseFailed.put(e.id(), firstLine(ex.toString()));
                continue;
            }
            report.parsedSql.add(e.sql());
            Outcome original = originals.get(e.id());
            Outcome again = db.runAndRollback(rendered.sql(), rendered.params(), e.isWrite(), snapshots);
            if (!again.succeeded()) {
                report.renderedFails.put(e.id(), rendered.sql() + "  -- " + firstLine(again.error()));
                continue;
            }
            String diff = original.rowDifference(again, e.ordered());
            for (String table : snapshots.keySet()) {
                if (diff == null) {
                    diff = original.tableDifference(table, again, table);
                }
            }
            String labels = original.resultDifference(again, e.ordered());
            if (diff != null) {
                report.changed.put(e.id(), rendered.sql() + "  -- " + diff);
            } else if (labels != null) {
                report.labelsChanged.put(e.id(), rendered.sql() + "  -- " + labels);
            } else {
                report.same++;
            }
        }
        return report;
    }

    /**
     * Per candidate, the best over rounds of the mean time of one parse, and of one parse plus render, in
     * microseconds. Candidates take turns within every round, so load from elsewhere falls on all of them, and
     * the best round is the one least disturbed by it.
     */
    private static double[][] timeInterleaved(List<ParserCandidate> candidates, List<String> sqls) throws Exception {
        double[][] result = new double[candidates.size()][2];
        if (sqls.isEmpty()) {
            return result;
        }
        List<ParseCall> calls = new ArrayList<>();
        for (ParserCandidate c : candidates) {
            calls.add(c::parse);
            calls.add(sql -> c.roundTrip(sql, List.of()).sql());
        }
        long warmUntil = System.nanoTime() + 800_000_000L;
        while (System.nanoTime() < warmUntil) {
            for (ParseCall call : calls) {
                pass(sqls, call);
            }
        }
        int rounds = 7;
        double[][] samples = new double[calls.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < calls.size(); i++) {
                long start = System.nanoTime();
                pass(sqls, calls.get(i));
                samples[i][r] = (System.nanoTime() - start) / 1000.0 / sqls.size();
            }
        }
        for (int i = 0; i < calls.size(); i++) {
            Arrays.sort(samples[i]);
            result[i / 2][i % 2] = samples[i][0];
        }
        return result;
    }

    private static void pass(List<String> sqls, ParseCall call) throws Exception {
        int h = 0;
        for (String sql : sqls) {
            h += System.identityHashCode(call.apply(sql));
        }
        sink += h;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static String firstLine(String s) {
        String line = s.lines().findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }

    @FunctionalInterface
    private interface ParseCall {
        Object apply(String sql) throws Exception;
    }
}
