package io.tipdata.jdbc.internal.shadow;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.TablePolicies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Grants the test identity exactly what test traffic needs, through a connection that may grant (the
 * production tables' owner): {@code SELECT, INSERT, UPDATE, DELETE} on every twin, {@code SELECT} on every
 * {@code REFERENCE} table, and on PostgreSQL {@code USAGE} on both schemas and on the sequences the twins draw
 * ids from. Grants are idempotent; nothing is revoked (excess privileges are reported by
 * {@link IdentityCheck}); the login itself is never created here.
 */
public final class IdentityGrants {

    private static final Logger log = LoggerFactory.getLogger(IdentityGrants.class);
    private static final String TWIN_PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE";

    private final Connection connection;
    private final SchemaReader reader;
    private final TablePolicies policies;
    private final String shadowSchema;

    /** Grants through the open production connection. */
    public IdentityGrants(Connection connection, Dialect dialect, TablePolicies policies, String shadowSchema)
            throws SQLException {
        this.connection = connection;
        this.reader = new SchemaReader(connection, dialect);
        this.policies = policies;
        this.shadowSchema = shadowSchema;
    }

    /** Grants what is needed to the identity and returns the statements it ran. */
    public List<String> grant(TestIdentity identity) throws SQLException {
        IdentityObjects objects = IdentityObjects.resolve(reader, policies, shadowSchema);
        String to = " TO " + identity.grantee();
        List<String> sql = new ArrayList<>();
        boolean pg = reader.dialect() == Dialect.POSTGRESQL;
        if (pg) {
            sql.add("GRANT USAGE ON SCHEMA " + reader.quote(objects.schema()) + to);
            if (objects.shadow() != null) {
                sql.add("GRANT USAGE ON SCHEMA " + reader.quote(objects.shadow()) + to);
            }
        }
        for (String twin : objects.twins()) {
            sql.add("GRANT " + TWIN_PRIVILEGES + " ON " + table(objects.shadow(), twin) + to);
            if (pg) {
                for (String sequence : twinSequences(connection, reader.qualified(objects.shadow(), twin))) {
                    sql.add("GRANT USAGE ON SEQUENCE " + sequence + to);
                }
            }
        }
        for (String reference : objects.reference()) {
            sql.add("GRANT SELECT ON " + table(objects.schema(), reference) + to);
        }
        try (Statement st = connection.createStatement()) {
            for (String s : sql) {
                log.debug("test identity grant: {}", s);
                try {
                    execute(st, s);
                } catch (SQLException e) {
                    throw new SQLException("could not grant the test identity " + identity + " what test traffic"
                            + " needs: " + s + ": " + e.getMessage() + "; grant with the owner of the production"
                            + " tables and the shadow schema (on MariaDB a login WITH GRANT OPTION)",
                            e.getSQLState(), e);
                }
            }
        }
        return sql;
    }

    /**
     * Runs one grant, again up to twice when it collides with another instance granting at the same time (H2
     * reports that as a transient error, PostgreSQL as a tuple concurrently updated); a grant is idempotent.
     */
    private static void execute(Statement st, String sql) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                st.execute(sql);
                return;
            } catch (SQLException e) {
                boolean collided = e instanceof SQLTransientException
                        || String.valueOf(e.getMessage()).contains("concurrently updated");
                if (!collided || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private String table(String schema, String table) {
        return reader.qualified(schema, table);
    }

    /** PostgreSQL: the sequences the twin's column defaults draw from, as qualified quoted names. */
    static List<String> twinSequences(Connection connection, String qualifiedTwin) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT DISTINCT d.refobjid::regclass::text"
                + " FROM pg_attrdef ad JOIN pg_depend d ON d.classid = 'pg_attrdef'::regclass AND d.objid = ad.oid"
                + " JOIN pg_class s ON s.oid = d.refobjid AND s.relkind = 'S' WHERE ad.adrelid = ?::regclass")) {
            ps.setString(1, qualifiedTwin);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
