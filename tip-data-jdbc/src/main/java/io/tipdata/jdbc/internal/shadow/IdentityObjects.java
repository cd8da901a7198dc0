package io.tipdata.jdbc.internal.shadow;

import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TablePolicy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the test identity may touch, as the database spells it: the twins (read and write) in the shadow
 * schema and the {@link TablePolicy#REFERENCE} tables (read) in the production schema.
 *
 * @param schema    the production schema (database on MariaDB)
 * @param shadow    the shadow schema as the database spells it, or {@code null} if it does not exist
 * @param twins     the existing twins of the isolated tables
 * @param reference the existing reference tables of the production schema
 */
record IdentityObjects(String schema, String shadow, List<String> twins, List<String> reference) {

    static IdentityObjects resolve(SchemaReader reader, TablePolicies policies, String shadowSchema)
            throws SQLException {
        IsolatedTables isolated = IsolatedTables.resolve(reader, policies, shadowSchema);
        String shadow = reader.findSchema(shadowSchema);
        List<String> twins = new ArrayList<>();
        if (shadow != null) {
            Map<String, String> existing = reader.tables(shadow);
            for (String table : isolated.present()) {
                String twin = existing.get(table.toLowerCase(Locale.ROOT));
                if (twin != null) {
                    twins.add(twin);
                }
            }
        }
        List<String> reference = new ArrayList<>();
        for (Map.Entry<String, String> t : reader.tables(isolated.schema()).entrySet()) {
            if (policies.policyOf(t.getKey()) == TablePolicy.REFERENCE) {
                reference.add(t.getValue());
            }
        }
        return new IdentityObjects(isolated.schema(), shadow, List.copyOf(twins), List.copyOf(reference));
    }

    /** Tells whether the table of that schema is a twin. */
    boolean isTwin(String tableSchema, String table) {
        return tableSchema.equals(shadow) && twins.contains(table);
    }

    /** Tells whether the table of that schema is a reference table. */
    boolean isReference(String tableSchema, String table) {
        return tableSchema.equals(schema) && reference.contains(table);
    }
}
