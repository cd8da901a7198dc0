package io.tipdata.jdbc.internal.shadow;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.SchemaProblem;
import io.tipdata.jdbc.TablePolicies;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Compares each isolated production table with its twin and lists every difference that matters. */
public final class ShadowDriftCheck {

    /** How to create missing twins, as said in the problems. */
    public static final String CREATE_FIX = "run ShadowSchema.create() or `java -cp tip-data-jdbc-<version>-cli.jar:<JDBC driver jar>"
            + " io.tipdata.jdbc.cli.TipCommand shadow create --url ... --isolated ...`";

    /** The alternative to a fix by hand, as said after it. */
    static final String UPDATE_FIX = ", or run ShadowSchema.update()";

    private static final String RUN = ShadowTwinCreator.RUN_COLUMN;

    private final SchemaReader reader;
    private final IndexReader indexes;
    private final TwinStatements statements;
    private final ColumnDefinitions definitions;
    private final CheckConstraints checks;
    private final TwinKeys keys;
    private final TablePolicies policies;
    private final String shadowSchema;
    private final List<SchemaProblem> problems = new ArrayList<>();
    private final Connection connection;
    private final boolean partitionByRun;

    /** A check working through the open connection. */
    public ShadowDriftCheck(Connection connection, Dialect dialect, TablePolicies policies, String shadowSchema)
            throws SQLException {
        this(connection, dialect, policies, shadowSchema, false);
    }

    /**
     * A check working through the open connection; with {@code partitionByRun} (PostgreSQL), a twin that is not
     * partitioned by run is reported as a warning. A partitioned twin without its DEFAULT partition is an error
     * either way.
     */
    public ShadowDriftCheck(Connection connection, Dialect dialect, TablePolicies policies, String shadowSchema,
                            boolean partitionByRun) throws SQLException {
        this.connection = connection;
        this.partitionByRun = partitionByRun;
        this.reader = new SchemaReader(connection, dialect);
        this.indexes = new IndexReader(connection, reader);
        this.statements = TwinStatements.of(reader, connection);
        this.definitions = new ColumnDefinitions(connection, reader);
        this.checks = new CheckConstraints(connection, reader);
        this.keys = new TwinKeys(connection, reader);
        this.policies = policies;
        this.shadowSchema = shadowSchema;
    }

    /** The problems found; empty when every twin matches its production table. */
    public List<SchemaProblem> problems() throws SQLException {
        problems.clear();
        IsolatedTables isolated = IsolatedTables.resolve(reader, policies, shadowSchema);
        for (String missing : isolated.missing()) {
            add(missing, null, "table '" + missing + "' does not exist in schema " + isolated.schema(),
                    "create it or remove it from the policies");
        }
        String shadow = reader.findSchema(shadowSchema);
        if (shadow == null) {
            for (String table : isolated.present()) {
                add(table, null, "shadow schema " + shadowSchema + " does not exist", CREATE_FIX);
            }
            return List.copyOf(problems);
        }
        Map<String, String> twins = reader.tables(shadow);
        for (String table : isolated.present()) {
            String twin = twins.get(table.toLowerCase(Locale.ROOT));
            if (twin == null) {
                add(table, null, "shadow twin " + shadow + "." + table + " does not exist", CREATE_FIX);
            } else if (!twin.equals(table)) {
                add(table, null, "shadow twin is spelled " + shadow + "." + twin + ", so it is not reached as "
                        + shadowSchema + "." + table + " the way the production table is",
                        "drop the twin and " + CREATE_FIX);
            } else {
                compare(isolated.schema(), shadow, table);
                if (reader.dialect() == Dialect.POSTGRESQL) {
                    RunPartitions.check(connection, reader, shadow, table, partitionByRun, problems);
                }
            }
        }
        return List.copyOf(problems);
    }

    private void compare(String schema, String shadow, String table) throws SQLException {
        String where = shadow + "." + table;
        String twinName = reader.qualified(shadow, table);
        Map<String, ColumnShape> prod = reader.columns(schema, table);
        Map<String, ColumnShape> twin = reader.columns(shadow, table);
        Map<String, ColumnDefinitions.Column> prodDefs = definitions.of(schema, table);
        Map<String, ColumnDefinitions.Column> twinDefs = definitions.of(shadow, table);
        for (Map.Entry<String, ColumnShape> e : prod.entrySet()) {
            ColumnShape p = e.getValue();
            ColumnShape t = twin.get(e.getKey());
            ColumnDefinitions.Column def = prodDefs.get(e.getKey());
            if (t == null) {
                add(table, p.name(), "column is missing in the twin " + where,
                        "run " + definitions.addColumn(twinName, def) + UPDATE_FIX);
            } else {
                compareColumn(table, twinName, p, t, def, twinDefs.get(e.getKey()));
            }
        }
        for (Map.Entry<String, ColumnShape> e : twin.entrySet()) {
            if (!prod.containsKey(e.getKey()) && !e.getKey().equals(RUN)) {
                add(table, e.getValue().name(), "column exists in the twin " + where + " but not in production",
                        "run " + definitions.dropColumn(twinName, e.getValue().name()) + UPDATE_FIX);
            }
        }
        ColumnShape run = twin.get(RUN);
        if (run == null) {
            add(table, RUN, "the twin " + where + " has no " + RUN + " column",
                    "drop the twin and " + CREATE_FIX);
            return;
        }
        if (run.nullable()) {
            add(table, RUN, RUN + " is nullable in the twin " + where, "run ALTER TABLE " + twinName
                    + (reader.dialect() == io.tipdata.jdbc.Dialect.MARIADB ? " MODIFY COLUMN " + RUN
                    + " VARCHAR(40) NOT NULL" : " ALTER COLUMN " + RUN + " SET NOT NULL"));
        }
        if (!reader.hasIndexLeadingWith(shadow, table, RUN)) {
            add(table, RUN, "the twin " + where + " has no index on " + RUN + ", so purging it scans the table",
                    "run " + switch (reader.dialect()) {
                        case POSTGRESQL -> "CREATE INDEX ON " + twinName + " (" + RUN + ")";
                        case MARIADB -> "CREATE INDEX tip_run_idx ON " + twinName + " (" + RUN + ")";
                        case H2 -> "CREATE INDEX " + reader.qualified(shadow, table + "_TIP_RUN_IDX") + " ON "
                                + twinName + " (" + RUN + ")";
                    });
        }
        compareKeys(schema, shadow, table);
        compareIndexes(schema, shadow, table);
        compareChecks(schema, shadow, table);
    }

    private void compareColumn(String table, String twinName, ColumnShape p, ColumnShape t,
            ColumnDefinitions.Column pd, ColumnDefinitions.Column td) {
        if (!p.sameType(t)) {
            add(table, p.name(), "type differs: production " + pd.type() + ", twin " + td.type(),
                    "run " + definitions.typeFix(twinName, pd) + UPDATE_FIX);
        }
        if (p.nullable() != t.nullable()) {
            add(table, p.name(), "nullability differs: production " + nullText(p) + ", twin " + nullText(t),
                    "run " + definitions.nullFix(twinName, pd) + UPDATE_FIX);
        }
        if (!p.sameDefault(t)) {
            add(table, p.name(), "default differs: production " + p.defaultValue() + ", twin " + t.defaultValue(),
                    "run " + definitions.defaultFix(twinName, pd) + UPDATE_FIX);
        }
    }

    /** A missing check lets the twin accept rows production refuses; an extra one refuses rows production takes. */
    private void compareChecks(String schema, String shadow, String table) throws SQLException {
        String twinName = reader.qualified(shadow, table);
        Map<String, String> prod = checks.of(schema, table);
        Map<String, String> twin = checks.of(shadow, table);
        for (Map.Entry<String, String> c : prod.entrySet()) {
            if (!twin.containsValue(c.getValue())) {
                add(table, null, "production check " + c.getKey() + " " + c.getValue() + " is missing in the twin "
                        + shadow + "." + table + ", so the twin accepts rows production refuses",
                        "run " + checks.add(twinName, c.getKey(), c.getValue()) + UPDATE_FIX);
            }
        }
        for (Map.Entry<String, String> c : twin.entrySet()) {
            if (!prod.containsValue(c.getValue())) {
                add(table, null, "the twin's check " + c.getKey() + " " + c.getValue() + " is not in production,"
                        + " so the twin refuses rows production accepts",
                        "run " + checks.drop(twinName, c.getKey()) + UPDATE_FIX);
            }
        }
    }

    /**
     * Keys of the twin that production does not have (after a key was dropped or given other columns) come
     * first, each with the statement that drops it, so that the fixes, run in order, can then add the
     * production keys the twin lacks (a table has one primary key).
     */
    private void compareKeys(String schema, String shadow, String table) throws SQLException {
        String where = shadow + "." + table;
        List<KeyShape> prodKeys = indexes.keys(schema, table);
        Set<Set<String>> wanted = new HashSet<>();
        for (KeyShape k : prodKeys) {
            Set<String> extended = new HashSet<>(k.columnSet());
            extended.add(RUN);
            wanted.add(extended);
        }
        Set<String> prodIndexNames = new HashSet<>();
        indexes.indexes(schema, table).forEach(i -> prodIndexNames.add(i.name().toLowerCase(Locale.ROOT)));
        Set<Set<String>> twinSets = new HashSet<>();
        for (KeyShape k : indexes.keys(shadow, table)) {
            if (!k.columnSet().contains(RUN)) {
                twinSets.add(k.columnSet());
                add(table, String.join(",", k.columns()), "the twin's " + k.describe() + " does not include " + RUN
                        + ", so rows of two runs collide", "drop that key and add it again with " + RUN);
            } else if (!wanted.contains(k.columnSet()) && !prodIndexNames.contains(k.name().toLowerCase(Locale.ROOT))) {
                add(table, String.join(",", k.columns()), "the twin's " + k.describe() + " is not a key of production"
                        + ", so the twin does not refuse the rows production refuses",
                        "run " + keys.drop(shadow, table, k) + UPDATE_FIX);
            } else {
                twinSets.add(k.columnSet());
            }
        }
        for (KeyShape k : prodKeys) {
            Set<String> extended = new HashSet<>(k.columnSet());
            extended.add(RUN);
            if (!twinSets.contains(extended)) {
                add(table, String.join(",", k.columns()), "production " + k.describe() + " has no counterpart ("
                        + k.partsText() + ", " + RUN + ") in the twin " + where,
                        "run " + keys.add(shadow, table, k) + UPDATE_FIX);
            }
        }
    }

    /**
     * Each production index needs its twin form (found by what it indexes, whatever its name): a missing
     * unique one is an error, since the twin then accepts rows production refuses, or refuses an upsert's
     * conflict target; a missing non-unique one is a warning, since test statements then scan the twin.
     */
    private void compareIndexes(String schema, String shadow, String table) throws SQLException {
        String where = shadow + "." + table;
        String run = indexes.runPart();
        List<IndexShape> twinIndexes = indexes.indexes(shadow, table);
        Set<String> have = new HashSet<>();
        for (IndexShape i : twinIndexes) {
            have.add(i.signature());
            if (i.unique() && !i.hasPart(run)) {
                add(table, null, "the twin's " + i.describe() + " does not include " + RUN
                        + ", so rows of two runs collide", "drop that index and create it again with " + RUN + " as its last key column");
            }
        }
        for (IndexShape p : indexes.indexes(schema, table)) {
            IndexShape want = p.twin(run);
            if (have.contains(want.signature())) {
                continue;
            }
            boolean taken = twinIndexes.stream().anyMatch(i -> i.name().equalsIgnoreCase(p.name()));
            String fix = (taken ? "drop the twin's index " + p.name() + ", then run " : "run ")
                    + statements.createIndex(shadow, table, p);
            if (p.unique()) {
                add(table, null, "production " + p.describe() + " has no counterpart " + want.keyText()
                        + " in the twin " + where + ", so the twin accepts rows production refuses and upserts"
                        + " find no conflict target", fix, SchemaProblem.Severity.ERROR);
            } else {
                add(table, null, "production " + p.describe() + " has no counterpart " + want.keyText()
                        + " in the twin " + where + ", so test statements that need it scan the twin", fix,
                        SchemaProblem.Severity.WARNING);
            }
        }
    }

    private static String nullText(ColumnShape c) {
        return c.nullable() ? "NULL" : "NOT NULL";
    }

    private void add(String table, String column, String problem, String fix) {
        add(table, column, problem, fix, SchemaProblem.Severity.ERROR);
    }

    private void add(String table, String column, String problem, String fix, SchemaProblem.Severity severity) {
        problems.add(new SchemaProblem(table, column, problem, fix, severity));
    }
}
