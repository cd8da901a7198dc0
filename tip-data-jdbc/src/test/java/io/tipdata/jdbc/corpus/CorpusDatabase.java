package io.tipdata.jdbc.corpus;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TablePolicy;
import io.tipdata.jdbc.TestServers;
import io.tipdata.jdbc.internal.ColumnCatalog;
import io.tipdata.jdbc.internal.rewrite.TableColumns;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A database loaded with the corpus fixture: production tables in schema {@code corpus} (H2: the default
 * schema), shadow twins in {@link #SHADOW_SCHEMA} holding run {@code r1} (a copy of production) and run
 * {@code r2} (noise). Every statement runs in a transaction that is rolled back.
 */
final class CorpusDatabase implements AutoCloseable {

    static final String SHADOW_SCHEMA = "corpus_shadow";
    static final List<String> ISOLATED = List.of("customers", "products", "orders", "order_items");
    static final List<String> REFERENCE = List.of("countries", "currencies");
    private static final Pattern GENERATES_KEYS = Pattern.compile("(?i)\\borders\\b");

    private final Dialect dialect;
    private final Connection connection;

    private CorpusDatabase(Dialect dialect, Connection connection) {
        this.dialect = dialect;
        this.connection = connection;
    }

    /** Connects to the dialect's test database and (re)creates the fixture. */
    static CorpusDatabase open(Dialect dialect) throws SQLException {
        Connection c = switch (dialect) {
            case H2 -> DriverManager.getConnection("jdbc:h2:mem:corpus;DB_CLOSE_DELAY=-1", "sa", "");
            case POSTGRESQL -> DriverManager.getConnection(
                    TestServers.PG_URL, TestServers.PG_USER, TestServers.PG_PASSWORD);
            case MARIADB -> DriverManager.getConnection(
                    TestServers.MARIADB_URL, TestServers.MARIADB_USER, TestServers.MARIADB_PASSWORD);
        };
        String name = dialect.name().toLowerCase(Locale.ROOT);
        c.setAutoCommit(true);
        for (String script : List.of("schema-" + name + ".sql", "data.sql", "attrs-" + name + ".sql", "shadow.sql")) {
            for (String stmt : Corpus.resource(script).split(";\\s*\n")) {
                if (!stmt.isBlank()) {
                    try (Statement st = c.createStatement()) {
                        st.execute(stmt);
                    } catch (SQLException e) {
                        throw new SQLException("fixture " + script + " failed at: " + stmt, e);
                    }
                }
            }
        }
        c.setAutoCommit(false);
        return new CorpusDatabase(dialect, c);
    }

    Dialect dialect() {
        return dialect;
    }

    /** The policies the corpus is rewritten with. */
    static TablePolicies policies() {
        return TablePolicies.builder()
                .table(TablePolicy.ISOLATED, ISOLATED.toArray(String[]::new))
                .table(TablePolicy.REFERENCE, REFERENCE.toArray(String[]::new))
                .build();
    }

    /** The production columns of the ISOLATED tables, read as TipDataSource reads them at build(). */
    TableColumns columns() throws SQLException {
        return ColumnCatalog.load(connection, policies(), dialect);
    }

    Connection connection() {
        return connection;
    }

    /** Queries that read every production table (ISOLATED and REFERENCE) and both shadow partitions. */
    static Map<String, String> allSnapshots() {
        Map<String, String> q = productionSnapshots();
        for (String t : ISOLATED) {
            for (String run : List.of("r1", "r2")) {
                q.put(run + "." + t, "SELECT * FROM " + SHADOW_SCHEMA + "." + t + " WHERE tip_run = '" + run + "'");
            }
        }
        return q;
    }

    /** Queries that read every production table. */
    static Map<String, String> productionSnapshots() {
        Map<String, String> q = new LinkedHashMap<>();
        for (String t : ISOLATED) {
            q.put(t, "SELECT * FROM " + t);
        }
        for (String t : REFERENCE) {
            q.put(t, "SELECT * FROM " + t);
        }
        return q;
    }

    /**
     * Runs the statement in a fresh transaction, reads the snapshot queries in it, and rolls back. Generated
     * keys start from the same value on both sides before any write.
     */
    Outcome runAndRollback(String sql, List<Object> params, boolean write, Map<String, String> snapshots)
            throws SQLException {
        return runAndRollback(List.of(), sql, params, write, snapshots);
    }

    /** Like {@link #runAndRollback(String, List, boolean, Map)}, running {@code prepare} first in the same transaction. */
    Outcome runAndRollback(List<String> prepare, String sql, List<Object> params, boolean write,
            Map<String, String> snapshots) throws SQLException {
        if (write && GENERATES_KEYS.matcher(sql).find()) {
            restartIdentities();
        }
        try {
            for (String p : prepare) {
                try (Statement st = connection.createStatement()) {
                    st.execute(p);
                }
            }
            Outcome result;
            try {
                result = execute(sql, params);
            } catch (SQLException e) {
                return Outcome.failed(e.getClass().getSimpleName() + " [" + e.getSQLState() + "] " + e.getMessage());
            }
            Map<String, List<List<String>>> tables = new LinkedHashMap<>();
            for (Map.Entry<String, String> s : snapshots.entrySet()) {
                try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(s.getValue())) {
                    tables.put(s.getKey(), rows(rs, new ArrayList<>(), true));
                }
            }
            return new Outcome(result.columns(), result.rows(), result.updateCount(), null, tables);
        } finally {
            connection.rollback();
        }
    }

    private Outcome execute(String sql, List<Object> params) throws SQLException {
        Statement st = params.isEmpty() ? connection.createStatement() : connection.prepareStatement(sql);
        try (st) {
            boolean hasRows;
            if (st instanceof PreparedStatement ps) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                hasRows = ps.execute();
            } else {
                hasRows = st.execute(sql);
            }
            if (!hasRows) {
                return new Outcome(List.of(), List.of(), st.getLargeUpdateCount(), null, Map.of());
            }
            try (ResultSet rs = st.getResultSet()) {
                List<String> columns = new ArrayList<>();
                List<List<String>> rows = rows(rs, columns, false);
                return new Outcome(columns, rows, -1, null, Map.of());
            }
        }
    }

    private void restartIdentities() throws SQLException {
        List<String> ddl = switch (dialect) {
            case H2, POSTGRESQL -> List.of("ALTER TABLE orders ALTER COLUMN id RESTART WITH 1000",
                    "ALTER TABLE " + SHADOW_SCHEMA + ".orders ALTER COLUMN id RESTART WITH 1000");
            case MARIADB -> List.of("ALTER TABLE orders AUTO_INCREMENT = 1000",
                    "ALTER TABLE " + SHADOW_SCHEMA + ".orders AUTO_INCREMENT = 1000");
        };
        for (String s : ddl) {
            try (Statement st = connection.createStatement()) {
                st.execute(s);
            }
        }
        connection.commit();
    }

    /**
     * Reads all rows as normalised text and fills in the labels; a table snapshot leaves out {@code tip_run},
     * a statement's own result keeps every column it returns.
     */
    private static List<List<String>> rows(ResultSet rs, List<String> columns, boolean snapshot)
            throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<Integer> keep = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String label = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
            if (!snapshot || !label.equals("tip_run")) {
                keep.add(i);
                columns.add(label);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
            List<String> row = new ArrayList<>(keep.size());
            for (int i : keep) {
                row.add(text(rs.getObject(i)));
            }
            rows.add(row);
        }
        return rows;
    }

    static String text(Object v) throws SQLException {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof java.math.BigInteger) {
            return new BigDecimal(v.toString()).toPlainString();
        }
        if (v instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        if (v instanceof Array a) {
            Object arr = a.getArray();
            return arr instanceof Object[] objects ? Arrays.deepToString(objects) : String.valueOf(arr);
        }
        return v.toString();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
