package io.tipdata.jdbc.internal.shadow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The table-level CHECK constraints of a table, name to clause as the database writes it. On MariaDB a
 * column-level check belongs to its column definition and is compared with it.
 */
final class CheckConstraints {

    private final Connection connection;
    private final SchemaReader reader;

    CheckConstraints(Connection connection, SchemaReader reader) {
        this.connection = connection;
        this.reader = reader;
    }

    /** Constraint name to its clause, such as {@code CHECK ((qty > 0))}. */
    Map<String, String> of(String schema, String table) throws SQLException {
        String sql = switch (reader.dialect()) {
            case POSTGRESQL -> "SELECT c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c"
                    + " JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace"
                    + " WHERE n.nspname = ? AND t.relname = ? AND c.contype = 'c' ORDER BY c.conname";
            case MARIADB -> "SELECT CONSTRAINT_NAME, CONCAT('CHECK (', CHECK_CLAUSE, ')') FROM"
                    + " information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ?"
                    + " AND LEVEL = 'Table' ORDER BY CONSTRAINT_NAME";
            case H2 -> "SELECT t.CONSTRAINT_NAME, CONCAT('CHECK (', c.CHECK_CLAUSE, ')') FROM"
                    + " INFORMATION_SCHEMA.TABLE_CONSTRAINTS t JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS c"
                    + " ON c.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA AND c.CONSTRAINT_NAME = t.CONSTRAINT_NAME"
                    + " WHERE t.TABLE_SCHEMA = ? AND t.TABLE_NAME = ? AND t.CONSTRAINT_TYPE = 'CHECK'"
                    + " ORDER BY t.CONSTRAINT_NAME";
        };
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    /** The statement that adds the check to the twin (under the production name where names are per table). */
    String add(String twin, String name, String clause) {
        return switch (reader.dialect()) {
            case H2 -> "ALTER TABLE " + twin + " ADD " + clause;
            case POSTGRESQL, MARIADB -> "ALTER TABLE " + twin + " ADD CONSTRAINT " + reader.quote(name) + " " + clause;
        };
    }

    /** The statement that drops the twin's check. */
    String drop(String twin, String name) {
        return "ALTER TABLE " + twin + " DROP CONSTRAINT " + reader.quote(name);
    }
}
