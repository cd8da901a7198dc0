package io.tipdata.jdbc.internal;

import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import io.tipdata.jdbc.RefusedStatementException;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.ShardingKey;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * A connection pinned to the context it was borrowed in: production, or one test run, until it is closed.
 * Every statement, prepare, batch and execution on it (and on its statements and result sets) is judged by
 * that context: when the thread's current context is another one, it is refused with {@code TD003} and
 * nothing is sent. A connection borrowed for an explicit run ({@code TipDataSource.connectionFor}) is
 * vouched for by the framework that borrowed it: its statements go to its run whatever the thread's
 * context. {@code commit} (and {@code setAutoCommit(true)}, which commits) is judged like a statement;
 * {@code rollback} and {@code close} are always allowed, so that pools and frameworks can clean up. A test
 * connection refuses {@code setSchema}, {@code setCatalog}, {@code prepareCall} and updatable result sets.
 */
final class GuardedConnection implements Connection {

    /** {@code isolationToRestore} when the isolation level was left as it was. */
    static final int NO_CHANGE = -1;

    final StatementGuard guard;
    private final Connection delegate;
    /** The run this connection belongs to; {@code null}: production. */
    final TestRun run;
    private final boolean vouched;
    private final int isolationToRestore;

    GuardedConnection(StatementGuard guard, Connection delegate, TestRun run, boolean vouched,
            int isolationToRestore) {
        this.guard = guard;
        this.delegate = delegate;
        this.run = run;
        this.vouched = vouched;
        this.isolationToRestore = isolationToRestore;
    }

    /**
     * The run statements on this connection are sent for ({@code null}: production, as written); refuses
     * with {@code TD003} when the thread's context is not the one the connection was borrowed in.
     */
    TestRun context(String what) throws SQLException {
        TestRun current = TipContext.currentOrNull();
        if (run == null) {
            if (current != null) {
                throw guard.crossed(null, current, what);
            }
            return null;
        }
        if (!vouched && (current == null || !current.runId().equals(run.runId()))) {
            throw guard.crossed(run, current, what);
        }
        return run;
    }

    /** Refuses changes through an updatable result set on a test connection or outside this one's context. */
    void checkRowChange(String what) throws SQLException {
        if (run != null) {
            throw guard.refused(run, what + " on an updatable result set is refused on a test connection: the"
                    + " driver would write the row itself, unchecked; use UPDATE, INSERT or DELETE statements",
                    RefusedStatementException.REFUSED);
        }
        context(what);
    }

    private void refuseOnTestConnection(String what, String why) throws SQLException {
        context(what);
        if (run != null) {
            throw guard.refused(run, what + " is refused in test context: " + why, RefusedStatementException.REFUSED);
        }
    }

    private void refuseCallInTest() throws SQLException {
        refuseOnTestConnection("prepareCall", "tip-data cannot tell which tables a stored procedure touches");
    }

    private void refuseSessionChangeInTest(String change) throws SQLException {
        refuseOnTestConnection(change, "session state would outlive the request in the pool and could redirect"
                + " later statements");
    }

    private void refuseUpdatableInTest(int concurrency) throws SQLException {
        if (concurrency == ResultSet.CONCUR_UPDATABLE && run != null) {
            throw guard.refused(run, "a statement with CONCUR_UPDATABLE result sets is refused in test context:"
                    + " the driver would write rows itself, unchecked; use CONCUR_READ_ONLY and UPDATE, INSERT"
                    + " or DELETE statements", RefusedStatementException.REFUSED);
        }
    }

    /** The SQL to prepare: as written in production, rewritten for the connection's run in test context. */
    private String prepared(String sql, String what) throws SQLException {
        TestRun r = context(what);
        return r == null ? sql : guard.sqlFor(sql, r);
    }

    @Override
    public String toString() {
        return "GuardedConnection[" + delegate + "]";
    }

    @Override
    public Statement createStatement() throws SQLException {
        context("createStatement");
        return new GuardedStatement(this, delegate.createStatement());
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        context("createStatement");
        refuseUpdatableInTest(resultSetConcurrency);
        return new GuardedStatement(this, delegate.createStatement(resultSetType, resultSetConcurrency));
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency,
            int resultSetHoldability) throws SQLException {
        context("createStatement");
        refuseUpdatableInTest(resultSetConcurrency);
        return new GuardedStatement(this, delegate.createStatement(resultSetType, resultSetConcurrency,
                resultSetHoldability));
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        return new GuardedPreparedStatement(this, delegate.prepareStatement(prepared(sql, "prepareStatement")));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        return new GuardedPreparedStatement(this, delegate.prepareStatement(prepared(sql, "prepareStatement"),
                autoGeneratedKeys));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        return new GuardedPreparedStatement(this, delegate.prepareStatement(prepared(sql, "prepareStatement"),
                columnIndexes));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        return new GuardedPreparedStatement(this, delegate.prepareStatement(prepared(sql, "prepareStatement"),
                columnNames));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType,
            int resultSetConcurrency) throws SQLException {
        String send = prepared(sql, "prepareStatement");
        refuseUpdatableInTest(resultSetConcurrency);
        return new GuardedPreparedStatement(this, delegate.prepareStatement(send, resultSetType,
                resultSetConcurrency));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
            int resultSetHoldability) throws SQLException {
        String send = prepared(sql, "prepareStatement");
        refuseUpdatableInTest(resultSetConcurrency);
        return new GuardedPreparedStatement(this, delegate.prepareStatement(send, resultSetType,
                resultSetConcurrency, resultSetHoldability));
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        refuseCallInTest();
        return new GuardedCallableStatement(this, delegate.prepareCall(sql));
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        refuseCallInTest();
        return new GuardedCallableStatement(this, delegate.prepareCall(sql, resultSetType, resultSetConcurrency));
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
            int resultSetHoldability) throws SQLException {
        refuseCallInTest();
        return new GuardedCallableStatement(this, delegate.prepareCall(sql, resultSetType, resultSetConcurrency,
                resultSetHoldability));
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        return delegate.nativeSQL(prepared(sql, "nativeSQL"));
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        return new GuardedDatabaseMetaData(this, delegate.getMetaData());
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        refuseSessionChangeInTest("setSchema(" + schema + ")");
        delegate.setSchema(schema);
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        refuseSessionChangeInTest("setCatalog(" + catalog + ")");
        delegate.setCatalog(catalog);
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return guard.unwrap(this, delegate, iface, this);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return guard.isWrapperFor(this, delegate, iface, this);
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        delegate.setReadOnly(readOnly);
    }

    @Override
    public void close() throws SQLException {
        if (isolationToRestore != NO_CHANGE && !delegate.isClosed()) {
            try {
                delegate.setTransactionIsolation(isolationToRestore);
            } finally {
                delegate.close();
            }
            return;
        }
        delegate.close();
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return delegate.isReadOnly();
    }

    @Override
    public void commit() throws SQLException {
        context("commit");
        delegate.commit();
    }

    @Override
    public boolean isValid(int timeout) throws SQLException {
        return delegate.isValid(timeout);
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        delegate.abort(executor);
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        if (autoCommit) {
            context("setAutoCommit(true), which commits,");
        }
        delegate.setAutoCommit(autoCommit);
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        return delegate.getAutoCommit();
    }

    @Override
    public void rollback() throws SQLException {
        delegate.rollback();
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        delegate.rollback(savepoint);
    }

    @Override
    public boolean isClosed() throws SQLException {
        return delegate.isClosed();
    }

    @Override
    public String getCatalog() throws SQLException {
        return delegate.getCatalog();
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        if (run != null && guard.lowersTestIsolation() && level > TRANSACTION_READ_COMMITTED) {
            throw guard.refused(run, "setTransactionIsolation(" + level + ") is refused on a test connection:"
                    + " above READ COMMITTED its reads would lock production rows", RefusedStatementException.REFUSED);
        }
        delegate.setTransactionIsolation(level);
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        return delegate.getTransactionIsolation();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return delegate.getWarnings();
    }

    @Override
    public void clearWarnings() throws SQLException {
        delegate.clearWarnings();
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        return delegate.getTypeMap();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        delegate.setTypeMap(map);
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        delegate.setHoldability(holdability);
    }

    @Override
    public int getHoldability() throws SQLException {
        return delegate.getHoldability();
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        return delegate.setSavepoint();
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        return delegate.setSavepoint(name);
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        delegate.releaseSavepoint(savepoint);
    }

    @Override
    public Clob createClob() throws SQLException {
        return delegate.createClob();
    }

    @Override
    public Blob createBlob() throws SQLException {
        return delegate.createBlob();
    }

    @Override
    public NClob createNClob() throws SQLException {
        return delegate.createNClob();
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        return delegate.createSQLXML();
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        delegate.setClientInfo(properties);
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        delegate.setClientInfo(name, value);
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        return delegate.getClientInfo();
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        return delegate.getClientInfo(name);
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        return delegate.createArrayOf(typeName, elements);
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        return delegate.createStruct(typeName, attributes);
    }

    @Override
    public String getSchema() throws SQLException {
        return delegate.getSchema();
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        delegate.setNetworkTimeout(executor, milliseconds);
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        return delegate.getNetworkTimeout();
    }

    @Override
    public void beginRequest() throws SQLException {
        delegate.beginRequest();
    }

    @Override
    public void endRequest() throws SQLException {
        delegate.endRequest();
    }

    @Override
    public boolean setShardingKeyIfValid(ShardingKey shardingKey, ShardingKey superShardingKey,
            int timeout) throws SQLException {
        return delegate.setShardingKeyIfValid(shardingKey, superShardingKey, timeout);
    }

    @Override
    public boolean setShardingKeyIfValid(ShardingKey shardingKey, int timeout) throws SQLException {
        return delegate.setShardingKeyIfValid(shardingKey, timeout);
    }

    @Override
    public void setShardingKey(ShardingKey shardingKey) throws SQLException {
        delegate.setShardingKey(shardingKey);
    }

    @Override
    public void setShardingKey(ShardingKey shardingKey, ShardingKey superShardingKey) throws SQLException {
        delegate.setShardingKey(shardingKey, superShardingKey);
    }
}
