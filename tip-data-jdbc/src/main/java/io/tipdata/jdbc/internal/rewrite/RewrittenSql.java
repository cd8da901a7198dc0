package io.tipdata.jdbc.internal.rewrite;

import io.tipdata.core.TestRun;

/**
 * A statement rewritten for test context, waiting for its run id.
 *
 * <p>The rewritten text is kept as the fragments between the places where the run literal goes, so
 * {@link #sqlFor(String)} only joins strings; the last result is remembered, so a run that repeats a
 * statement gets the same {@code String} back without allocating.
 */
public final class RewrittenSql {

    private final String[] parts;
    private final StatementKind kind;
    private final java.util.List<String> tables;
    private final int fixedLength;
    private volatile ForRun last;

    private record ForRun(String runId, String sql) {
    }

    RewrittenSql(String[] parts, StatementKind kind) {
        this(parts, kind, java.util.List.of());
    }

    RewrittenSql(String[] parts, StatementKind kind, java.util.List<String> tables) {
        this.parts = parts.clone();
        this.kind = kind;
        this.tables = java.util.List.copyOf(tables);
        int len = 0;
        for (String p : parts) {
            len += p.length();
        }
        this.fixedLength = len;
    }

    /** The SQL to send for that run; the run id is validated and placed as a string literal. */
    public String sqlFor(String runId) {
        ForRun cached = last;
        if (cached != null && cached.runId.equals(runId)) {
            return cached.sql;
        }
        TestRun.requireValidRunId(runId);
        String sql;
        if (parts.length == 1) {
            sql = parts[0];
        } else {
            StringBuilder b = new StringBuilder(fixedLength + (parts.length - 1) * (runId.length() + 2));
            b.append(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                b.append('\'').append(runId).append('\'').append(parts[i]);
            }
            sql = b.toString();
        }
        last = new ForRun(runId, sql);
        return sql;
    }

    /** This statement with text before and after it (which carries no run literal). */
    RewrittenSql within(String before, String after) {
        String[] wrapped = parts.clone();
        wrapped[0] = before + wrapped[0];
        wrapped[wrapped.length - 1] = wrapped[wrapped.length - 1] + after;
        return new RewrittenSql(wrapped, kind, tables);
    }

    /** What the statement does. */
    public StatementKind kind() {
        return kind;
    }

    /** The tables the original statement names (lower-cased, unqualified, each once, in order of appearance). */
    public java.util.List<String> tables() {
        return tables;
    }

    /** How many run literals the statement carries (one per partition filter or stamped row). */
    public int runLiteralCount() {
        return parts.length - 1;
    }

    @Override
    public String toString() {
        return "RewrittenSql[" + kind + ", " + (parts.length - 1) + " run literals]";
    }
}
