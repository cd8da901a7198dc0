package io.tipdata.hibernate.internal;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;

/**
 * One application tenant's connections of the application's {@link MultiTenantConnectionProvider} as a
 * {@link DataSource}: {@code getConnection()} borrows {@code provider.getConnection(tenant)}, and closing the
 * connection gives it back with {@code releaseConnection(tenant, c)} (once; later closes do nothing).
 */
public final class TenantConnections implements DataSource {

    private final MultiTenantConnectionProvider<String> provider;
    private final String tenant;

    /** The tenant's connections of the provider. */
    public TenantConnections(MultiTenantConnectionProvider<String> provider, String tenant) {
        this.provider = java.util.Objects.requireNonNull(provider, "provider");
        this.tenant = java.util.Objects.requireNonNull(tenant, "tenant");
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = provider.getConnection(tenant);
        if (c == null) {
            throw new SQLException("the MultiTenantConnectionProvider " + provider + " gave no connection for tenant '"
                    + tenant + "'");
        }
        AtomicBoolean released = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close":
                            if (args == null && released.compareAndSet(false, true)) {
                                provider.releaseConnection(tenant, c);
                            }
                            return null;
                        case "isClosed":
                            if (args == null && released.get()) {
                                return true;
                            }
                            break;
                        case "equals":
                            return proxy == args[0];
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "toString":
                            return "TenantConnection[" + tenant + ", " + c + "]";
                        default:
                            break;
                    }
                    if (released.get() && !method.getName().equals("isClosed")) {
                        throw new SQLException("connection of tenant '" + tenant + "' already given back", "08003");
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Refused: the application's provider decides the login of each tenant. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the connections of tenant '" + tenant + "' come from the"
                + " application's MultiTenantConnectionProvider; call getConnection()");
    }

    /** The application tenant. */
    public String tenant() {
        return tenant;
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no log writer
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the provider's pool decides
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("TenantConnections is not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public String toString() {
        return "TenantConnections[" + tenant + " of " + provider + "]";
    }
}
