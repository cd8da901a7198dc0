package io.tipdata.jdbc.internal.shadow;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The DDL that builds one twin, per dialect. Every twin gets the production columns with their types,
 * nullability and defaults (auto-increment and identity included), {@code tip_run VARCHAR(40) NOT NULL},
 * an index on {@code tip_run}, and each primary and unique key with {@code tip_run} added. Foreign keys
 * are never copied.
 */
final class TwinStatements {

    private static final String RUN_DEF = ShadowTwinCreator.RUN_COLUMN + " VARCHAR(40) NOT NULL";

    private final SchemaReader reader;
    private final Connection connection;

    private TwinStatements(SchemaReader reader, Connection connection) {
        this.reader = reader;
        this.connection = connection;
    }

    static TwinStatements of(SchemaReader reader, Connection connection) {
        return new TwinStatements(reader, connection);
    }

    /** The statements, in order, that create {@code shadow.table} from {@code schema.table}. */
    List<String> twin(String schema, String shadow, String table, List<KeyShape> keys) throws SQLException {
        return switch (reader.dialect()) {
            case H2 -> h2(schema, shadow, table, keys);
            case POSTGRESQL -> postgres(schema, shadow, table, keys);
            case MARIADB -> mariadb(schema, shadow, table, keys);
        };
    }

    /** PostgreSQL copies columns, defaults (a serial keeps the production sequence), identity and checks. */
    private List<String> postgres(String schema, String shadow, String table, List<KeyShape> keys) {
        String twin = reader.qualified(shadow, table);
        List<String> ddl = new ArrayList<>();
        ddl.add("CREATE TABLE " + twin + " (LIKE " + reader.qualified(schema, table)
                + " INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING GENERATED INCLUDING CONSTRAINTS)");
        ddl.add("ALTER TABLE " + twin + " ADD COLUMN " + RUN_DEF);
        for (KeyShape key : keys) {
            ddl.add("ALTER TABLE " + twin + " ADD " + (key.primary() ? "PRIMARY KEY" : "UNIQUE") + " "
                    + extended(key));
        }
        ddl.add("CREATE INDEX ON " + twin + " (" + ShadowTwinCreator.RUN_COLUMN + ")");
        return ddl;
    }

    /**
     * MariaDB's {@code CREATE TABLE ... LIKE} keeps AUTO_INCREMENT, defaults and indexes but no foreign
     * keys; the unique keys are then replaced by their extended form in one statement, so the
     * auto-increment column is never left without a key.
     */
    private List<String> mariadb(String schema, String shadow, String table, List<KeyShape> keys) {
        String twin = reader.qualified(shadow, table);
        List<String> alter = new ArrayList<>();
        alter.add("ADD COLUMN " + RUN_DEF);
        for (KeyShape key : keys) {
            if (key.primary()) {
                alter.add("DROP PRIMARY KEY");
                alter.add("ADD PRIMARY KEY " + extended(key));
            } else {
                alter.add("DROP INDEX " + reader.quote(key.name()));
                alter.add("ADD UNIQUE " + reader.quote(key.name()) + " " + extended(key));
            }
        }
        alter.add("ADD INDEX tip_run_idx (" + ShadowTwinCreator.RUN_COLUMN + ")");
        return List.of("CREATE TABLE " + twin + " LIKE " + reader.qualified(schema, table),
                "ALTER TABLE " + twin + " " + String.join(", ", alter));
    }

    /** H2 has no {@code LIKE}: the column list is taken from H2's own {@code SCRIPT} of the table. */
    private List<String> h2(String schema, String shadow, String table, List<KeyShape> keys) throws SQLException {
        String twin = reader.qualified(shadow, table);
        List<String> ddl = new ArrayList<>();
        ddl.add("CREATE TABLE " + twin + " " + h2Columns(schema, table));
        ddl.add("ALTER TABLE " + twin + " ADD COLUMN " + RUN_DEF);
        for (KeyShape key : keys) {
            ddl.add("ALTER TABLE " + twin + " ADD " + (key.primary() ? "PRIMARY KEY" : "UNIQUE") + " "
                    + extended(key));
        }
        ddl.add("CREATE INDEX " + reader.quote(shadow) + "." + reader.quote(table + "_TIP_RUN_IDX") + " ON " + twin
                + " (" + ShadowTwinCreator.RUN_COLUMN + ")");
        return ddl;
    }

    private String h2Columns(String schema, String table) throws SQLException {
        String header = "TABLE " + reader.qualified(schema, table) + "(";
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SCRIPT NODATA NOPASSWORDS NOSETTINGS TABLE "
                     + reader.qualified(schema, table))) {
            while (rs.next()) {
                String line = rs.getString(1);
                int at = line.indexOf(header);
                if (line.startsWith("CREATE ") && at >= 0) {
                    return "(" + line.substring(at + header.length());
                }
            }
        }
        throw new SQLException("H2 gave no CREATE TABLE statement for " + schema + "." + table
                + "; check that it is a base table");
    }

    private String extended(KeyShape key) {
        return "(" + key.columns().stream().map(reader::quote).collect(Collectors.joining(", ")) + ", "
                + ShadowTwinCreator.RUN_COLUMN + ")";
    }
}
