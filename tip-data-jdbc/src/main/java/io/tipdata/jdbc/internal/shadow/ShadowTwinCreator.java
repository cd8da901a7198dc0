package io.tipdata.jdbc.internal.shadow;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.TablePolicies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the shadow schema and each missing twin. Existing twins are left as they are; production tables
 * are only read. A twin whose creation fails is dropped again, so no half-built twin stays behind.
 */
public final class ShadowTwinCreator {

    /** The column that holds the run id in every twin. */
    public static final String RUN_COLUMN = "tip_run";

    private static final Logger log = LoggerFactory.getLogger(ShadowTwinCreator.class);

    private final Connection connection;
    private final SchemaReader reader;
    private final TablePolicies policies;
    private final String shadowSchema;

    /** A creator working through the open connection. */
    public ShadowTwinCreator(Connection connection, Dialect dialect, TablePolicies policies, String shadowSchema)
            throws SQLException {
        this.connection = connection;
        this.reader = new SchemaReader(connection, dialect);
        this.policies = policies;
        this.shadowSchema = shadowSchema;
    }

    /** Creates what is missing and returns the production names of the tables that got a new twin. */
    public List<String> createMissing() throws SQLException {
        IsolatedTables isolated = IsolatedTables.resolve(reader, policies, shadowSchema);
        for (String missing : isolated.missing()) {
            log.debug("isolated table {} does not exist in {}; no twin created", missing, isolated.schema());
        }
        String shadow = reader.findSchema(shadowSchema);
        if (shadow == null) {
            shadow = reader.fold(shadowSchema);
            execute((reader.dialect() == Dialect.MARIADB ? "CREATE DATABASE IF NOT EXISTS " : "CREATE SCHEMA IF NOT EXISTS ")
                    + reader.quote(shadow));
            log.debug("created shadow schema {}", shadow);
        }
        var twins = reader.tables(shadow);
        List<String> created = new ArrayList<>();
        for (String table : isolated.present()) {
            if (!twins.containsValue(table)) {
                createTwin(isolated.schema(), shadow, table);
                created.add(table);
            }
        }
        return created;
    }

    private void createTwin(String schema, String shadow, String table) throws SQLException {
        List<KeyShape> keys = reader.uniqueKeys(schema, table);
        List<String> ddl = TwinStatements.of(reader, connection).twin(schema, shadow, table, keys);
        boolean autoCommit = connection.getAutoCommit();
        boolean transactional = reader.dialect() == Dialect.POSTGRESQL;
        if (transactional) {
            connection.setAutoCommit(false);
        }
        try {
            for (String sql : ddl) {
                execute(sql);
            }
            if (transactional) {
                connection.commit();
            }
            log.debug("created shadow twin {}.{}", shadow, table);
        } catch (SQLException e) {
            if (transactional) {
                connection.rollback();
            } else {
                dropQuietly(shadow, table, e);
            }
            throw new SQLException("could not create shadow twin " + shadow + "." + table + " of " + schema + "."
                    + table + ": " + e.getMessage(), e.getSQLState(), e);
        } finally {
            if (transactional) {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private void dropQuietly(String shadow, String table, SQLException cause) {
        try {
            execute("DROP TABLE IF EXISTS " + reader.qualified(shadow, table));
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void execute(String sql) throws SQLException {
        log.debug("shadow DDL: {}", sql);
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }
}
