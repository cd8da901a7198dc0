package io.tipdata.hibernate.internal;

import io.tipdata.core.TestRun;
import io.tipdata.hibernate.TipTenants;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TipDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;
import org.hibernate.service.spi.Configurable;
import org.hibernate.service.spi.ServiceRegistryAwareService;
import org.hibernate.service.spi.ServiceRegistryImplementor;
import org.hibernate.service.spi.Stoppable;

/**
 * Hands each session connections of the context its tenant identifier names (see {@link RunTenants}):
 * {@link TipDataSource#productionConnection()} for {@value RunTenants#PRODUCTION} (refused, {@code TD003}, when
 * used while a test run is bound on the thread), {@link TipDataSource#connectionFor(TestRun)} otherwise (rewritten
 * for the session's run whatever the thread's context).
 * Connections without a session (schema tools, metadata at boot) are production connections.
 *
 * <p>Over the application's own provider (schema or database per tenant) it keeps one TipDataSource per application
 * tenant {@code T}, built by {@link TipTenants} at the first connection of {@code T} over {@link TenantConnections},
 * and serves {@code T|tip:production} and {@code T|tip:run:<id>} from it; connections without a session are the
 * application provider's {@code getAnyConnection()}.
 */
public final class TipConnectionProvider implements MultiTenantConnectionProvider<String>, Configurable,
        ServiceRegistryAwareService, Stoppable {

    private static final long serialVersionUID = 1L;

    private final transient TipDataSource dataSource;
    private final transient RunTenants tenants;
    private final transient MultiTenantConnectionProvider<String> app;
    private final transient TipTenants appTenants;
    private final transient Map<String, TipDataSource> perTenant = new ConcurrentHashMap<>();
    private transient volatile java.util.Set<String> sequences = java.util.Set.of();

    /** A provider over the data source, for the tenants of one session factory. */
    public TipConnectionProvider(TipDataSource dataSource, RunTenants tenants) {
        this.dataSource = dataSource;
        this.tenants = tenants;
        this.app = null;
        this.appTenants = null;
    }

    /** A provider over the application's provider, one TipDataSource per application tenant. */
    public TipConnectionProvider(MultiTenantConnectionProvider<String> app, TipTenants appTenants, RunTenants tenants) {
        this.dataSource = null;
        this.tenants = tenants;
        this.app = app;
        this.appTenants = appTenants;
    }

    /** Passes Hibernate's service set-up on to the application's provider, as Hibernate would have done. */
    @Override
    public void injectServices(ServiceRegistryImplementor serviceRegistry) {
        if (app instanceof ServiceRegistryAwareService aware) {
            aware.injectServices(serviceRegistry);
        }
    }

    @Override
    public void configure(Map<String, Object> configurationValues) {
        if (app instanceof Configurable configurable) {
            configurable.configure(configurationValues);
        }
    }

    @Override
    public void stop() {
        if (app instanceof Stoppable stoppable) {
            stoppable.stop();
        }
    }

    @Override
    public Connection getAnyConnection() throws SQLException {
        return app != null ? app.getAnyConnection() : dataSource.productionConnection();
    }

    @Override
    public void releaseAnyConnection(Connection connection) throws SQLException {
        if (app != null) {
            app.releaseAnyConnection(connection);
        } else {
            connection.close();
        }
    }

    @Override
    public Connection getConnection(String tenantIdentifier) throws SQLException {
        TestRun run = tenants.runOf(tenantIdentifier);
        TipDataSource ds = app == null ? dataSource : dataSourceOf(tenantIdentifier);
        return run == null ? ds.productionConnection() : ds.connectionFor(run);
    }

    /** The TipDataSource of the application tenant in the identifier, built once. */
    private TipDataSource dataSourceOf(String tenantIdentifier) throws SQLException {
        if (!RunTenants.isComposed(tenantIdentifier)) {
            throw new IllegalArgumentException("tenant identifier '" + tenantIdentifier + "' carries no application"
                    + " tenant; with the application's MultiTenantConnectionProvider sessions take their tenant from"
                    + " the application's hibernate.tenant_identifier_resolver");
        }
        String appTenant = String.valueOf(tenants.appTenantOf(tenantIdentifier));
        TipDataSource ds = perTenant.get(appTenant);
        if (ds != null) {
            return ds;
        }
        synchronized (perTenant) {
            ds = perTenant.get(appTenant);
            if (ds == null) {
                ds = appTenants.dataSourceFor(appTenant, new TenantConnections(app, appTenant));
                if (!sequences.isEmpty()) {
                    ds.allowSequences(sequences);
                }
                perTenant.put(appTenant, ds);
            }
            return ds;
        }
    }

    /**
     * Lets test statements draw ids from the sequences (the mapping's, as {@code allowSequence} takes names), in
     * the TipDataSource and in every application tenant's, those built later included.
     */
    public void allowSequences(java.util.Set<String> names) {
        synchronized (perTenant) {
            java.util.Set<String> all = new java.util.LinkedHashSet<>(sequences);
            all.addAll(names);
            sequences = java.util.Set.copyOf(all);
            if (dataSource != null) {
                dataSource.allowSequences(names);
            }
            perTenant.values().forEach(ds -> ds.allowSequences(names));
        }
    }

    /** The policies of the TipDataSource (of every tenant's). */
    public TablePolicies policies() {
        return app != null ? appTenants.policies() : dataSource.policies();
    }

    /** The TipDataSource of an application tenant, if one was built, or {@code null}. */
    public TipDataSource dataSourceOfTenant(String appTenant) {
        return perTenant.get(appTenant);
    }

    @Override
    public void releaseConnection(String tenantIdentifier, Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public boolean supportsAggressiveRelease() {
        return false;
    }

    /** The data source under the sessions ({@code null} over the application's own provider). */
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
