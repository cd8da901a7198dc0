package io.tipdata.jdbc.internal.rewrite;

import io.tipdata.jdbc.Dialect;
import java.util.List;

/** The common table expressions visible at a point of a statement, innermost first. */
final class CteScope {

    static final CteScope EMPTY = new CteScope(null, List.of());

    private final CteScope parent;
    private final List<String> storedNames;

    private CteScope(CteScope parent, List<String> storedNames) {
        this.parent = parent;
        this.storedNames = storedNames;
    }

    CteScope with(List<String> stored) {
        return stored.isEmpty() ? this : new CteScope(this, List.copyOf(stored));
    }

    /**
     * Tells whether the unqualified name refers to a visible CTE. A name that equals a CTE name only
     * when case is ignored is refused in MariaDB, where the server's answer depends on its settings.
     */
    boolean refersToCte(String raw, TableNames names) {
        String stored = names.stored(raw);
        for (CteScope s = this; s != null; s = s.parent) {
            for (String n : s.storedNames) {
                if (n.equals(stored)) {
                    return true;
                }
                if (names.dialect() == Dialect.MARIADB && n.equalsIgnoreCase(stored)) {
                    throw new Refusal("table '" + TableNames.unquote(raw) + "' differs from the common table expression '"
                            + n + "' only in case, so whether it names the CTE depends on server settings;"
                            + " write it exactly as the CTE is named, or rename the CTE");
                }
            }
        }
        return false;
    }
}
