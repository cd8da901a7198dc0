package io.tipdata.jdbc.internal.shadow;

import io.tipdata.jdbc.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads a table's keys and indexes as a twin must reproduce them: the primary and unique keys on plain
 * columns as {@link KeyShape}s (on MariaDB with their prefix lengths), every other index as an
 * {@link IndexShape}. MariaDB's FULLTEXT and SPATIAL indexes are not read: {@code CREATE TABLE ... LIKE}
 * copies them, and {@code tip_run} cannot join them.
 */
final class IndexReader {

    private static final String MARIADB_QUERY = "SELECT INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART, INDEX_TYPE,"
            + " COLLATION FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?"
            + " ORDER BY INDEX_NAME, SEQ_IN_INDEX";

    private final Connection connection;
    private final SchemaReader reader;

    IndexReader(Connection connection, SchemaReader reader) {
        this.connection = connection;
        this.reader = reader;
    }

    /** The spelling of {@code tip_run} as a key part, the way the database writes it back. */
    String runPart() {
        return reader.dialect() == Dialect.POSTGRESQL ? ShadowTwinCreator.RUN_COLUMN
                : reader.quote(reader.fold(ShadowTwinCreator.RUN_COLUMN));
    }

    /** The primary key (first, if any) and the unique keys on plain columns. */
    List<KeyShape> keys(String schema, String table) throws SQLException {
        List<KeyShape> keys = reader.uniqueKeys(schema, table);
        return switch (reader.dialect()) {
            case H2 -> keys;
            case POSTGRESQL -> {
                Set<String> special = PgIndexes.read(connection, schema, table).stream().filter(IndexShape::unique)
                        .map(IndexShape::name).collect(Collectors.toSet());
                yield keys.stream().filter(k -> k.primary() || !special.contains(k.name())).toList();
            }
            case MARIADB -> {
                Map<String, Map<String, Integer>> prefixes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                for (MariaDbPart p : mariaDbParts(schema, table)) {
                    if (p.subPart() != null) {
                        prefixes.computeIfAbsent(p.index(), n -> new TreeMap<>())
                                .put(p.column().toLowerCase(Locale.ROOT), p.subPart());
                    }
                }
                yield keys.stream().map(k -> k.withPrefixes(prefixes.getOrDefault(k.primary() ? "PRIMARY" : k.name(),
                        Map.of()))).toList();
            }
        };
    }

    /** Every other index, as production (or a twin) has it. */
    List<IndexShape> indexes(String schema, String table) throws SQLException {
        return switch (reader.dialect()) {
            case POSTGRESQL -> PgIndexes.read(connection, schema, table);
            case H2 -> h2Indexes(schema, table);
            case MARIADB -> mariaDbIndexes(schema, table);
        };
    }

    private List<IndexShape> h2Indexes(String schema, String table) throws SQLException {
        Map<String, Map<Integer, String>> byName = new LinkedHashMap<>();
        try (ResultSet rs = connection.getMetaData().getIndexInfo(null, schema, table, false, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                if (name != null && rs.getBoolean("NON_UNIQUE") && rs.getString("COLUMN_NAME") != null) {
                    String part = reader.quote(rs.getString("COLUMN_NAME"))
                            + ("D".equals(rs.getString("ASC_OR_DESC")) ? " DESC" : "");
                    byName.computeIfAbsent(name, n -> new TreeMap<>()).put((int) rs.getShort("ORDINAL_POSITION"), part);
                }
            }
        }
        List<IndexShape> indexes = new ArrayList<>();
        byName.forEach((name, parts) -> indexes.add(new IndexShape(name, false, "", List.copyOf(parts.values()), "",
                true)));
        return indexes;
    }

    private List<IndexShape> mariaDbIndexes(String schema, String table) throws SQLException {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (MariaDbPart p : mariaDbParts(schema, table)) {
            if (p.nonUnique() && !p.type().equals("FULLTEXT") && !p.type().equals("SPATIAL")) {
                String part = reader.quote(p.column()) + (p.subPart() == null ? "" : "(" + p.subPart() + ")")
                        + ("D".equals(p.collation()) ? " DESC" : "");
                byName.computeIfAbsent(p.index(), n -> new ArrayList<>()).add(part);
            }
        }
        List<IndexShape> indexes = new ArrayList<>();
        byName.forEach((name, parts) -> indexes.add(new IndexShape(name, false, "", parts, "", true)));
        return indexes;
    }

    private List<MariaDbPart> mariaDbParts(String schema, String table) throws SQLException {
        List<MariaDbPart> parts = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(MARIADB_QUERY)) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int sub = rs.getInt(4);
                    Integer subPart = rs.wasNull() ? null : sub;
                    parts.add(new MariaDbPart(rs.getString(1), rs.getInt(2) != 0, rs.getString(3), subPart,
                            rs.getString(5), rs.getString(6)));
                }
            }
        }
        return parts;
    }

    /** One row of MariaDB's {@code information_schema.STATISTICS}. */
    private record MariaDbPart(String index, boolean nonUnique, String column, Integer subPart, String type,
                               String collation) {
    }
}
