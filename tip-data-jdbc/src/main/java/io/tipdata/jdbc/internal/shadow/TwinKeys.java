package io.tipdata.jdbc.internal.shadow;

import io.tipdata.jdbc.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements that add and drop a twin's primary and unique keys, as the drift check proposes them and the
 * updater runs them: one statement each, which the dialect runs as written. A key is added in its twin form
 * ({@code tip_run} first on PostgreSQL, last elsewhere, as {@link TwinStatements} creates it). A unique key is
 * dropped as what it is: on PostgreSQL and H2 a constraint (found by its index) or a plain unique index.
 */
final class TwinKeys {

    private static final String RUN = ShadowTwinCreator.RUN_COLUMN;

    private final Connection connection;
    private final SchemaReader reader;

    TwinKeys(Connection connection, SchemaReader reader) {
        this.connection = connection;
        this.reader = reader;
    }

    /** {@code ALTER TABLE twin ADD PRIMARY KEY|UNIQUE (...)} with {@code tip_run} in its place. */
    String add(String shadow, String table, KeyShape key) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < key.columns().size(); i++) {
            parts.add(key.part(reader.quote(key.columns().get(i)), i));
        }
        if (reader.dialect() == Dialect.POSTGRESQL) {
            parts.add(0, RUN);
        } else {
            parts.add(RUN);
        }
        return "ALTER TABLE " + reader.qualified(shadow, table) + " ADD " + (key.primary() ? "PRIMARY KEY" : "UNIQUE")
                + " (" + String.join(", ", parts) + ")";
    }

    /** The statement that drops that key of the twin. */
    String drop(String shadow, String table, KeyShape key) throws SQLException {
        String twin = reader.qualified(shadow, table);
        Dialect d = reader.dialect();
        if (key.primary()) {
            return d == Dialect.POSTGRESQL ? "ALTER TABLE " + twin + " DROP CONSTRAINT " + reader.quote(key.name())
                    : "ALTER TABLE " + twin + " DROP PRIMARY KEY";
        }
        if (d == Dialect.MARIADB) {
            return "ALTER TABLE " + twin + " DROP INDEX " + reader.quote(key.name());
        }
        String constraint = constraintOf(shadow, key.name());
        return constraint != null ? "ALTER TABLE " + twin + " DROP CONSTRAINT " + reader.quote(constraint)
                : "DROP INDEX " + reader.qualified(shadow, key.name());
    }

    /** The constraint whose index that is, or {@code null} for an index of its own. */
    private String constraintOf(String shadow, String index) throws SQLException {
        String sql = reader.dialect() == Dialect.POSTGRESQL
                ? "SELECT c.conname FROM pg_constraint c JOIN pg_class i ON i.oid = c.conindid"
                        + " JOIN pg_namespace n ON n.oid = i.relnamespace WHERE n.nspname = ? AND i.relname = ?"
                        + " AND c.contype IN ('u', 'p')"
                : "SELECT constraint_name FROM information_schema.table_constraints WHERE table_schema = ?"
                        + " AND index_name = ?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, shadow);
            ps.setString(2, index);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
