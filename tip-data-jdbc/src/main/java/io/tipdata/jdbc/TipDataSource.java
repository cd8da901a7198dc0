package io.tipdata.jdbc;

import io.tipdata.core.KillSwitch;
import io.tipdata.core.RunQuarantine;
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
 * <p><b>Which context counts.</b> The context ({@code TipContext}) current when a statement is
 * <em>executed</em> decides. With no test run bound, SQL goes to the database byte for byte as written: no
 * parse, no rewrite, no extra round trip. With a run bound, {@code Statement} SQL (including each
 * {@code addBatch(String)}) is rewritten for that run at execution, or refused with a
 * {@link RefusedStatementException} before anything is sent. {@code prepareStatement} in test context
 * prepares the rewritten SQL, so a prepared statement belongs to the context it was prepared in: executed in
 * another one (production to a run, a run to production, run A to run B) it is refused with
 * {@value RefusedStatementException#CONTEXT_CROSSED} and sends nothing. A connection belongs to no context
 * and may be used by production and by test runs in turn. {@code prepareCall} is refused in test context.
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

    /** A guarded connection from the wrapped data source. */
    @Override
    public Connection getConnection() throws SQLException {
        return guard.guard(delegate.getConnection());
    }

    /** A guarded connection from the wrapped data source, for that user. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return guard.guard(delegate.getConnection(username, password));
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
        private RunQuarantine quarantine;
        private int rewriteCacheSize = 2048;
        private final java.util.Set<String> allowedFunctions = new java.util.LinkedHashSet<>();

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

        /**
         * Where a run goes when the rewrite of one of its statements fails the independent isolation check;
         * default {@link RunQuarantine#global()}, or, when a kill switch other than the global one is set, a
         * quarantine engaging that switch.
         */
        public Builder quarantine(RunQuarantine quarantine) {
            this.quarantine = Objects.requireNonNull(quarantine, "quarantine");
            return this;
        }

        /**
         * Lets test statements call the function (a plain name such as {@code my_func}, or {@code schema.my_func}
         * for a qualified call), besides the dialect's built-ins that tip-data knows to be free of side effects.
         *
         * <p><b>Warning:</b> tip-data cannot see inside a function. It runs with the test identity's rights and
         * may read or write any table those rights reach, production tables included, and change session state
         * that outlives the statement on a pooled connection. Declare only functions that compute from their
         * arguments alone (or read only REFERENCE tables) and change nothing.
         */
        public Builder allowFunction(String name) {
            io.tipdata.jdbc.internal.rewrite.FunctionList.checkDeclared(name);
            allowedFunctions.add(name);
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
                    rewriteCacheSize, allowedFunctions);
            RunQuarantine q = quarantine != null ? quarantine : killSwitch == KillSwitch.global()
                    ? RunQuarantine.global() : RunQuarantine.builder().killSwitch(killSwitch).build();
            return new TipDataSource(dataSource, new StatementGuard(rewriter, killSwitch, q), p, shadowSchema, d);
        }
    }
}
