package io.tipdata.jdbc.internal.shadow;

import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TablePolicy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The production tables that need a twin: those declared isolated by exact name, and those of the default
 * schema whose name matches an isolated pattern (an exact name of another policy wins over a pattern).
 *
 * @param schema  the production (default) schema as the database spells it
 * @param present the isolated tables that exist, as the database spells them
 * @param missing the tables declared isolated by exact name that do not exist, lower-cased
 */
record IsolatedTables(String schema, List<String> present, List<String> missing) {

    /** Resolves the policies against the tables of the connection's default schema. */
    static IsolatedTables resolve(SchemaReader reader, TablePolicies policies, String shadowSchema)
            throws SQLException {
        String schema = reader.defaultSchema();
        if (schema.equalsIgnoreCase(shadowSchema)) {
            throw new SQLException("the shadow schema '" + shadowSchema + "' is the connection's default schema;"
                    + " connect to the production schema, or choose another shadow schema");
        }
        Map<String, String> tables = reader.tables(schema);
        Set<String> present = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, TablePolicy> e : policies.exactNames().entrySet()) {
            if (e.getValue() != TablePolicy.ISOLATED) {
                continue;
            }
            String actual = tables.get(e.getKey());
            if (actual == null) {
                missing.add(e.getKey());
            } else {
                present.add(actual);
            }
        }
        if (!policies.patterns().isEmpty()) {
            for (Map.Entry<String, String> t : tables.entrySet()) {
                if (policies.policyOf(t.getKey()) == TablePolicy.ISOLATED) {
                    present.add(t.getValue());
                }
            }
        }
        return new IsolatedTables(schema, List.copyOf(present), List.copyOf(missing));
    }
}
