package io.tipdata.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that counts the purge's DELETE statements (and the DETACH of a partition) and, after a chosen
 * one, misbehaves: runs a hook (crash the purger, kill its session) or fails every connection for a while, as a
 * database that went away; or rewrites each DELETE, as a purge whose SQL were wrong.
 */
final class FlakyDataSource implements DataSource {

    /** Thrown to simulate the purger's process dying: nothing in the purge catches an Error. */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;

        Crash() {
            super("simulated crash of the purging process");
        }
    }

    private final DataSource target;
    final AtomicInteger deletes = new AtomicInteger();
    private volatile int triggerAt = Integer.MAX_VALUE;
    private volatile IntConsumer hook = n -> { };
    private volatile long downUntil;
    final AtomicInteger refused = new AtomicInteger();
    private volatile UnaryOperator<String> rewrite = UnaryOperator.identity();

    FlakyDataSource(DataSource target) {
        this.target = target;
    }

    /** Before the DELETE number {@code n} (from 1) is prepared, runs the hook. */
    FlakyDataSource beforeDelete(int n, IntConsumer hook) {
        this.triggerAt = n;
        this.hook = hook;
        return this;
    }

    /** Sends every DELETE as the operator rewrites it. */
    FlakyDataSource rewriteDeletes(UnaryOperator<String> rewrite) {
        this.rewrite = rewrite;
        return this;
    }

    /** Fails every connection and statement for the next {@code millis}. */
    void goAway(long millis) {
        downUntil = System.nanoTime() + millis * 1_000_000L;
    }

    private void checkUp() throws SQLException {
        if (System.nanoTime() < downUntil) {
            refused.incrementAndGet();
            throw new SQLTransientConnectionException("simulated: database unreachable", "08001");
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        checkUp();
        return wrap(target.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        checkUp();
        return wrap(target.getConnection(user, password));
    }

    private Connection wrap(Connection c) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql
                            && (sql.contains("DELETE") || sql.contains("DETACH"))) {
                        args[0] = sql.contains("DELETE") ? rewrite.apply(sql) : sql;
                        int n = deletes.incrementAndGet();
                        if (n == triggerAt) {
                            hook.accept(n);
                        }
                        if (System.nanoTime() < downUntil) {
                            refused.incrementAndGet();
                            throw new SQLNonTransientConnectionException("simulated: connection lost", "08006");
                        }
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return target.isWrapperFor(iface);
    }
}
