package io.tipdata.jdbc.internal.shadow;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.TablePolicies;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The shadow twins of the isolated tables that exist, for the purge and the audit. */
public final class ShadowTwins {

    private ShadowTwins() {
    }

    /**
     * The twins that exist, each as the quoted {@code shadow.table} the database resolves exactly; an empty
     * list when the shadow schema does not exist.
     */
    public static List<String> existing(Connection c, Dialect dialect, TablePolicies policies, String shadowSchema)
            throws SQLException {
        SchemaReader reader = new SchemaReader(c, dialect);
        IsolatedTables isolated = IsolatedTables.resolve(reader, policies, shadowSchema);
        String shadow = reader.findSchema(shadowSchema);
        List<String> out = new ArrayList<>();
        if (shadow == null) {
            return out;
        }
        Map<String, String> twins = reader.tables(shadow);
        for (String table : isolated.present()) {
            String twin = twins.get(table.toLowerCase(Locale.ROOT));
            if (twin != null) {
                out.add(reader.qualified(shadow, twin));
            }
        }
        return out;
    }

    /** The column that holds the run id in every twin. */
    public static String runColumn() {
        return ShadowTwinCreator.RUN_COLUMN;
    }
}
