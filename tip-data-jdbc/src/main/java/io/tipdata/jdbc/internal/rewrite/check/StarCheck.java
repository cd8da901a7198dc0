package io.tipdata.jdbc.internal.rewrite.check;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * The verifier's check of stars: no {@code *} or {@code q.*} of a rendered statement may reach the columns of a
 * shadow twin, whose {@code tip_run} the application must never see. Used by {@link QueryCheck} only.
 */
final class StarCheck {

    private final UnaryOperator<String> key;
    private final Predicate<Table> isTwin;
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Object> placed = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean anyTwin;

    /** A check comparing names by {@code key} (as the database resolves them) and knowing twins by {@code isTwin}. */
    StarCheck(UnaryOperator<String> key, Predicate<Table> isTwin) {
        this.key = key;
        this.isTwin = isTwin;
    }

    void twinSeen() {
        anyTwin = true;
    }

    /** Notes a {@code q.*} met anywhere in the statement. */
    void met(AllTableColumns star) {
        seen.add(star);
    }

    /** Rejects {@code *} over a FROM list holding a twin, and {@code q.*} naming a twin of the list. */
    void check(List<? extends SelectItem<?>> items, List<FromItem> from) {
        if (items == null) {
            return;
        }
        for (SelectItem<?> item : items) {
            if (item.getExpression() instanceof AllTableColumns star) {
                FromItem named = named(star.getTable(), from);
                if (named instanceof Table t && isTwin.test(t)) {
                    QueryCheck.fail(star + " selects every column of shadow twin " + t + ", tip_run included");
                }
                if (named != null) {
                    placed.add(star);
                }
            } else if (item.getExpression() instanceof AllColumns
                    && from.stream().anyMatch(f -> f instanceof Table t && isTwin.test(t))) {
                QueryCheck.fail("* selects every column of a shadow twin, tip_run included");
            }
        }
    }

    /** Rejects, in a statement over twins, a {@code q.*} that is no select or RETURNING item of its own FROM list. */
    void checkLeftovers() {
        for (Object star : seen) {
            if (anyTwin && !placed.contains(star)) {
                QueryCheck.fail(star + " is inside an expression or names no item of its own FROM list, in a"
                        + " statement over shadow twins");
            }
        }
    }

    private FromItem named(Table qualifier, List<FromItem> from) {
        if (qualifier.getSchemaName() != null || qualifier.getName() == null) {
            return null;
        }
        FromItem named = null;
        for (FromItem f : from) {
            String name = f.getAlias() != null ? f.getAlias().getName() : f instanceof Table t ? t.getName() : null;
            if (name != null && key.apply(name).equals(key.apply(qualifier.getName()))) {
                named = f;
            }
        }
        return named;
    }
}
