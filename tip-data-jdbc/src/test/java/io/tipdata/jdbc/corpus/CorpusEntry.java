package io.tipdata.jdbc.corpus;

import io.tipdata.jdbc.Dialect;

import java.util.List;
import java.util.Set;

/**
 * One corpus statement: its id, the databases it runs on, the SQL as written, whether its row order is
 * fully determined, and its bind values.
 */
record CorpusEntry(String id, Set<Dialect> dialects, String sql, boolean ordered, List<Object> params) {

    /** Whether the statement may change data (anything that does not start as a plain query). */
    boolean isWrite() {
        String head = Corpus.stripLeadingComments(sql).toUpperCase(java.util.Locale.ROOT);
        if (head.startsWith("SELECT") || head.startsWith("VALUES")) {
            return false;
        }
        if (head.startsWith("WITH")) {
            return head.matches("(?s).*\\b(INSERT|UPDATE|DELETE|MERGE)\\b.*");
        }
        return true;
    }

    @Override
    public String toString() {
        return id;
    }
}
