package io.tipdata.jdbc.internal.shadow;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a twin's generated ids come from, so that a test row never gets an id a production row has or will
 * get. PostgreSQL: every identity or serial column of the twin draws from the production column's sequence
 * (production ids get gaps, never duplicates). H2 and MariaDB: the twin's identity starts at the middle of
 * the column type's range ({@value #RANGE_NOTE}), which production, counting up from 1, cannot reach before
 * it has used half of its ids.
 */
final class TwinIds {

    static final String RANGE_NOTE = "2^62 for BIGINT, 2^30 for INT, 2^22 for MEDIUMINT, 2^14 for SMALLINT,"
            + " 2^6 for TINYINT, twice that for UNSIGNED";

    private TwinIds() {
    }

    /** The first id of a twin's identity column of that type, or {@code null} for a type without a known range. */
    static BigInteger testRangeStart(ColumnShape column) {
        String type = column.typeName().toUpperCase(Locale.ROOT);
        int bits;
        if (type.startsWith("BIGINT") || column.dataType() == Types.BIGINT) {
            bits = 62;
        } else if (type.startsWith("MEDIUMINT")) {
            bits = 22;
        } else if (type.startsWith("INT") || column.dataType() == Types.INTEGER) {
            bits = 30;
        } else if (type.startsWith("SMALLINT") || column.dataType() == Types.SMALLINT) {
            bits = 14;
        } else if (type.startsWith("TINYINT") || column.dataType() == Types.TINYINT) {
            bits = 6;
        } else {
            return null;
        }
        return BigInteger.ONE.shiftLeft(type.contains("UNSIGNED") ? bits + 1 : bits);
    }

    /** The generated-id columns of the production table, in order. */
    static List<ColumnShape> generated(SchemaReader reader, String schema, String table) throws SQLException {
        return reader.columns(schema, table).values().stream().filter(ColumnShape::autoIncrement).toList();
    }

    /**
     * PostgreSQL: for each identity column of the production table, the statement that makes the twin's
     * column (created without identity) draw from the production sequence. Serial columns keep their copied
     * {@code nextval} default, which already does.
     */
    static List<String> postgresDefaults(Connection connection, SchemaReader reader, String schema, String shadow,
            String table) throws SQLException {
        List<String> ddl = new ArrayList<>();
        String production = reader.qualified(schema, table);
        try (PreparedStatement ps = connection.prepareStatement("SELECT a.attname, pg_get_serial_sequence(?, a.attname)"
                + " FROM pg_attribute a WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped"
                + " AND a.attidentity <> '' ORDER BY a.attnum")) {
            ps.setString(1, production);
            ps.setString(2, production);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ddl.add("ALTER TABLE " + reader.qualified(shadow, table) + " ALTER COLUMN "
                            + reader.quote(rs.getString(1)) + " SET DEFAULT nextval('"
                            + rs.getString(2).replace("'", "''") + "'::regclass)");
                }
            }
        }
        return ddl;
    }
}
