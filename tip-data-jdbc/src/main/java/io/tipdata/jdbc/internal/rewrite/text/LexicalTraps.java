package io.tipdata.jdbc.internal.rewrite.text;

import io.tipdata.jdbc.internal.rewrite.Refusal;

import io.tipdata.jdbc.Dialect;
import java.util.Locale;

/**
 * Text that the database reads differently from tip-data's parser, refused before parsing: what the parser
 * takes for a comment or for the end of a literal must be the same for the database.
 *
 * <ul>
 *   <li>MariaDB runs {@code /*! ... *}{@code /} and {@code /*M! ... *}{@code /}; the parser drops them.</li>
 *   <li>MariaDB reads {@code --} as a comment only when whitespace follows ({@code 5--1} is {@code 5 - -1});
 *       the parser always reads a comment.</li>
 *   <li>MariaDB (in {@code '...'} and {@code "..."}) and PostgreSQL (in {@code E'...'}) read backslash
 *       escapes; the parser does not, so {@code \'} ends the literal for the parser only. A doubled
 *       backslash is read alike by both and is allowed.</li>
 * </ul>
 */
public final class LexicalTraps {

    private LexicalTraps() {
    }

    /** Throws a {@link Refusal} naming the first trap in the text, if any. */
    public static void check(String sql, Dialect dialect) {
        if (dialect == Dialect.MARIADB && (sql.contains("/*!") || sql.toUpperCase(Locale.ROOT).contains("/*M!"))) {
            throw new Refusal("the statement holds a MariaDB executable comment (/*! ... */ or /*M! ... */): MariaDB runs"
                    + " its content as SQL, but tip-data's parser reads it as a comment and would drop it, changing the"
                    + " statement's meaning; write its content as plain SQL (or pass a string holding /*! as a ? parameter)");
        }
        int len = sql.length();
        for (int i = 0; i < len; i++) {
            char c = sql.charAt(i);
            if (dialect == Dialect.MARIADB && c == '-' && i + 1 < len && sql.charAt(i + 1) == '-'
                    && i + 2 < len && !Character.isWhitespace(sql.charAt(i + 2)) && !Character.isISOControl(sql.charAt(i + 2))) {
                throw new Refusal("'--" + sql.charAt(i + 2) + "' is two minus signs for MariaDB (a comment needs a space"
                        + " after --), but a comment for tip-data's parser, which would drop the rest of the line;"
                        + " write '- -' or put a space after --");
            }
            int end = SqlText.endOfNonCode(sql, i);
            if (end < 0) {
                continue;
            }
            if ((c == '\'' || c == '"') && readsEscapes(sql, i, dialect)
                    && !SqlText.backslashesPaired(sql.substring(i + 1, Math.min(end, len)))) {
                throw new Refusal("a " + (c == '"' ? "double-quoted" : "string") + " literal holds a backslash escape,"
                        + " which " + dialect + " reads as an escape and tip-data's parser does not (they would disagree"
                        + " on where the literal ends); pass the value as a ? parameter (a doubled backslash \\\\ is fine)");
            }
            i = end;
        }
    }

    private static boolean readsEscapes(String sql, int quote, Dialect dialect) {
        if (dialect == Dialect.MARIADB) {
            return true;
        }
        return dialect == Dialect.POSTGRESQL && sql.charAt(quote) == '\'' && quote > 0
                && Character.toUpperCase(sql.charAt(quote - 1)) == 'E'
                && (quote == 1 || !Character.isLetterOrDigit(sql.charAt(quote - 2)) && sql.charAt(quote - 2) != '_');
    }
}
