package io.tipdata.jdbc.internal.shadow;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.SchemaProblem;
import io.tipdata.jdbc.TablePolicies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * PostgreSQL twins partitioned by run: {@code PARTITION BY LIST (tip_run)}, one partition per run plus a
 * {@code DEFAULT} partition that takes the rows of any run without a partition of its own (a run registered
 * before its partition could be made, a straggler of a purged run, a row of a run unknown to the registry), so
 * an insert never fails for want of a partition.
 *
 * <p>Partitions are found by their bound ({@code FOR VALUES IN ('run')}) in the catalog, never by name; their
 * names are {@code <first 11 characters of the table>_<8 hex digits of its SHA-256>_r_<run>} and
 * {@code <first 40 characters>_<8 hex digits>_default}, at most 63 characters, unique per table and run. All
 * DDL here needs the owner of the shadow schema; the test identity's privileges on the parent reach every
 * partition through the parent, and it has none on the partitions themselves.
 */
public final class RunPartitions {

    private static final Logger log = LoggerFactory.getLogger(RunPartitions.class);
    private static final String RUN = ShadowTwinCreator.RUN_COLUMN;

    private RunPartitions() {
    }

    /** Whether the twin (qualified, quoted) is a table partitioned by list of {@code tip_run}. */
    public static boolean isPartitioned(Connection c, String qualifiedTwin) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT p.partstrat, a.attname FROM pg_partitioned_table p"
                + " LEFT JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]"
                + " WHERE p.partrelid = ?::regclass")) {
            ps.setString(1, qualifiedTwin);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && "l".equals(rs.getString(1)) && RUN.equals(rs.getString(2));
            }
        }
    }

    /** The DDL of the {@code DEFAULT} partition of {@code shadow.table}. */
    static String createDefault(SchemaReader reader, String shadow, String table) {
        return "CREATE TABLE " + reader.qualified(shadow, name(table, 40) + "_default") + " PARTITION OF "
                + reader.qualified(shadow, table) + " DEFAULT";
    }

    /** The {@code DEFAULT} partition of the twin (qualified), or null. */
    public static String defaultPartition(Connection c, String qualifiedTwin) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT CASE WHEN partdefid = 0 THEN NULL ELSE"
                + " partdefid::regclass::text END FROM pg_partitioned_table WHERE partrelid = ?::regclass")) {
            ps.setString(1, qualifiedTwin);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The partition of the run in the twin (qualified), as a qualified name, or null when it has none. */
    public static String partitionOf(Connection c, String qualifiedTwin, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT c.oid::regclass::text FROM pg_inherits i"
                + " JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = ?::regclass"
                + " AND pg_get_expr(c.relpartbound, c.oid) = ?")) {
            ps.setString(1, qualifiedTwin);
            ps.setString(2, "FOR VALUES IN ('" + runId + "')");
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * Creates the run's partition in every partitioned twin of the isolated tables that lacks one, each in its own
     * transaction under the lock timeout; the run id must be valid ({@code TestRun.requireValidRunId}). A twin
     * whose DEFAULT partition already holds rows of the run, or whose lock is not granted in time, is left
     * without one: its rows of the run stay in DEFAULT and are purged by batched deletes. Returns the partitions
     * created.
     */
    public static List<String> create(Connection c, TablePolicies policies, String shadowSchema, String runId,
                                      Duration lockTimeout) throws SQLException {
        SchemaReader reader = new SchemaReader(c, Dialect.POSTGRESQL);
        List<String> created = new ArrayList<>();
        for (String[] twin : twins(reader, policies, shadowSchema)) {
            String qualified = reader.qualified(twin[0], twin[1]);
            if (!isPartitioned(c, qualified) || partitionOf(c, qualified, runId) != null) {
                continue;
            }
            String partition = reader.qualified(twin[0], name(twin[1], 11) + "_r_" + runId);
            String ddl = "CREATE TABLE " + partition + " PARTITION OF " + qualified + " FOR VALUES IN ('" + runId + "')";
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL lock_timeout = '" + lockTimeout.toMillis() + "ms'");
                st.execute(ddl);
                c.commit();
                created.add(partition);
                log.debug("created run partition {}", partition);
            } catch (SQLException e) {
                c.rollback();
                if (partitionOf(c, qualified, runId) == null) {
                    log.warn("tip-data could not create the partition of test run {} in {} ({}; SQLState {}); its"
                            + " rows go to the DEFAULT partition and are purged by batched deletes", runId, qualified,
                            e.getMessage(), e.getSQLState());
                }
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
        return created;
    }

    /** The twins of the isolated tables that exist, as {schema, table}. */
    static List<String[]> twins(SchemaReader reader, TablePolicies policies, String shadowSchema) throws SQLException {
        IsolatedTables isolated = IsolatedTables.resolve(reader, policies, shadowSchema);
        String shadow = reader.findSchema(shadowSchema);
        List<String[]> out = new ArrayList<>();
        if (shadow == null) {
            return out;
        }
        Map<String, String> tables = reader.tables(shadow);
        for (String table : isolated.present()) {
            String twin = tables.get(table.toLowerCase(Locale.ROOT));
            if (twin != null) {
                out.add(new String[] {shadow, twin});
            }
        }
        return out;
    }

    /**
     * What {@code ShadowSchema.check()} says about partitioning: a partitioned twin without a DEFAULT partition is
     * an error (an insert of a run without a partition would fail); with {@code partitionByRun}, a twin that is
     * not partitioned is a warning (its runs are purged by batched deletes, which is correct, only slower).
     */
    static void check(Connection c, SchemaReader reader, String shadow, String table, boolean partitionByRun,
                      List<SchemaProblem> problems) throws SQLException {
        String twin = reader.qualified(shadow, table);
        if (isPartitioned(c, twin)) {
            if (defaultPartition(c, twin) == null) {
                problems.add(new SchemaProblem(table, null, "partitioned twin " + shadow + "." + table + " has no"
                        + " DEFAULT partition, so a row of a run without a partition of its own is refused",
                        "run ShadowSchema.update() (it creates the DEFAULT partition)", SchemaProblem.Severity.ERROR));
            }
        } else if (partitionByRun) {
            problems.add(new SchemaProblem(table, null, "twin " + shadow + "." + table + " is not partitioned by run"
                    + " (partitionByRun(true)); its runs are purged by batched deletes", "drop the twin (it holds"
                    + " test rows only) and run ShadowSchema.create() again", SchemaProblem.Severity.WARNING));
        }
    }

    /** Creates the DEFAULT partition of every partitioned twin that lacks one; the statements run. */
    static List<String> ensureDefaults(Connection c, SchemaReader reader, TablePolicies policies, String shadowSchema)
            throws SQLException {
        List<String> applied = new ArrayList<>();
        for (String[] twin : twins(reader, policies, shadowSchema)) {
            String qualified = reader.qualified(twin[0], twin[1]);
            if (isPartitioned(c, qualified) && defaultPartition(c, qualified) == null) {
                String ddl = createDefault(reader, twin[0], twin[1]);
                try (Statement st = c.createStatement()) {
                    st.execute(ddl);
                }
                applied.add(ddl);
            }
        }
        return applied;
    }

    /** The first {@code keep} characters of the table and 8 hex digits of its SHA-256. */
    private static String name(String table, int keep) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(table.getBytes(StandardCharsets.UTF_8));
            return table.substring(0, Math.min(keep, table.length())) + "_" + HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
