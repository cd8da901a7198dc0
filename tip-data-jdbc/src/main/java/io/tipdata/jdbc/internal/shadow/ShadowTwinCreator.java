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
 * On H2, creations in one JVM run one at a time (H2 times out on concurrent DDL); on PostgreSQL and
 * MariaDB, other threads or processes creating the same schema and twins at once are tolerated.
 */
public final class ShadowTwinCreator {

    /** The column that holds the run id in every twin. */
    public static final String RUN_COLUMN = "tip_run";

    private static final Logger log = LoggerFactory.getLogger(ShadowTwinCreator.class);
    private static final Object CREATING = new Object();

    private final Connection connection;
    private final SchemaReader reader;
    private final IndexReader indexes;
    private final TablePolicies policies;
    private final String shadowSchema;
    private final boolean partitionByRun;

    /** A creator working through the open connection. */
    public ShadowTwinCreator(Connection connection, Dialect dialect, TablePolicies policies, String shadowSchema)
            throws SQLException {
        this(connection, dialect, policies, shadowSchema, false);
    }

    /** A creator whose new twins are partitioned by run ({@code partitionByRun}, PostgreSQL only). */
    public ShadowTwinCreator(Connection connection, Dialect dialect, TablePolicies policies, String shadowSchema,
                             boolean partitionByRun) throws SQLException {
        this.partitionByRun = partitionByRun;
        this.connection = connection;
        this.reader = new SchemaReader(connection, dialect);
        this.indexes = new IndexReader(connection, reader);
        this.policies = policies;
        this.shadowSchema = shadowSchema;
    }

    /** Creates what is missing and returns the production names of the tables that got a new twin. */
    public List<String> createMissing() throws SQLException {
        if (reader.dialect() != Dialect.H2) {
            return createMissingNow();
        }
        synchronized (CREATING) {
            return createMissingNow();
        }
    }

    private List<String> createMissingNow() throws SQLException {
        IsolatedTables isolated = IsolatedTables.resolve(reader, policies, shadowSchema);
        for (String missing : isolated.missing()) {
            log.debug("isolated table {} does not exist in {}; no twin created", missing, isolated.schema());
        }
        String shadow = reader.fold(shadowSchema);
        if (reader.findSchema(shadowSchema) == null) {
            createSchema(shadow);
        }
        var twins = reader.tables(shadow);
        List<String> created = new ArrayList<>();
        for (String table : isolated.present()) {
            if (!twins.containsValue(table) && createTwin(isolated.schema(), shadow, table)) {
                created.add(table);
            }
        }
        return created;
    }

    /**
     * Runs the twin's DDL. If the first statement fails because another process created the twin in the
     * meantime, that twin is kept; if a later statement fails, the half-built twin is removed again (rolled
     * back on PostgreSQL, dropped elsewhere), so that running the creation again starts afresh.
     */
    private boolean createTwin(String schema, String shadow, String table) throws SQLException {
        List<String> ddl = TwinStatements.of(reader, connection, partitionByRun).twin(schema, shadow, table,
                indexes.keys(schema, table), indexes.indexes(schema, table));
        boolean autoCommit = connection.getAutoCommit();
        boolean transactional = reader.dialect() == Dialect.POSTGRESQL;
        if (transactional) {
            connection.setAutoCommit(false);
        }
        int done = 0;
        try {
            for (String sql : ddl) {
                execute(sql);
                done++;
            }
            if (transactional) {
                connection.commit();
            }
            log.debug("created shadow twin {}.{}", shadow, table);
            return true;
        } catch (SQLException e) {
            if (transactional) {
                connection.rollback();
            } else if (done > 0) {
                dropQuietly(shadow, table, e);
            }
            if (done == 0 && reader.tables(shadow).containsValue(table)) {
                log.debug("shadow twin {}.{} was created concurrently: {}", shadow, table, e.getMessage());
                return false;
            }
            throw new SQLException("could not create shadow twin " + shadow + "." + table + " of " + schema + "."
                    + table + ": statement " + (done + 1) + " of " + ddl.size() + " failed: " + ddl.get(done) + ": "
                    + e.getMessage() + (done == 0 ? "" : "; the partly built twin was removed")
                    + "; remove the cause and create again", e.getSQLState(), e);
        } finally {
            if (transactional) {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private void createSchema(String shadow) throws SQLException {
        try {
            execute((reader.dialect() == Dialect.MARIADB ? "CREATE DATABASE IF NOT EXISTS " : "CREATE SCHEMA IF NOT EXISTS ")
                    + reader.quote(shadow));
            log.debug("created shadow schema {}", shadow);
        } catch (SQLException e) {
            if (reader.findSchema(shadowSchema) == null) {
                throw new SQLException("could not create shadow schema " + shadow + ": " + e.getMessage(),
                        e.getSQLState(), e);
            }
            log.debug("shadow schema {} was created concurrently: {}", shadow, e.getMessage());
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
