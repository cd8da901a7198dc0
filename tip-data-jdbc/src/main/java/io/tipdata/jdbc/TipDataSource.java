package io.tipdata.jdbc;

import io.tipdata.core.KillSwitch;
import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import io.tipdata.jdbc.internal.ColumnCatalog;
import io.tipdata.jdbc.internal.StartupCheck;
import io.tipdata.jdbc.internal.StatementGuard;
import io.tipdata.jdbc.internal.rewrite.SqlRewriter;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Wraps a {@link DataSource} so that test traffic stays in its run's shadow partitions and production
 * traffic passes untouched.
 *
 * <pre>{@code
 * DataSource ds = TipDataSource.wrap(hikari)
 *         .isolated("orders", "order_items")
 *         .reference("countries")
 *         .build();
 * }</pre>
 *
 * <p><b>A connection is pinned to the context it was borrowed in.</b> {@link #getConnection()} in production
 * context gives a production connection; under test run R it gives a connection of R, until it is closed.
 * Every statement, prepare, batch entry, execution and commit on it (and on its statements and result sets)
 * is judged by that context, not by the thread's context at the time: on a production connection in production
 * context SQL goes to the database byte for byte as written (no parse, no rewrite, no extra round trip); on a
 * connection of R, {@code Statement} SQL (each {@code addBatch(String)} included) and {@code prepareStatement}
 * are rewritten for R, or refused with a {@link RefusedStatementException} before anything is sent. Used while
 * the thread's context is another one (production to a run, a run to production, run A to run B, after the
 * scope it was borrowed in closed), a connection refuses with {@value RefusedStatementException#CONTEXT_CROSSED}
 * and sends nothing. {@code rollback} and {@code close} are always allowed, so that pools and frameworks can
 * clean up; a transaction begun in one context can therefore be rolled back anywhere but committed only in its
 * own context.
 *
 * <p><b>Deferred work.</b> An ORM that flushes later than the code that bound the run (a JPA flush at commit
 * after the scope closed, Spring's transaction synchronisation, a lazy load, a batch executed later) hits this
 * rule: the flush fails with {@code TD003} and a message naming both contexts, the transaction is rolled back by
 * the framework, and nothing reaches the other side. Borrow the connection (open the session and finish its
 * transaction) inside the scope, or, for a framework that manages connections itself, borrow it with
 * {@link #connectionFor(TestRun)} for the run and {@link #productionConnection()} for production.
 *
 * <p><b>What a test connection refuses besides.</b> {@code prepareCall}, {@code setSchema}, {@code setCatalog},
 * statements with {@code CONCUR_UPDATABLE} result sets (refused, not downgraded, so that code relying on
 * {@code updateRow} fails at once) and any change through a result set ({@code updateXxx}, {@code updateRow},
 * {@code insertRow}, {@code deleteRow}); a production result set is not updatable in test context either. Its
 * generated keys never show the twin's {@code tip_run} column.
 *
 * <p><b>Locks.</b> Test traffic must never make a production writer wait. On MariaDB a test connection runs at
 * {@code READ COMMITTED} (InnoDB reads the production rows of {@code INSERT ... SELECT} and of subqueries in
 * writing statements without locking them there) and is given back at the level it had; raising its level is
 * refused. PostgreSQL and H2 read without row locks at their default levels and are left as they are.
 *
 * <p><b>{@code SELECT *}.</b> In test context {@code *}, {@code t.*} and {@code RETURNING *} over an isolated table
 * mean its production columns, in order, never the twin's {@code tip_run}: {@link Builder#build()} reads the
 * columns of every isolated table from the database's metadata. A column added while the data source runs is not
 * shown by {@code *} in test context until it is built again, and {@code *} over an isolated table created after
 * {@code build()} (matched by a pattern) is refused.
 *
 * <p><b>Kill switch.</b> While it is engaged every test-context statement is refused with
 * {@value RefusedStatementException#KILLED}; production is unaffected.
 *
 * <p><b>unwrap.</b> In test context {@code unwrap} on the data source, its connections, statements, result
 * sets and metadata returns the guarded object for the interfaces it implements and refuses everything
 * else. In production it may return the driver's or pool's object: what is unwrapped in production is
 * unguarded for as long as it is used, in any context. {@code getMetaData().getConnection()},
 * {@code Statement.getConnection()} and {@code ResultSet.getStatement()} always lead back to the guarded
 * objects.
 *
 * <p><b>Session state.</b> In test context {@code setSchema} and {@code setCatalog} are refused (and the
 * rewriter refuses {@code SET} and {@code USE}), so a test run leaves no session state in the pool. Session
 * changes made by production code are production's own; a production {@code setSchema} that moves
 * unqualified names away from the production schema also moves the reference reads of test runs that later
 * borrow the connection.
 */
public final class TipDataSource implements DataSource {

    private final DataSource delegate;
    private final StatementGuard guard;
    private final TablePolicies policies;
    private final String shadowSchema;
    private final Dialect dialect;

    private TipDataSource(DataSource delegate, StatementGuard guard, TablePolicies policies, String shadowSchema,
            Dialect dialect) {
        this.delegate = delegate;
        this.guard = guard;
        this.policies = policies;
        this.shadowSchema = shadowSchema;
        this.dialect = dialect;
    }

    /** Starts configuring a TipDataSource over the data source of the production database. */
    public static Builder wrap(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /** A connection pinned to the context current now: production, or the bound test run. */
    @Override
    public Connection getConnection() throws SQLException {
        TestRun run = TipContext.currentOrNull();
        return guard.pin(delegate.getConnection(), run, false);
    }

    /** A connection for that user, pinned to the context current now. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        TestRun run = TipContext.currentOrNull();
        return guard.pin(delegate.getConnection(username, password), run, false);
    }

    /**
     * A connection pinned to the run whatever the calling thread's context: its statements are rewritten for
     * {@code run} (or refused) even where no run, or another one, is bound. For frameworks that vouch for the
     * run themselves, such as Hibernate's {@code MultiTenantConnectionProvider}.
     */
    public Connection connectionFor(TestRun run) throws SQLException {
        Objects.requireNonNull(run, "run; use productionConnection() for production");
        return guard.pin(delegate.getConnection(), run, true);
    }

    /** A connection pinned to production, refused ({@code TD003}) whenever it is used while a run is bound. */
    public Connection productionConnection() throws SQLException {
        return guard.pin(delegate.getConnection(), null, false);
    }

    /** The table policies in force. */
    public TablePolicies policies() {
        return policies;
    }

    /** The shadow schema that holds the twins of isolated tables. */
    public String shadowSchema() {
        return shadowSchema;
    }

    /** The dialect statements are parsed and rendered in. */
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    /** This object for its own interfaces; the wrapped data source only in production context. */
    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return guard.unwrap(this, delegate, iface);
    }

    /** Whether {@link #unwrap} would succeed in the current context. */
    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return guard.isWrapperFor(this, delegate, iface);
    }

    @Override
    public String toString() {
        return "TipDataSource[" + dialect + ", shadow schema " + shadowSchema + ", " + policies + "]";
    }

    /** Configures a {@link TipDataSource}; {@link #build()} checks the settings and the shadow schema. */
    public static final class Builder {

        private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

        private final DataSource dataSource;
        private final TablePolicies.Builder tables = TablePolicies.builder();
        private boolean tablesDeclared;
        private TablePolicies policies;
        private String shadowSchema = ShadowSchema.DEFAULT_SCHEMA;
        private Dialect dialect;
        private KillSwitch killSwitch = KillSwitch.global();
        private int rewriteCacheSize = 2048;

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /** Declares tables whose test rows live in their shadow twins. */
        public Builder isolated(String... tableNames) {
            return tables(TablePolicy.ISOLATED, tableNames);
        }

        /** Declares tables that test traffic may read and never write. */
        public Builder reference(String... tableNames) {
            return tables(TablePolicy.REFERENCE, tableNames);
        }

        /** Declares tables that test traffic may not touch (as any undeclared table). */
        public Builder denied(String... tableNames) {
            return tables(TablePolicy.DENIED, tableNames);
        }

        private Builder tables(TablePolicy policy, String... tableNames) {
            tables.table(policy, tableNames);
            tablesDeclared = true;
            return this;
        }

        /** Gives every table whose name matches the pattern ({@code *}, {@code ?}) the policy. */
        public Builder policy(TablePolicy policy, String pattern) {
            tables.pattern(policy, pattern);
            tablesDeclared = true;
            return this;
        }

        /** Uses policies built elsewhere, instead of declaring tables on this builder. */
        public Builder policies(TablePolicies policies) {
            this.policies = Objects.requireNonNull(policies, "policies");
            return this;
        }

        /** The schema of the shadow twins (a database on MariaDB); default {@value ShadowSchema#DEFAULT_SCHEMA}. */
        public Builder shadowSchema(String schema) {
            this.shadowSchema = schema;
            return this;
        }

        /** The dialect; detected from a connection when not given. */
        public Builder dialect(Dialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect; leave it unset to detect it");
            return this;
        }

        /** The kill switch to obey; default {@link KillSwitch#global()}. */
        public Builder killSwitch(KillSwitch killSwitch) {
            this.killSwitch = Objects.requireNonNull(killSwitch, "killSwitch");
            return this;
        }

        /** How many distinct SQL strings keep their rewrite cached; default 2048. */
        public Builder rewriteCacheSize(int size) {
            this.rewriteCacheSize = size;
            return this;
        }

        /**
         * Checks the settings and that every declared table exists and every isolated table has its twin,
         * then builds the data source; throws a message naming what is wrong and how to fix it.
         */
        public TipDataSource build() {
            if (policies != null && tablesDeclared) {
                throw new IllegalStateException("tables declared both with policies(TablePolicies) and with"
                        + " isolated/reference/denied/policy: use one or the other");
            }
            if (shadowSchema == null || !SCHEMA_NAME.matcher(shadowSchema).matches()) {
                throw new IllegalArgumentException("invalid shadow schema name '" + shadowSchema + "': use 1 to 63"
                        + " letters, digits and _, starting with a letter or _ (default "
                        + ShadowSchema.DEFAULT_SCHEMA + ")");
            }
            if (rewriteCacheSize < 1) {
                throw new IllegalArgumentException("invalid rewrite cache size " + rewriteCacheSize
                        + ": give at least 1 (default 2048)");
            }
            TablePolicies p = policies != null ? policies : tables.build();
            Dialect d = StartupCheck.run(dataSource, p, shadowSchema, dialect);
            SqlRewriter rewriter = SqlRewriter.create(p, ColumnCatalog.load(dataSource, p, d), shadowSchema, d,
                    rewriteCacheSize);
            return new TipDataSource(dataSource, new StatementGuard(rewriter, killSwitch, d == Dialect.MARIADB), p, shadowSchema, d);
        }
    }
}
