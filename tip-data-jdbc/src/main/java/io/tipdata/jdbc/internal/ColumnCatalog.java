package io.tipdata.jdbc.internal;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TablePolicy;
import io.tipdata.jdbc.internal.rewrite.TableColumns;
import io.tipdata.jdbc.internal.shadow.SchemaReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the production columns of every ISOLATED table of the default schema (declared by name or matched by a
 * pattern) from {@link java.sql.DatabaseMetaData}, for the rewrite of {@code *}. Tables created later are not
 * known: a {@code *} over them is refused.
 */
public final class ColumnCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(ColumnCatalog.class);

    private ColumnCatalog() {
    }

    /** The columns of the ISOLATED tables, read over a connection of the data source. */
    public static TableColumns load(DataSource dataSource, TablePolicies policies, Dialect dialect) {
        try (Connection c = dataSource.getConnection()) {
            return load(c, policies, dialect);
        } catch (SQLException e) {
            throw new IllegalStateException("TipDataSource cannot read the columns of the isolated tables: "
                    + e.getMessage() + "; make sure the data source connects to the production schema", e);
        }
    }

    /** The columns of the ISOLATED tables of the connection's default schema. */
    public static TableColumns load(Connection connection, TablePolicies policies, Dialect dialect) throws SQLException {
        SchemaReader reader = new SchemaReader(connection, dialect);
        String schema = reader.defaultSchema();
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Set<String> invisible = dialect == Dialect.MARIADB ? invisibleColumns(connection, schema) : Set.of();
        for (Map.Entry<String, String> table : reader.tables(schema).entrySet()) {
            if (policies.policyOf(table.getKey()) == TablePolicy.ISOLATED) {
                List<String> names = reader.columnNames(schema, table.getValue()).stream()
                        .filter(c -> !invisible.contains(table.getValue() + "." + c)).toList();
                if (!names.isEmpty()) {
                    columns.put(table.getKey(), names);
                }
            }
        }
        LOG.debug("read the columns of {} isolated tables of schema {}", columns.size(), schema);
        return TableColumns.of(columns);
    }

    /**
     * MariaDB's metadata lists INVISIBLE columns, which {@code *} leaves out; H2's metadata leaves them out
     * itself, PostgreSQL has none. Keys are {@code table.column}.
     */
    private static Set<String> invisibleColumns(Connection connection, String schema) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT TABLE_NAME, COLUMN_NAME FROM"
                + " information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND EXTRA LIKE '%INVISIBLE%'")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + "." + rs.getString(2));
                }
            }
        }
        return out;
    }
}
