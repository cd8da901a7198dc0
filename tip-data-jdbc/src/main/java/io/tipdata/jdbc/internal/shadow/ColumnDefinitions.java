package io.tipdata.jdbc.internal.shadow;

import io.tipdata.jdbc.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of a table as the database itself writes their definitions, so that a fix or an update can
 * be sent as it is: PostgreSQL's {@code format_type} and {@code pg_get_expr}, MariaDB's
 * {@code information_schema.COLUMNS.COLUMN_TYPE}, H2's {@code SCRIPT}. JDBC metadata is not enough: it
 * reports PostgreSQL's {@code text} as {@code text(2147483647)}, which no database accepts.
 */
final class ColumnDefinitions {

    /**
     * One column.
     *
     * @param name       as the database spells it
     * @param type       the type as it is written in DDL
     * @param definition everything after the name in {@code ADD COLUMN}: type, default, generation, nullability
     * @param defaultSql the default expression, or {@code null}
     * @param notNull    whether the column refuses {@code NULL}
     */
    record Column(String name, String type, String definition, String defaultSql, boolean notNull) {
    }

    private final Connection connection;
    private final SchemaReader reader;

    ColumnDefinitions(Connection connection, SchemaReader reader) {
        this.connection = connection;
        this.reader = reader;
    }

    /** The columns of {@code schema.table}, in order, keyed by lower-cased name. */
    Map<String, Column> of(String schema, String table) throws SQLException {
        return switch (reader.dialect()) {
            case POSTGRESQL -> postgres(schema, table);
            case MARIADB -> mariadb(schema, table);
            case H2 -> h2(schema, table);
        };
    }

    private Map<String, Column> postgres(String schema, String table) throws SQLException {
        Map<String, Column> out = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT a.attname, format_type(a.atttypid, a.atttypmod),"
                + " pg_get_expr(d.adbin, d.adrelid), a.attnotnull, a.attidentity, a.attgenerated"
                + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    String type = rs.getString(2);
                    String expr = rs.getString(3);
                    boolean notNull = rs.getBoolean(4);
                    String identity = rs.getString(5);
                    String generated = rs.getString(6);
                    StringBuilder def = new StringBuilder(type);
                    String dflt = null;
                    if ("s".equals(generated) && expr != null) {
                        def.append(" GENERATED ALWAYS AS (").append(expr).append(") STORED");
                    } else if ("a".equals(identity) || "d".equals(identity)) {
                        def.append(" GENERATED ").append("a".equals(identity) ? "ALWAYS" : "BY DEFAULT")
                                .append(" AS IDENTITY");
                    } else if (expr != null) {
                        dflt = expr;
                        def.append(" DEFAULT ").append(expr);
                    }
                    if (notNull) {
                        def.append(" NOT NULL");
                    }
                    out.put(name.toLowerCase(Locale.ROOT), new Column(name, type, def.toString(), dflt, notNull));
                }
            }
        }
        return out;
    }

    private Map<String, Column> mariadb(String schema, String table) throws SQLException {
        Map<String, Column> out = new LinkedHashMap<>();
        Map<String, String> columnChecks = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM"
                + " information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ?"
                + " AND LEVEL = 'Column'")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columnChecks.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE,"
                + " COLUMN_DEFAULT, EXTRA, GENERATION_EXPRESSION, CHARACTER_SET_NAME, COLLATION_NAME"
                + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    String type = rs.getString(2);
                    boolean notNull = "NO".equalsIgnoreCase(rs.getString(3));
                    String dflt = rs.getString(4);
                    String extra = rs.getString(5) == null ? "" : rs.getString(5).toLowerCase(Locale.ROOT);
                    String generation = rs.getString(6);
                    StringBuilder def = new StringBuilder(type);
                    if (rs.getString(7) != null) {
                        def.append(" CHARACTER SET ").append(rs.getString(7)).append(" COLLATE ").append(rs.getString(8));
                    }
                    if (extra.contains("generated") && generation != null) {
                        def.append(" GENERATED ALWAYS AS (").append(generation).append(")")
                                .append(extra.contains("stored") ? " STORED" : " VIRTUAL");
                        dflt = null;
                    } else {
                        def.append(notNull ? " NOT NULL" : " NULL");
                        if (dflt != null && !dflt.equalsIgnoreCase("NULL")) {
                            def.append(" DEFAULT ").append(dflt);
                        } else {
                            dflt = null;
                        }
                        if (extra.contains("auto_increment")) {
                            def.append(" AUTO_INCREMENT");
                        }
                        int onUpdate = extra.indexOf("on update ");
                        if (onUpdate >= 0) {
                            def.append(" ON UPDATE ").append(rs.getString(5).substring(onUpdate + "on update ".length())
                                    .replaceAll("(?i)\\s*invisible.*", ""));
                        }
                    }
                    if (extra.contains("invisible")) {
                        def.append(" INVISIBLE");
                    }
                    if (columnChecks.containsKey(name)) {
                        def.append(" CHECK (").append(columnChecks.get(name)).append(")");
                    }
                    out.put(name.toLowerCase(Locale.ROOT), new Column(name, type, def.toString(), dflt, notNull));
                }
            }
        }
        return out;
    }

    /** H2 writes each column definition in its {@code SCRIPT}; the type is read from its information schema. */
    private Map<String, Column> h2(String schema, String table) throws SQLException {
        Map<String, String> definitions = new LinkedHashMap<>();
        String qualified = reader.qualified(schema, table);
        String header = "TABLE " + qualified + "(";
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SCRIPT NODATA NOPASSWORDS NOSETTINGS TABLE " + qualified)) {
            while (rs.next()) {
                String line = rs.getString(1);
                int at = line.indexOf(header);
                if (line.startsWith("CREATE ") && at >= 0 && definitions.isEmpty()) {
                    String body = line.substring(at + header.length(), line.lastIndexOf(')'));
                    for (String part : splitTopLevel(body)) {
                        String p = part.strip();
                        int end = p.indexOf('"', 1);
                        definitions.put(p.substring(1, end).replace("\"\"", "\""), p.substring(end + 1).strip());
                    }
                }
            }
        }
        Map<String, Column> out = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT COLUMN_NAME, COLUMN_DEFAULT, IS_NULLABLE"
                + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    String def = definitions.getOrDefault(name, "");
                    out.put(name.toLowerCase(Locale.ROOT), new Column(name, h2Type(def), def, rs.getString(2),
                            "NO".equalsIgnoreCase(rs.getString(3))));
                }
            }
        }
        return out;
    }

    /** The type at the start of an H2 column definition: up to the first top-level keyword that is not part of it. */
    private static String h2Type(String definition) {
        String upper = definition.toUpperCase(Locale.ROOT);
        int end = definition.length();
        for (String word : new String[] {" DEFAULT ", " GENERATED ", " NOT NULL", " NULL", " ON UPDATE ",
            " SELECTIVITY ", " INVISIBLE", " COMMENT "}) {
            int at = topLevelIndex(upper, word);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return definition.substring(0, end).strip();
    }

    private static int topLevelIndex(String s, String word) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && s.startsWith(word, i)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> splitTopLevel(String body) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean single = false;
        boolean dbl = false;
        int from = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            } else if (!single && !dbl && c == '(') {
                depth++;
            } else if (!single && !dbl && c == ')') {
                depth--;
            } else if (!single && !dbl && depth == 0 && c == ',') {
                parts.add(body.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(body.substring(from));
        return parts;
    }

    /** The statement that adds the production column to the twin. */
    String addColumn(String twin, Column c) {
        return "ALTER TABLE " + twin + " ADD COLUMN " + reader.quote(c.name()) + " " + c.definition();
    }

    /** The statements that give the twin's column the production column's type, default and nullability. */
    List<String> alterColumn(String twin, Column production, Column twinColumn) {
        if (reader.dialect() == Dialect.MARIADB) {
            return List.of(typeFix(twin, production));
        }
        List<String> out = new ArrayList<>();
        if (!production.type().equalsIgnoreCase(twinColumn.type())) {
            out.add(typeFix(twin, production));
        }
        if (!java.util.Objects.equals(production.defaultSql(), twinColumn.defaultSql())) {
            out.add(defaultFix(twin, production));
        }
        if (production.notNull() != twinColumn.notNull()) {
            out.add(nullFix(twin, production));
        }
        return out;
    }

    /** The statement that gives the twin's column the production type (on MariaDB the whole definition). */
    String typeFix(String twin, Column production) {
        String col = reader.quote(production.name());
        return switch (reader.dialect()) {
            case MARIADB -> "ALTER TABLE " + twin + " MODIFY COLUMN " + col + " " + production.definition();
            case POSTGRESQL -> "ALTER TABLE " + twin + " ALTER COLUMN " + col + " TYPE " + production.type()
                    + " USING " + col + "::" + production.type();
            case H2 -> "ALTER TABLE " + twin + " ALTER COLUMN " + col + " SET DATA TYPE " + production.type();
        };
    }

    /** The statement that gives the twin's column the production default (on MariaDB the whole definition). */
    String defaultFix(String twin, Column production) {
        if (reader.dialect() == Dialect.MARIADB) {
            return typeFix(twin, production);
        }
        String alter = "ALTER TABLE " + twin + " ALTER COLUMN " + reader.quote(production.name());
        return production.defaultSql() == null ? alter + " DROP DEFAULT" : alter + " SET DEFAULT " + production.defaultSql();
    }

    /** The statement that gives the twin's column the production nullability (on MariaDB the whole definition). */
    String nullFix(String twin, Column production) {
        if (reader.dialect() == Dialect.MARIADB) {
            return typeFix(twin, production);
        }
        return "ALTER TABLE " + twin + " ALTER COLUMN " + reader.quote(production.name())
                + (production.notNull() ? " SET NOT NULL" : " DROP NOT NULL");
    }

    /** The statement that drops a column the production table no longer has. */
    String dropColumn(String twin, String column) {
        return "ALTER TABLE " + twin + " DROP COLUMN " + reader.quote(column);
    }
}
