package io.tipdata.jdbc.internal.rewrite.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MariaDB's {@code LOCK IN SHARE MODE} (what Hibernate writes for {@code PESSIMISTIC_READ}), which the parser does not
 * read: the clause ending a statement is cut off before parsing, and written back, in the one form {@link #CLAUSE},
 * after the rendering. It is recognized only as the last code of the text (not inside a literal or comment).
 */
public final class ShareModeLock {

    /** The clause as tip-data writes it after a rendering. */
    public static final String CLAUSE = " LOCK IN SHARE MODE";

    private static final Pattern TRAILING = Pattern.compile("(?i)\\s+LOCK\\s+IN\\s+SHARE\\s+MODE\\s*(;\\s*)?\\z");

    private ShareModeLock() {
    }

    /** Where the trailing clause starts in the text, or -1 if the text does not end with it as code. */
    public static int start(String sql) {
        Matcher m = TRAILING.matcher(sql);
        if (!m.find()) {
            return -1;
        }
        int at = m.start();
        for (int i = 0; i < at; i++) {
            int skip = SqlText.endOfNonCode(sql, i);
            if (skip >= at) {
                return -1;
            }
            if (skip >= 0) {
                i = skip;
            }
        }
        return at;
    }
}
