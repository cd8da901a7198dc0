package io.tipdata.jdbc.internal.shadow;

import io.tipdata.jdbc.Dialect;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The DDL that builds one twin, per dialect. Every twin gets the production columns with their types,
 * nullability and defaults (auto-increment and identity included), the production CHECK constraints,
 * {@code tip_run VARCHAR(40) NOT NULL}, each primary and unique key with {@code tip_run} added (first on
 * PostgreSQL, where it also serves as the {@code tip_run} index; last on H2 and MariaDB, whose
 * {@code AUTO_INCREMENT} column must lead a key, with an index on {@code tip_run} and prefix lengths kept), and each other index under its production name:
 * a unique one (PostgreSQL partial and expression indexes) with {@code tip_run} added last and the same
 * predicate and expressions, a non-unique one with {@code tip_run} as its first column. Generated ids never
 * meet production's ({@link TwinIds}). Reusing the
 * production names keeps them deterministic and within the database's identifier length. Foreign keys are
 * never copied.
 */
final class TwinStatements {

    private static final String RUN = ShadowTwinCreator.RUN_COLUMN;
    private static final String RUN_DEF = RUN + " VARCHAR(40) NOT NULL";

    private final SchemaReader reader;
    private final Connection connection;
    private final String runPart;
    private final boolean partitionByRun;

    private TwinStatements(SchemaReader reader, Connection connection, boolean partitionByRun) {
        this.reader = reader;
        this.connection = connection;
        this.runPart = new IndexReader(connection, reader).runPart();
        this.partitionByRun = partitionByRun;
    }

    static TwinStatements of(SchemaReader reader, Connection connection) {
        return new TwinStatements(reader, connection, false);
    }

    /** Statements whose new PostgreSQL twins are partitioned by run ({@link RunPartitions}). */
    static TwinStatements of(SchemaReader reader, Connection connection, boolean partitionByRun) {
        return new TwinStatements(reader, connection, partitionByRun);
    }

    /** The statements, in order, that create {@code shadow.table} from {@code schema.table}. */
    List<String> twin(String schema, String shadow, String table, List<KeyShape> keys, List<IndexShape> indexes)
            throws SQLException {
        return switch (reader.dialect()) {
            case H2 -> h2(schema, shadow, table, keys, indexes);
            case POSTGRESQL -> postgres(schema, shadow, table, keys, indexes);
            case MARIADB -> mariadb(schema, shadow, table, keys, indexes);
        };
    }

    /** The statement that creates the twin's form of a production index on {@code shadow.table}. */
    String createIndex(String shadow, String table, IndexShape production) {
        IndexShape twin = production.twin(runPart);
        String name = reader.dialect() == Dialect.H2 ? reader.qualified(shadow, twin.name()) : reader.quote(twin.name());
        return "CREATE " + (twin.unique() ? "UNIQUE " : "") + "INDEX " + name + " ON " + reader.qualified(shadow, table)
                + " " + twin.keyText();
    }

    /**
     * PostgreSQL copies columns, defaults (a serial keeps the production sequence), generated columns and
     * CHECK constraints; an identity column becomes a plain column drawing from the production identity's
     * sequence ({@link TwinIds}). The named indexes come before the keys, whose generated names then avoid them.
     * Primary and unique keys take {@code tip_run} as their first column, so the key serves every run-filtered
     * lookup and ordered scan ({@code WHERE tip_run = ? ORDER BY id LIMIT n} reads the run's first n entries),
     * and no separate {@code tip_run} index is made unless the table has no key: with one, the planner took
     * it plus a sort over the whole run in a young twin (see docs/BENCHMARKS.md). Partitioned by run, the twin
     * is created with {@code tip_run} as {@code PARTITION BY LIST (tip_run)} and gets its DEFAULT partition last;
     * its keys and indexes, all holding {@code tip_run}, are partitioned indexes that every partition inherits.
     */
    private List<String> postgres(String schema, String shadow, String table, List<KeyShape> keys,
            List<IndexShape> indexes) throws SQLException {
        String twin = reader.qualified(shadow, table);
        List<String> ddl = new ArrayList<>();
        String like = "LIKE " + reader.qualified(schema, table)
                + " INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING CONSTRAINTS";
        if (partitionByRun) {
            ddl.add("CREATE TABLE " + twin + " (" + like + ", " + RUN_DEF + ") PARTITION BY LIST (" + RUN + ")");
            ddl.addAll(TwinIds.postgresDefaults(connection, reader, schema, shadow, table));
        } else {
            ddl.add("CREATE TABLE " + twin + " (" + like + ")");
            ddl.addAll(TwinIds.postgresDefaults(connection, reader, schema, shadow, table));
            ddl.add("ALTER TABLE " + twin + " ADD COLUMN " + RUN_DEF);
        }
        indexes.forEach(i -> ddl.add(createIndex(shadow, table, i)));
        keys.forEach(k -> ddl.add("ALTER TABLE " + twin + " ADD " + (k.primary() ? "PRIMARY KEY" : "UNIQUE") + " "
                + runFirst(k)));
        if (keys.isEmpty()) {
            ddl.add("CREATE INDEX ON " + twin + " (" + RUN + ")");
        }
        if (partitionByRun) {
            ddl.add(RunPartitions.createDefault(reader, shadow, table));
        }
        return ddl;
    }

    /**
     * MariaDB's {@code CREATE TABLE ... LIKE} keeps AUTO_INCREMENT, defaults, CHECK constraints and indexes
     * but no foreign keys; the keys and indexes are then replaced by their twin form in one statement, so
     * the auto-increment column is never left without a key. Its counter starts in the test range of
     * {@link TwinIds}.
     */
    private List<String> mariadb(String schema, String shadow, String table, List<KeyShape> keys,
            List<IndexShape> indexes) throws SQLException {
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
        for (IndexShape index : indexes) {
            alter.add("DROP INDEX " + reader.quote(index.name()));
            alter.add("ADD INDEX " + reader.quote(index.name()) + " " + index.twin(runPart).keyText());
        }
        alter.add("ADD INDEX tip_run_idx (" + RUN + ")");
        for (ColumnShape id : TwinIds.generated(reader, schema, table)) {
            BigInteger start = TwinIds.testRangeStart(id);
            if (start != null) {
                alter.add("AUTO_INCREMENT = " + start);
            }
        }
        return List.of("CREATE TABLE " + twin + " LIKE " + reader.qualified(schema, table),
                "ALTER TABLE " + twin + " " + String.join(", ", alter));
    }

    /**
     * H2 has no {@code LIKE}: columns and CHECK constraints are taken from H2's own {@code SCRIPT} of the table;
     * each identity column then restarts in the test range of {@link TwinIds}.
     */
    private List<String> h2(String schema, String shadow, String table, List<KeyShape> keys, List<IndexShape> indexes)
            throws SQLException {
        String twin = reader.qualified(shadow, table);
        List<String> script = h2Script(schema, table);
        List<String> ddl = new ArrayList<>();
        ddl.add("CREATE TABLE " + twin + " " + script.get(0));
        ddl.add("ALTER TABLE " + twin + " ADD COLUMN " + RUN_DEF);
        script.subList(1, script.size()).forEach(check -> ddl.add("ALTER TABLE " + twin + " ADD " + check));
        for (ColumnShape id : TwinIds.generated(reader, schema, table)) {
            BigInteger start = TwinIds.testRangeStart(id);
            if (start != null) {
                ddl.add("ALTER TABLE " + twin + " ALTER COLUMN " + reader.quote(id.name()) + " RESTART WITH " + start);
            }
        }
        indexes.forEach(i -> ddl.add(createIndex(shadow, table, i)));
        keys.forEach(k -> ddl.add(addKey(twin, k)));
        ddl.add("CREATE INDEX " + reader.qualified(shadow, table + "_TIP_RUN_IDX") + " ON " + twin + " (" + RUN + ")");
        return ddl;
    }

    /** The column list of H2's {@code CREATE TABLE}, then each {@code CHECK (...)} clause of the table. */
    private List<String> h2Script(String schema, String table) throws SQLException {
        String qualified = reader.qualified(schema, table);
        String header = "TABLE " + qualified + "(";
        String constraint = "ALTER TABLE " + qualified + " ADD CONSTRAINT ";
        List<String> out = new ArrayList<>();
        out.add(null);
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SCRIPT NODATA NOPASSWORDS NOSETTINGS TABLE " + qualified)) {
            while (rs.next()) {
                String line = rs.getString(1);
                int at = line.indexOf(header);
                if (line.startsWith("CREATE ") && at >= 0 && out.get(0) == null) {
                    out.set(0, "(" + line.substring(at + header.length()));
                } else if (line.startsWith(constraint)) {
                    String clause = line.substring(afterQualifiedName(line, constraint.length())).stripLeading();
                    if (clause.startsWith("CHECK")) {
                        out.add(clause);
                    }
                }
            }
        }
        if (out.get(0) == null) {
            throw new SQLException("H2 gave no CREATE TABLE statement for " + schema + "." + table
                    + "; check that it is a base table");
        }
        return out;
    }

    /** The position after a name such as {@code "PUBLIC"."CONSTRAINT_8"} that starts at {@code from}. */
    private static int afterQualifiedName(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) == '"') {
            i++;
            while (i < s.length() && (s.charAt(i) != '"' || (i + 1 < s.length() && s.charAt(i + 1) == '"'))) {
                i += s.charAt(i) == '"' ? 2 : 1;
            }
            i++;
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
            }
        }
        return Math.min(i, s.length());
    }

    private String addKey(String twin, KeyShape key) {
        return "ALTER TABLE " + twin + " ADD " + (key.primary() ? "PRIMARY KEY" : "UNIQUE") + " " + extended(key);
    }

    /** PostgreSQL: the key's columns after {@code tip_run}. */
    private String runFirst(KeyShape key) {
        List<String> parts = new ArrayList<>();
        parts.add(RUN);
        key.columns().forEach(c -> parts.add(reader.quote(c)));
        return "(" + String.join(", ", parts) + ")";
    }

    private String extended(KeyShape key) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < key.columns().size(); i++) {
            parts.add(key.part(reader.quote(key.columns().get(i)), i));
        }
        return "(" + String.join(", ", parts) + ", " + RUN + ")";
    }
}
