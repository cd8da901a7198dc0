package io.tipdata.jdbc.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.RefusedStatementException;
import io.tipdata.jdbc.internal.rewrite.IsolationViolationException;
import io.tipdata.jdbc.internal.rewrite.SqlRewriter;
import io.tipdata.jdbc.internal.rewrite.TableColumns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Differential fuzzing of the rewrite against its independent check: every generated statement must be either
 * refused by the rewriter (TD001) or rewritten into a form the verifier accepts. A statement the rewriter
 * accepts but the verifier rejects would trip the kill switch at runtime, so each one is a finding.
 *
 * <p>Deterministic: {@code -Dtip.fuzz.seed=<n>} picks another seed, {@code -Dtip.fuzz.count=<n>} the number of
 * statements per dialect (default {@value #DEFAULT_COUNT}). Findings go to {@code target/rewrite-fuzz.md}.
 */
class RewriteFuzzTest {

    private static final int DEFAULT_COUNT = 1500;
    private static final String SHADOW = "tip_shadow";

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everyStatementIsRefusedOrVerified(Dialect dialect) throws Exception {
        long seed = Long.getLong("tip.fuzz.seed", 20261126L);
        int count = Integer.getInteger("tip.fuzz.count", DEFAULT_COUNT);
        List<String> corpus = Corpus.forDialect(dialect).stream().map(CorpusEntry::sql).toList();
        StatementFuzzer fuzzer = new StatementFuzzer(dialect, seed + dialect.ordinal(), corpus);
        SqlRewriter rewriter = SqlRewriter.create(CorpusDatabase.policies(), TableColumns.of(StatementFuzzer.COLUMNS),
                SHADOW, dialect, 64);
        int refused = 0;
        int rewritten = 0;
        Map<String, String> findings = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            String sql = fuzzer.next();
            long t0 = System.nanoTime();
            try {
                rewriter.rewrite(sql);
                rewritten++;
            } catch (IsolationViolationException e) {
                findings.merge(e.getMessage(), sql, (a, b) -> a.length() <= b.length() ? a : b);
            } catch (RefusedStatementException e) {
                refused++;
            } finally {
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (ms > 2000) {
                    System.out.println("SLOW " + ms + " ms: " + sql);
                }
            }
        }
        report(dialect, count, refused, rewritten, findings);
        assertThat(rewritten).as("statements rewritten").isGreaterThan(count / 10);
        assertThat(refused).as("statements refused").isGreaterThan(count / 10);
        assertThat(findings).as("statements the rewriter accepted but the verifier rejected (shortest per reason)")
                .isEmpty();
    }

    private static void report(Dialect dialect, int count, int refused, int rewritten, Map<String, String> findings)
            throws Exception {
        StringBuilder b = new StringBuilder("## " + dialect + ": " + count + " statements, " + rewritten
                + " rewritten, " + refused + " refused, " + findings.size() + " verifier rejections\n\n");
        findings.forEach((why, sql) -> b.append("- ").append(why).append("\n\n    ").append(sql.replace("\n", "\n    "))
                .append("\n\n"));
        System.out.println(b);
        Path out = Path.of("target", "rewrite-fuzz-" + dialect.name().toLowerCase() + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, b.toString(), StandardCharsets.UTF_8);
    }
}
