package io.tipdata.jdbc.internal.rewrite.text;

import io.tipdata.jdbc.internal.rewrite.Refusal;
import io.tipdata.jdbc.internal.rewrite.AstFields;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.statement.select.PlainSelect;

/**
 * A check of the text against its parse tree: every {@code SELECT} keyword of the text (outside string
 * literals, quoted identifiers and comments) must be a query of the tree, and the {@code TABLE}
 * keyword must not occur. The parser sometimes keeps part of an expression as raw text (for example
 * PostgreSQL JSON operators); a query hidden there would reach the database unchecked.
 */
public final class TextTripwire {

    private TextTripwire() {
    }

    /** Throws a {@link Refusal} if the text holds a query or table reference the tree does not show. */
    public static void check(String sql, Object tree) {
        int selects = 0;
        int len = sql.length();
        for (int i = 0; i < len; i++) {
            char c = sql.charAt(i);
            int skip = SqlText.endOfNonCode(sql, i);
            if (skip >= 0) {
                i = skip;
            } else if (isWordStart(c) && (i == 0 || !isWordPart(sql.charAt(i - 1)))) {
                int j = i;
                while (j < len && isWordPart(sql.charAt(j))) {
                    j++;
                }
                String word = sql.substring(i, j).toUpperCase(Locale.ROOT);
                if (word.equals("SELECT")) {
                    selects++;
                } else if (word.equals("TABLE")) {
                    throw new Refusal("the statement uses the TABLE keyword, which tip-data does not rewrite;"
                            + " write SELECT * FROM instead");
                }
                i = j - 1;
            }
        }
        int queries = countQueries(tree, Collections.newSetFromMap(new IdentityHashMap<>()));
        if (selects != queries) {
            throw new Refusal("the statement text holds " + selects + " SELECT keywords but the parser understood "
                    + queries + " queries; tip-data refuses what the parser may have misread");
        }
    }

    private static int countQueries(Object v, Set<Object> seen) {
        if (v instanceof Collection<?> c) {
            int n = 0;
            for (Object o : c) {
                n += countQueries(o, seen);
            }
            return n;
        }
        if (v instanceof Map<?, ?> m) {
            return countQueries(m.values(), seen);
        }
        if (v instanceof Object[] a) {
            return countQueries(java.util.Arrays.asList(a), seen);
        }
        if (v == null || !AstFields.isAstNode(v) || !seen.add(v)) {
            return 0;
        }
        int n = v instanceof PlainSelect ? 1 : 0;
        for (Object child : AstFields.children(v)) {
            n += countQueries(child, seen);
        }
        return n;
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
