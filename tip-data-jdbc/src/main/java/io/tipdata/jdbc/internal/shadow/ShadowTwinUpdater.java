package io.tipdata.jdbc.internal.shadow;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.SchemaProblem;
import io.tipdata.jdbc.TablePolicies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Brings every twin in line with its production table: creates missing twins, adds, changes and drops
 * columns, follows the primary key, unique keys, indexes and CHECK constraints, and keeps {@code tip_run}
 * and the key rules (every key and unique index extended with {@code tip_run}). Production tables are only
 * read. Each change is one statement; a statement that fails is reported with the database's reason and
 * the rest goes on, so one change the twin cannot take (such as a type its test rows do not convert to)
 * does not hold back the others.
 */
public final class ShadowTwinUpdater {

    /** What an update did. */
    public record Result(List<String> applied, List<SchemaProblem> refused) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ShadowTwinUpdater.class);
    private static final String RUN = ShadowTwinCreator.RUN_COLUMN;

    private final Connection connection;
    private final Dialect dialect;
    private final SchemaReader reader;
    private final IndexReader indexes;
    private final ColumnDefinitions definitions;
    private final CheckConstraints checks;
    private final TwinStatements statements;
    private final TwinKeys keys;
    private final TablePolicies policies;
    private final String shadowSchema;
    private final List<String> applied = new ArrayList<>();
    private final List<SchemaProblem> refused = new ArrayList<>();

    private final boolean partitionByRun;

    /** An updater working through the open connection. */
    public ShadowTwinUpdater(Connection connection, Dialect dialect, TablePolicies policies, String shadowSchema)
            throws SQLException {
        this(connection, dialect, policies, shadowSchema, false);
    }

    /**
     * An updater whose missing twins are created partitioned by run ({@code partitionByRun}, PostgreSQL only);
     * existing twins keep their form, and a partitioned one gets its DEFAULT partition back if it was dropped.
     */
    public ShadowTwinUpdater(Connection connection, Dialect dialect, TablePolicies policies, String shadowSchema,
                             boolean partitionByRun) throws SQLException {
        this.partitionByRun = partitionByRun;
        this.connection = connection;
        this.dialect = dialect;
        this.reader = new SchemaReader(connection, dialect);
        this.indexes = new IndexReader(connection, reader);
        this.definitions = new ColumnDefinitions(connection, reader);
        this.checks = new CheckConstraints(connection, reader);
        this.statements = TwinStatements.of(reader, connection);
        this.keys = new TwinKeys(connection, reader);
        this.policies = policies;
        this.shadowSchema = shadowSchema;
    }

    /** Creates what is missing, then updates every existing twin. */
    public Result update() throws SQLException {
        List<String> created = new ShadowTwinCreator(connection, dialect, policies, shadowSchema, partitionByRun)
                .createMissing();
        String shadow = reader.fold(shadowSchema);
        created.forEach(t -> applied.add("created shadow twin " + shadow + "." + t));
        IsolatedTables isolated = IsolatedTables.resolve(reader, policies, shadowSchema);
        Map<String, String> twins = reader.tables(shadow);
        for (String table : isolated.present()) {
            if (created.contains(table) || !table.equals(twins.get(table.toLowerCase(Locale.ROOT)))) {
                continue;
            }
            updateTwin(isolated.schema(), shadow, table);
        }
        if (dialect == Dialect.POSTGRESQL) {
            applied.addAll(RunPartitions.ensureDefaults(connection, reader, policies, shadowSchema));
        }
        return new Result(List.copyOf(applied), List.copyOf(refused));
    }

    private void updateTwin(String schema, String shadow, String table) throws SQLException {
        String twin = reader.qualified(shadow, table);
        Map<String, ColumnShape> prodShapes = reader.columns(schema, table);
        Map<String, ColumnShape> twinShapes = reader.columns(shadow, table);
        if (!twinShapes.containsKey(RUN)) {
            refuse(table, RUN, "the twin " + shadow + "." + table + " has no " + RUN + " column, so its rows belong"
                    + " to no run", "drop the twin (it holds test rows only) and run the update again");
            return;
        }
        Map<String, ColumnDefinitions.Column> prod = definitions.of(schema, table);
        Map<String, ColumnDefinitions.Column> mine = definitions.of(shadow, table);
        for (Map.Entry<String, ColumnShape> e : twinShapes.entrySet()) {
            if (!e.getKey().equals(RUN) && !prodShapes.containsKey(e.getKey())) {
                run(table, e.getValue().name(), definitions.dropColumn(twin, e.getValue().name()));
            }
        }
        for (Map.Entry<String, ColumnShape> e : prodShapes.entrySet()) {
            ColumnShape p = e.getValue();
            ColumnShape t = twinShapes.get(e.getKey());
            ColumnDefinitions.Column def = prod.get(e.getKey());
            if (t == null) {
                run(table, p.name(), definitions.addColumn(twin, def));
            } else if (!p.sameType(t) || p.nullable() != t.nullable() || !p.sameDefault(t)) {
                for (String sql : definitions.alterColumn(twin, def, mine.get(e.getKey()))) {
                    run(table, p.name(), sql);
                }
            }
        }
        if (twinShapes.get(RUN).nullable()) {
            run(table, RUN, "ALTER TABLE " + twin + (dialect == Dialect.MARIADB ? " MODIFY COLUMN " + RUN
                    + " VARCHAR(40) NOT NULL" : " ALTER COLUMN " + RUN + " SET NOT NULL"));
        }
        updateKeys(schema, shadow, table);
        updateIndexes(schema, shadow, table, twin);
        updateChecks(schema, shadow, table, twin);
    }

    private void updateKeys(String schema, String shadow, String table) throws SQLException {
        Set<Set<String>> wanted = new HashSet<>();
        List<KeyShape> prodKeys = indexes.keys(schema, table);
        for (KeyShape k : prodKeys) {
            wanted.add(extended(k.columnSet()));
        }
        List<KeyShape> twinKeys = indexes.keys(shadow, table);
        Set<Set<String>> have = new HashSet<>();
        boolean twinPrimary = false;
        for (KeyShape k : twinKeys) {
            boolean matchesPrimary = prodKeys.stream().anyMatch(p -> p.primary() == k.primary()
                    && extended(p.columnSet()).equals(k.columnSet()));
            if (k.primary() && !matchesPrimary) {
                run(table, String.join(",", k.columns()), keys.drop(shadow, table, k));
            } else if (!k.primary() && !wanted.contains(k.columnSet()) && !isIndexOfProduction(schema, table, k)) {
                run(table, String.join(",", k.columns()), keys.drop(shadow, table, k));
            } else {
                have.add(k.columnSet());
                twinPrimary |= k.primary();
            }
        }
        for (KeyShape k : prodKeys) {
            if (!have.contains(extended(k.columnSet())) && !(k.primary() && twinPrimary)) {
                run(table, String.join(",", k.columns()), keys.add(shadow, table, k));
            }
        }
    }

    /** A twin key that is the twin form of a production index (such as a partial unique index) is kept. */
    private boolean isIndexOfProduction(String schema, String table, KeyShape k) throws SQLException {
        return indexes.indexes(schema, table).stream().anyMatch(i -> i.name().equalsIgnoreCase(k.name()));
    }

    private void updateIndexes(String schema, String shadow, String table, String twin) throws SQLException {
        String runPart = indexes.runPart();
        List<IndexShape> twinIndexes = indexes.indexes(shadow, table);
        Set<String> have = new HashSet<>();
        for (IndexShape i : twinIndexes) {
            have.add(i.signature());
        }
        List<IndexShape> prodIndexes = indexes.indexes(schema, table);
        Set<String> wanted = new HashSet<>();
        prodIndexes.forEach(p -> wanted.add(p.twin(runPart).signature()));
        for (IndexShape i : twinIndexes) {
            boolean named = prodIndexes.stream().anyMatch(p -> p.name().equalsIgnoreCase(i.name()));
            if ((named || i.unique()) && !wanted.contains(i.signature())) {
                run(table, null, dropIndex(twin, shadow, i.name()));
            }
        }
        for (IndexShape p : prodIndexes) {
            if (!have.contains(p.twin(runPart).signature())) {
                run(table, null, statements.createIndex(shadow, table, p));
            }
        }
    }

    private void updateChecks(String schema, String shadow, String table, String twin) throws SQLException {
        Map<String, String> prod = checks.of(schema, table);
        Map<String, String> mine = checks.of(shadow, table);
        Set<String> wanted = new HashSet<>(prod.values());
        Set<String> have = new HashSet<>();
        for (Map.Entry<String, String> c : mine.entrySet()) {
            if (wanted.contains(c.getValue())) {
                have.add(c.getValue());
            } else {
                run(table, null, checks.drop(twin, c.getKey()));
            }
        }
        for (Map.Entry<String, String> c : prod.entrySet()) {
            if (!have.contains(c.getValue())) {
                run(table, null, checks.add(twin, c.getKey(), c.getValue()));
            }
        }
    }

    private String dropIndex(String twin, String shadow, String name) {
        return switch (dialect) {
            case MARIADB -> "ALTER TABLE " + twin + " DROP INDEX " + reader.quote(name);
            case POSTGRESQL, H2 -> "DROP INDEX " + reader.qualified(shadow, name);
        };
    }

    private static Set<String> extended(Set<String> columns) {
        Set<String> s = new java.util.TreeSet<>(columns);
        s.add(RUN);
        return s;
    }

    /**
     * Runs one change. Inside a transaction on PostgreSQL (a Liquibase change set) a savepoint keeps a refused
     * change from aborting the rest of the transaction.
     */
    private void run(String table, String column, String sql) {
        LOG.debug("shadow update: {}", sql);
        java.sql.Savepoint savepoint = null;
        try (Statement st = connection.createStatement()) {
            if (dialect == Dialect.POSTGRESQL && !connection.getAutoCommit()) {
                savepoint = connection.setSavepoint();
            }
            st.execute(sql);
            if (savepoint != null) {
                connection.releaseSavepoint(savepoint);
            }
            applied.add(sql);
        } catch (SQLException e) {
            if (savepoint != null) {
                try {
                    connection.rollback(savepoint);
                } catch (SQLException r) {
                    e.addSuppressed(r);
                }
            }
            refuse(table, column, "the twin could not take the change " + sql + ": " + e.getMessage(),
                    "change the twin by hand, or drop it (it holds test rows only) and run the update again");
        }
    }

    private void refuse(String table, String column, String problem, String fix) {
        refused.add(new SchemaProblem(table, column, problem, fix));
    }
}
