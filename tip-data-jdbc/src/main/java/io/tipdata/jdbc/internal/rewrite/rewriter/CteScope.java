package io.tipdata.jdbc.internal.rewrite.rewriter;

import io.tipdata.jdbc.internal.rewrite.Refusal;

import io.tipdata.jdbc.Dialect;
import java.util.List;
import java.util.Map;

/**
 * The common table expressions visible at a point of a statement, innermost first: each CTE's name as
 * the database stores it, with the generated name the rewrite gives it.
 */
final class CteScope {

    static final CteScope EMPTY = new CteScope(null, List.of());

    private final CteScope parent;
    private final List<Map.Entry<String, String>> names;

    private CteScope(CteScope parent, List<Map.Entry<String, String>> names) {
        this.parent = parent;
        this.names = names;
    }

    CteScope with(List<Map.Entry<String, String>> storedToGenerated) {
        return storedToGenerated.isEmpty() ? this : new CteScope(this, List.copyOf(storedToGenerated));
    }

    /**
     * The generated name of the visible CTE the unqualified name refers to, or null. A name that equals a CTE name only
     * when case is ignored is refused in MariaDB, where the server's answer depends on its settings.
     */
    String generatedNameOf(String raw, TableNames tableNames) {
        String stored = tableNames.stored(raw);
        for (CteScope s = this; s != null; s = s.parent) {
            for (int i = s.names.size() - 1; i >= 0; i--) {
                String n = s.names.get(i).getKey();
                if (n.equals(stored)) {
                    return s.names.get(i).getValue();
                }
                if (tableNames.dialect() == Dialect.MARIADB && n.equalsIgnoreCase(stored)) {
                    throw new Refusal("table '" + TableNames.unquote(raw) + "' differs from the common table expression '"
                            + n + "' only in case, so whether it names the CTE depends on server settings;"
                            + " write it exactly as the CTE is named, or rename the CTE");
                }
            }
        }
        return null;
    }
}
