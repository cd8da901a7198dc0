package io.tipdata.jdbc.internal.shadow;

import io.tipdata.jdbc.Dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads schemas, tables, columns and keys through {@link DatabaseMetaData}, and spells identifiers the
 * way each dialect needs them. On MariaDB a schema is a database, which JDBC calls a catalog.
 */
public final class SchemaReader {

    private final Connection connection;
    private final Dialect dialect;
    private final DatabaseMetaData meta;

    /** A reader over an open connection. */
    public SchemaReader(Connection connection, Dialect dialect) throws SQLException {
        this.connection = connection;
        this.dialect = dialect;
        this.meta = connection.getMetaData();
    }

    Dialect dialect() {
        return dialect;
    }

    /** The schema unqualified table names resolve to (the current database on MariaDB). */
    public String defaultSchema() throws SQLException {
        String s = dialect == Dialect.MARIADB ? connection.getCatalog() : connection.getSchema();
        if (s == null) {
            throw new SQLException("the connection has no current " + (dialect == Dialect.MARIADB ? "database"
                    : "schema") + "; name one in the JDBC URL");
        }
        return s;
    }

    /** The name an unquoted identifier takes in this database (H2 upper case, PostgreSQL lower case). */
    public String fold(String unquoted) {
        return switch (dialect) {
            case H2 -> unquoted.toUpperCase(Locale.ROOT);
            case POSTGRESQL -> unquoted.toLowerCase(Locale.ROOT);
            case MARIADB -> unquoted;
        };
    }

    /** The identifier quoted for this dialect. */
    public String quote(String name) {
        return dialect == Dialect.MARIADB
                ? "`" + name.replace("`", "``") + "`"
                : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** {@code schema.table}, both quoted. */
    public String qualified(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }

    /**
     * The shadow schema as an unquoted name resolves to it (folded to the dialect's case), or {@code null}
     * if no schema of exactly that spelling exists.
     */
    public String findSchema(String unquoted) throws SQLException {
        String name = fold(unquoted);
        try (ResultSet rs = dialect == Dialect.MARIADB ? meta.getCatalogs() : meta.getSchemas()) {
            while (rs.next()) {
                if (rs.getString(1).equals(name)) {
                    return name;
                }
            }
            return null;
        }
    }

    /** The base tables of the schema, keyed by lower-cased name, valued by their spelling. */
    public Map<String, String> tables(String schema) throws SQLException {
        Map<String, String> tables = new TreeMap<>();
        try (ResultSet rs = meta.getTables(catalog(schema), schemaPattern(schema), "%",
                new String[] {"TABLE", "BASE TABLE", "PARTITIONED TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                tables.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            }
        }
        return tables;
    }

    /** The columns of the table in their order, keyed by lower-cased name. */
    Map<String, ColumnShape> columns(String schema, String table) throws SQLException {
        Map<String, ColumnShape> columns = new LinkedHashMap<>();
        try (ResultSet rs = meta.getColumns(catalog(schema), schemaPattern(schema), escape(table), "%")) {
            while (rs.next()) {
                String name = rs.getString("COLUMN_NAME");
                columns.put(name.toLowerCase(Locale.ROOT), new ColumnShape(name, rs.getString("TYPE_NAME"),
                        rs.getInt("DATA_TYPE"), rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS"),
                        rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls, rs.getString("COLUMN_DEF"),
                        "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))));
            }
        }
        return columns;
    }

    /** The primary key (first, if any) and the unique indexes of the table. */
    List<KeyShape> uniqueKeys(String schema, String table) throws SQLException {
        List<KeyShape> keys = new ArrayList<>();
        Map<Integer, String> pk = new TreeMap<>();
        String pkName = null;
        try (ResultSet rs = meta.getPrimaryKeys(catalog(schema), schema(schema), table)) {
            while (rs.next()) {
                pk.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                pkName = rs.getString("PK_NAME");
            }
        }
        if (!pk.isEmpty()) {
            keys.add(new KeyShape(pkName, true, List.copyOf(pk.values())));
        }
        for (Map.Entry<String, List<String>> index : indexes(schema, table, true).entrySet()) {
            KeyShape key = new KeyShape(index.getKey(), false, index.getValue());
            boolean isPrimaryIndex = !keys.isEmpty() && keys.get(0).columnSet().equals(key.columnSet());
            if (!isPrimaryIndex && !index.getValue().contains(null)) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** Tells whether some index of the table has the column as its first column. */
    boolean hasIndexLeadingWith(String schema, String table, String column) throws SQLException {
        for (List<String> cols : indexes(schema, table, false).values()) {
            if (!cols.isEmpty() && column.equalsIgnoreCase(cols.get(0))) {
                return true;
            }
        }
        return false;
    }

    private Map<String, List<String>> indexes(String schema, String table, boolean uniqueOnly) throws SQLException {
        Map<String, Map<Integer, String>> byName = new LinkedHashMap<>();
        try (ResultSet rs = meta.getIndexInfo(catalog(schema), schema(schema), table, uniqueOnly, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                if (name == null || (uniqueOnly && rs.getBoolean("NON_UNIQUE"))) {
                    continue;
                }
                byName.computeIfAbsent(name, n -> new TreeMap<>())
                        .put((int) rs.getShort("ORDINAL_POSITION"), rs.getString("COLUMN_NAME"));
            }
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        byName.forEach((name, cols) -> result.put(name, new ArrayList<>(cols.values())));
        return result;
    }

    private String catalog(String schema) {
        return dialect == Dialect.MARIADB ? schema : null;
    }

    private String schema(String schema) {
        return dialect == Dialect.MARIADB ? null : schema;
    }

    private String schemaPattern(String schema) throws SQLException {
        return dialect == Dialect.MARIADB ? null : escape(schema);
    }

    private String escape(String name) throws SQLException {
        String esc = meta.getSearchStringEscape();
        if (esc == null || esc.isEmpty()) {
            return name;
        }
        return name.replace(esc, esc + esc).replace("_", esc + "_").replace("%", esc + "%");
    }
}
