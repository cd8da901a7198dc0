package io.tipdata.jdbc.internal.rewrite.text;

import io.tipdata.jdbc.Dialect;
import java.util.regex.Pattern;

/** What to write instead of a known form tip-data's parser cannot read, for the message of the refusal. */
public final class UnreadableForms {

    private static final Pattern H2_MERGE_KEY =
            Pattern.compile("(?is)\\s*MERGE\\s+INTO\\s+[^\\s(]+\\s*(\\([^)]*\\)\\s*)?KEY\\s*\\(.*");
    private static final Pattern LOCK_IN_SHARE_MODE = Pattern.compile("(?is).*\\bLOCK\\s+IN\\s+SHARE\\s+MODE\\b.*");
    private static final Pattern JDBC_ESCAPE = Pattern.compile("(?s)\\s*\\{\\s*(\\?\\s*=\\s*)?call\\b.*",
            Pattern.CASE_INSENSITIVE);

    private UnreadableForms() {
    }

    /** A hint naming the form and what to write instead, or the general hint. */
    public static String hint(String sql, Dialect dialect) {
        if (dialect == Dialect.H2 && H2_MERGE_KEY.matcher(sql).matches()) {
            return "H2's MERGE INTO ... KEY (...) VALUES is not supported in test context; write MERGE INTO t USING"
                    + " (SELECT ...) s ON ... WHEN MATCHED THEN UPDATE ... WHEN NOT MATCHED THEN INSERT (columns) ...";
        }
        if (dialect == Dialect.MARIADB && LOCK_IN_SHARE_MODE.matcher(sql).matches()) {
            return "LOCK IN SHARE MODE is not supported in test context; use FOR UPDATE or drop the locking clause";
        }
        if (dialect == Dialect.MARIADB && hasHashComment(sql)) {
            return "MariaDB's # comments are not supported in test context; write -- (followed by a space) or /* */";
        }
        if (JDBC_ESCAPE.matcher(sql).matches()) {
            return "JDBC call escapes ({call ...}) run stored procedures, which tip-data cannot isolate";
        }
        return "in test context tip-data refuses what it cannot read, including JDBC escapes such as {call ...}";
    }

    private static boolean hasHashComment(String sql) {
        for (int i = 0; i < sql.length(); i++) {
            int end = SqlText.endOfNonCode(sql, i);
            if (end >= 0) {
                i = end;
            } else if (sql.charAt(i) == '#') {
                return true;
            }
        }
        return false;
    }
}
