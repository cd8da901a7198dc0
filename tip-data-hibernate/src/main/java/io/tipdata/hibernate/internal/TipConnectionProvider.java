package io.tipdata.hibernate.internal;

import io.tipdata.core.TestRun;
import io.tipdata.jdbc.TipDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;

/**
 * Hands each session connections of the context its tenant identifier names (see {@link RunTenants}):
 * {@link TipDataSource#productionConnection()} for {@value RunTenants#PRODUCTION} (refused, {@code TD003}, when
 * used while a test run is bound on the thread), {@link TipDataSource#connectionFor(TestRun)} otherwise (rewritten
 * for the session's run whatever the thread's context).
 * Connections without a session (schema tools, metadata at boot) are production connections.
 */
public final class TipConnectionProvider implements MultiTenantConnectionProvider<String> {

    private static final long serialVersionUID = 1L;

    private final transient TipDataSource dataSource;
    private final transient RunTenants tenants;

    /** A provider over the data source, for the tenants of one session factory. */
    public TipConnectionProvider(TipDataSource dataSource, RunTenants tenants) {
        this.dataSource = dataSource;
        this.tenants = tenants;
    }

    @Override
    public Connection getAnyConnection() throws SQLException {
        return dataSource.productionConnection();
    }

    @Override
    public void releaseAnyConnection(Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public Connection getConnection(String tenantIdentifier) throws SQLException {
        TestRun run = tenants.runOf(tenantIdentifier);
        return run == null ? dataSource.productionConnection() : dataSource.connectionFor(run);
    }

    @Override
    public void releaseConnection(String tenantIdentifier, Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public boolean supportsAggressiveRelease() {
        return false;
    }

    /** The data source under the sessions. */
    public TipDataSource dataSource() {
        return dataSource;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> unwrapType) {
        return unwrapType.isInstance(this);
    }

    @Override
    public <T> T unwrap(Class<T> unwrapType) {
        if (unwrapType.isInstance(this)) {
            return unwrapType.cast(this);
        }
        throw new IllegalArgumentException("TipConnectionProvider cannot be unwrapped as " + unwrapType.getName());
    }
}
