package io.tipdata.jdbc.internal;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TablePolicy;
import io.tipdata.jdbc.internal.shadow.SchemaReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads which sequences the columns of the ISOLATED tables of the production schema take their ids from: on
 * PostgreSQL the sequences of serial and identity columns and those a column default calls, on H2 and MariaDB those
 * a column default draws from ({@code NEXT VALUE FOR}, {@code nextval(...)}). A sequence of the production schema
 * is given by its name as stored, one elsewhere as {@code schema.name}. Also reads all sequences of the production
 * schema, which H2 needs to resolve a name given as a string.
 */
final class SequenceCatalog {

    /** H2's rendering of a default drawing from a sequence. */
    private static final Pattern H2_DEFAULT = Pattern.compile("NEXT VALUE FOR \"((?:[^\"]|\"\")+)\"\\.\"((?:[^\"]|\"\")+)\"");
    /** MariaDB's rendering of a default drawing from a sequence. */
    private static final Pattern MARIADB_DEFAULT = Pattern.compile(
            "(?i)nextval\\(`((?:[^`]|``)+)`\\.`((?:[^`]|``)+)`\\)");

    record Found(Set<String> behindIsolated, Set<String> existing) {
    }

    private SequenceCatalog() {
    }

    static Found load(Connection c, TablePolicies policies, Dialect dialect, String schema) throws SQLException {
        SchemaReader reader = new SchemaReader(c, dialect);
        Set<String> found = new HashSet<>();
        for (Map.Entry<String, String> table : reader.tables(schema).entrySet()) {
            if (policies.policyOf(table.getKey()) != TablePolicy.ISOLATED) {
                continue;
            }
            switch (dialect) {
                case POSTGRESQL -> postgres(c, reader.qualified(schema, table.getValue()), schema, found);
                case H2 -> fromDefaults(c, "SELECT COLUMN_DEFAULT FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ?"
                        + " AND TABLE_NAME = ? AND COLUMN_DEFAULT IS NOT NULL", schema, table.getValue(), H2_DEFAULT,
                        "\"\"", "\"", found);
                case MARIADB -> fromDefaults(c, "SELECT COLUMN_DEFAULT FROM information_schema.COLUMNS WHERE"
                        + " TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COLUMN_DEFAULT IS NOT NULL", schema,
                        table.getValue(), MARIADB_DEFAULT, "``", "`", found);
            }
        }
        Set<String> existing = new HashSet<>();
        String all = switch (dialect) {
            case POSTGRESQL -> "SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = ?";
            case H2 -> "SELECT SEQUENCE_NAME FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = ?";
            case MARIADB -> "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?"
                    + " AND TABLE_TYPE = 'SEQUENCE'";
        };
        try (PreparedStatement ps = c.prepareStatement(all)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    existing.add(rs.getString(1));
                }
            }
        }
        return new Found(Set.copyOf(found), Set.copyOf(existing));
    }

    /** The sequences of serial and identity columns, and those any column default calls. */
    private static void postgres(Connection c, String qualifiedTable, String schema, Set<String> found)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT n.nspname, s.relname FROM pg_class s JOIN pg_namespace n"
                + " ON n.oid = s.relnamespace WHERE s.relkind = 'S' AND s.oid IN ("
                + " SELECT d.refobjid FROM pg_attrdef ad JOIN pg_depend d ON d.classid = 'pg_attrdef'::regclass"
                + " AND d.objid = ad.oid WHERE ad.adrelid = ?::regclass"
                + " UNION SELECT d.objid FROM pg_depend d WHERE d.classid = 'pg_class'::regclass"
                + " AND d.refclassid = 'pg_class'::regclass AND d.refobjid = ?::regclass AND d.deptype IN ('a', 'i'))")) {
            ps.setString(1, qualifiedTable);
            ps.setString(2, qualifiedTable);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(schema.equals(rs.getString(1)) ? rs.getString(2) : rs.getString(1) + "." + rs.getString(2));
                }
            }
        }
    }

    private static void fromDefaults(Connection c, String sql, String schema, String table, Pattern pattern,
                                     String doubled, String single, Set<String> found) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Matcher m = pattern.matcher(rs.getString(1));
                    while (m.find()) {
                        String s = m.group(1).replace(doubled, single);
                        String n = m.group(2).replace(doubled, single);
                        found.add(s.equals(schema) ? n : s + "." + n);
                    }
                }
            }
        }
    }
}
