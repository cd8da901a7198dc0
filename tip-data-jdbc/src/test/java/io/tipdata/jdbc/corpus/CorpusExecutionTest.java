package io.tipdata.jdbc.corpus;

import io.tipdata.jdbc.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every corpus statement executes as written on each database it is meant for; that keeps the corpus real. */
class CorpusExecutionTest {

    @Test
    void corpusIsLargeAndCoversEveryDatabase() {
        List<CorpusEntry> all = Corpus.all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(150);
        for (Dialect d : Dialect.values()) {
            assertThat(Corpus.forDialect(d)).as(d.name()).hasSizeGreaterThanOrEqualTo(100);
        }
        assertThat(all).filteredOn(CorpusEntry::isWrite).hasSizeGreaterThanOrEqualTo(50);
    }

    @Test
    void everyStatementExecutesOnH2() throws Exception {
        assertAllExecute(Dialect.H2);
    }

    @Test
    @EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
    void everyStatementExecutesOnPostgresql() throws Exception {
        assertAllExecute(Dialect.POSTGRESQL);
    }

    @Test
    @EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
    void everyStatementExecutesOnMariadb() throws Exception {
        assertAllExecute(Dialect.MARIADB);
    }

    private static void assertAllExecute(Dialect dialect) throws Exception {
        List<String> failures = new ArrayList<>();
        try (CorpusDatabase db = CorpusDatabase.open(dialect)) {
            for (CorpusEntry e : Corpus.forDialect(dialect)) {
                Outcome o = db.runAndRollback(e.sql(), e.params(), e.isWrite(), Map.of());
                if (!o.succeeded()) {
                    failures.add(e.id() + ": " + o.error());
                } else if (e.isWrite() == o.updateCount() < 0 && !e.sql().toUpperCase().contains("RETURNING")
                        && !e.sql().toUpperCase().startsWith("WITH")) {
                    failures.add(e.id() + ": classified as " + (e.isWrite() ? "write" : "query")
                            + " but returned " + (o.updateCount() < 0 ? "rows" : "an update count"));
                }
            }
        }
        assertThat(failures).as("corpus statements that do not execute on " + dialect).isEmpty();
    }
}
