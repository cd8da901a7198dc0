package io.tipdata.jdbc.internal;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TablePolicy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
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
        Set<String> found = new HashSet<>();
        switch (dialect) {
            case POSTGRESQL -> postgres(c, policies, schema, found);
            case H2 -> fromDefaults(c, "SELECT TABLE_NAME, COLUMN_DEFAULT FROM INFORMATION_SCHEMA.COLUMNS WHERE"
                    + " TABLE_SCHEMA = ? AND COLUMN_DEFAULT IS NOT NULL", policies, schema, H2_DEFAULT, "\"\"", "\"",
                    found);
            case MARIADB -> fromDefaults(c, "SELECT TABLE_NAME, COLUMN_DEFAULT FROM information_schema.COLUMNS WHERE"
                    + " TABLE_SCHEMA = ? AND COLUMN_DEFAULT IS NOT NULL", policies, schema, MARIADB_DEFAULT, "``", "`",
                    found);
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

    /**
     * The sequences of serial and identity columns of the schema's ISOLATED tables, and those any of their column
     * defaults calls.
     */
    private static void postgres(Connection c, TablePolicies policies, String schema, Set<String> found)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT t.relname, n.nspname, s.relname FROM pg_class t"
                + " JOIN pg_namespace tn ON tn.oid = t.relnamespace"
                + " JOIN (SELECT ad.adrelid AS rel, d.refobjid AS seq FROM pg_attrdef ad JOIN pg_depend d"
                + " ON d.classid = 'pg_attrdef'::regclass AND d.objid = ad.oid"
                + " UNION SELECT d.refobjid, d.objid FROM pg_depend d WHERE d.classid = 'pg_class'::regclass"
                + " AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')) u ON u.rel = t.oid"
                + " JOIN pg_class s ON s.oid = u.seq AND s.relkind = 'S' JOIN pg_namespace n ON n.oid = s.relnamespace"
                + " WHERE tn.nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (policies.policyOf(rs.getString(1)) == TablePolicy.ISOLATED) {
                        found.add(schema.equals(rs.getString(2)) ? rs.getString(3)
                                : rs.getString(2) + "." + rs.getString(3));
                    }
                }
            }
        }
    }

    private static void fromDefaults(Connection c, String sql, TablePolicies policies, String schema, Pattern pattern,
                                     String doubled, String single, Set<String> found) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (policies.policyOf(rs.getString(1)) != TablePolicy.ISOLATED) {
                        continue;
                    }
                    Matcher m = pattern.matcher(rs.getString(2));
                    while (m.find()) {
                        String s = m.group(1).replace(doubled, single);
                        String n = m.group(2).replace(doubled, single);
                        found.add(s.equals(schema) ? n : s + "." + n);
                    }
                }
            }
        }
    }

    /**
     * PostgreSQL: the names (as stored) of the production schema's tables, views and foreign tables, each of which is
     * also a row type a cast can name; empty elsewhere.
     */
    static Set<String> rowTypes(Connection c, Dialect dialect, String schema) throws SQLException {
        if (dialect != Dialect.POSTGRESQL) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT c.relname FROM pg_class c JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f')")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return Set.copyOf(out);
    }
}
