package io.tipdata.jdbc;

import io.tipdata.core.KillSwitch;
import io.tipdata.core.RunQuarantine;
import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import io.tipdata.jdbc.internal.StatementGuard;
import io.tipdata.jdbc.internal.TwinGate;
import io.tipdata.jdbc.internal.shadow.ShadowSchemaName;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * mean its production columns, in order, never the twin's {@code tip_run}: the columns of every isolated table are
 * read from the database's metadata at {@link Builder#build()} and again at each check.
 *
 * <p><b>Migrations never stop production.</b> {@code build()} throws only for bad settings. Missing tables (built
 * before Flyway or Liquibase ran), a missing shadow schema, drifted twins or an unreachable database are logged
 * once at ERROR, told to the {@link StatementListener}s, and refuse test traffic on the tables concerned with
 * {@value RefusedStatementException#REFUSED} naming the problem and its fix; production passes untouched. The
 * check runs again at the first test statement after a failed check and then every
 * {@link Builder#recheckInterval(Duration) interval} (or at {@link #recheck()}), so once the schema is fixed
 * ({@link ShadowSchema#update()}) test traffic passes again without a restart.
 *
 * <p><b>Test identity (the second wall).</b> With {@link Builder#testConnections(DataSource)}, a connection
 * borrowed in test context comes from that pool, which logs in as a database identity that may only use the
 * twins and read the {@code REFERENCE} tables (granted and checked by {@link ShadowSchema}, see
 * {@link ShadowSchema.Builder#testIdentity(DataSource)}): a statement that got past the rewriter and its check
 * still cannot write a production row, read a {@code DENIED} table, run DDL or switch to production's role.
 * {@code build()} checks the identity's privileges like the twins. Without it, test statements run with the
 * production login's privileges and {@code build()} logs a warning that only one wall stands.
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

    private static final Logger LOG = LoggerFactory.getLogger(TipDataSource.class);

    private final DataSource delegate;
    private final DataSource testConnections;
    private final StatementGuard guard;
    private final TablePolicies policies;
    private final TwinGate gate;

    private TipDataSource(DataSource delegate, DataSource testConnections, StatementGuard guard,
            TablePolicies policies, TwinGate gate) {
        this.delegate = delegate;
        this.testConnections = testConnections;
        this.guard = guard;
        this.policies = policies;
        this.gate = gate;
    }

    /** Starts configuring a TipDataSource over the data source of the production database. */
    public static Builder wrap(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * A connection pinned to the context current now: production, or the bound test run. In test context it
     * comes from the test identity's pool when there is one.
     */
    @Override
    public Connection getConnection() throws SQLException {
        TestRun run = TipContext.currentOrNull();
        return guard.pin(source(run).getConnection(), run, false);
    }

    /** A connection for that user, pinned to the context current now; refused in test context with a test identity. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        TestRun run = TipContext.currentOrNull();
        if (run != null && testConnections != null) {
            throw new RefusedStatementException("getConnection(user, password) is refused in test context: test"
                    + " connections log in as the test identity; call getConnection()", RefusedStatementException.REFUSED);
        }
        return guard.pin(delegate.getConnection(username, password), run, false);
    }

    /**
     * A connection pinned to the run whatever the calling thread's context: its statements are rewritten for
     * {@code run} (or refused) even where no run, or another one, is bound. For frameworks that vouch for the
     * run themselves, such as Hibernate's {@code MultiTenantConnectionProvider}.
     */
    public Connection connectionFor(TestRun run) throws SQLException {
        Objects.requireNonNull(run, "run; use productionConnection() for production");
        return guard.pin(source(run).getConnection(), run, true);
    }

    /** A connection pinned to production, refused ({@code TD003}) whenever it is used while a run is bound. */
    public Connection productionConnection() throws SQLException {
        return guard.pin(delegate.getConnection(), null, false);
    }

    private DataSource source(TestRun run) {
        return run != null && testConnections != null ? testConnections : delegate;
    }

    /** The table policies in force. */
    public TablePolicies policies() {
        return policies;
    }

    /** The shadow schema that holds the twins of isolated tables; {@code null} while the database is unreachable. */
    public String shadowSchema() {
        return gate.shadowSchema();
    }

    /** The dialect statements are parsed and rendered in; {@code null} while the database is unreachable. */
    public Dialect dialect() {
        return gate.dialect();
    }

    /**
     * The problems of the last check of tables and twins (empty when all is well); test traffic on a table with an
     * {@link SchemaProblem#isError() error} is refused with {@value RefusedStatementException#REFUSED}.
     */
    public List<SchemaProblem> problems() {
        return gate.problems();
    }

    /**
     * Lets test statements also use these sequences, as {@link Builder#allowSequence(String)} does, for frameworks
     * that learn their sequences after the data source is built (tip-data-hibernate declares the sequences of the
     * mapping this way). Statements refused before for a sequence are read again.
     */
    public void allowSequences(java.util.Collection<String> names) {
        gate.allowSequences(java.util.Set.copyOf(names));
    }

    /**
     * Checks tables and twins now (as after {@link ShadowSchema#update()}) and returns the problems; the check
     * also runs by itself at the first test statement after a failed check and then every
     * {@link Builder#recheckInterval(Duration) interval}.
     */
    public List<SchemaProblem> recheck() {
        return gate.recheck();
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
    public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
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
        return "TipDataSource[" + gate.dialect() + ", shadow schema " + gate.shadowSchema() + ", " + policies + "]";
    }

    /**
     * Configures a {@link TipDataSource}; {@link #build()} checks the settings (and throws on bad ones), then checks
     * tables and twins without ever failing on what it finds there.
     */
    public static final class Builder {

        private final DataSource dataSource;
        private final TablePolicies.Builder tables = TablePolicies.builder();
        private boolean tablesDeclared;
        private TablePolicies policies;
        private String shadowSchema;
        private Dialect dialect;
        private KillSwitch killSwitch = KillSwitch.global();
        private RunQuarantine quarantine;
        private int rewriteCacheSize = 2048;
        private DataSource testConnections;
        private Duration recheckInterval = Duration.ofMinutes(1);
        private final List<StatementListener> listeners = new ArrayList<>();
        private final java.util.Set<String> allowedFunctions = new java.util.LinkedHashSet<>();
        private final java.util.Set<String> allowedSequences = new java.util.LinkedHashSet<>();

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

        /**
         * The schema of the shadow twins; default {@value ShadowSchema#DEFAULT_SCHEMA}, on MariaDB (where it is a
         * database of the whole server) {@code <database>_tip_shadow}.
         */
        public Builder shadowSchema(String schema) {
            this.shadowSchema = Objects.requireNonNull(schema, "shadowSchema; leave it unset for the default");
            return this;
        }

        /** How often tables and twins are checked again while test traffic runs; default one minute. */
        public Builder recheckInterval(Duration interval) {
            this.recheckInterval = Objects.requireNonNull(interval, "recheckInterval");
            return this;
        }

        /** Tells the listener what was rewritten and refused, and each schema problem found; may be called again. */
        public Builder listener(StatementListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
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
         * The pool connections borrowed in test context come from: it logs in as the test identity, starts in
         * the production schema, and gets its grants from {@link ShadowSchema#create()}; not set, test
         * statements run with the production login's privileges (one wall only).
         */
        public Builder testConnections(DataSource testPool) {
            this.testConnections = Objects.requireNonNull(testPool, "testPool");
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

        /**
         * Lets test statements draw ids from the sequence, or read its current value ({@code nextval},
         * {@code currval}, {@code lastval(seq)}, {@code NEXT VALUE FOR}), besides the sequences the columns of
         * ISOLATED tables draw from, which tip-data finds itself. Give the name as an unquoted identifier
         * ({@code orders_seq}, folded as the database folds one), optionally with its schema
         * ({@code app.orders_seq}), or a part in double quotes to keep its case. A statement must name its
         * sequence by a literal; any other sequence is refused with TD001 naming it.
         *
         * <p><b>Warning:</b> a sequence is shared with production. Test traffic drawing from it leaves gaps in the
         * numbers production sees; declare only sequences whose numbers may have gaps (generated ids, not invoice
         * numbers). With a test identity, that login also needs the right to use it (PostgreSQL: {@code GRANT USAGE
         * ON SEQUENCE}; MariaDB: {@code INSERT} on the sequence).
         */
        public Builder allowSequence(String name) {
            io.tipdata.jdbc.internal.rewrite.AllowedSequences.checkDeclared(name);
            allowedSequences.add(name);
            return this;
        }

        /** How many distinct SQL strings keep their rewrite cached; default 2048. */
        public Builder rewriteCacheSize(int size) {
            this.rewriteCacheSize = size;
            return this;
        }

        /**
         * Checks the settings (throwing a message naming a bad one), then checks that every declared table exists and
         * every isolated table has a matching twin. What it finds there never fails: it is logged at ERROR, told to
         * the listeners, and refuses test traffic on the tables concerned until a later check finds them fixed.
         */
        public TipDataSource build() {
            if (policies != null && tablesDeclared) {
                throw new IllegalStateException("tables declared both with policies(TablePolicies) and with"
                        + " isolated/reference/denied/policy: use one or the other");
            }
            if (shadowSchema != null && !ShadowSchemaName.NAME.matcher(shadowSchema).matches()) {
                throw new IllegalArgumentException("invalid shadow schema name '" + shadowSchema + "': use 1 to 63"
                        + " letters, digits and _, starting with a letter or _ (default "
                        + ShadowSchema.DEFAULT_SCHEMA + ")");
            }
            if (rewriteCacheSize < 1) {
                throw new IllegalArgumentException("invalid rewrite cache size " + rewriteCacheSize
                        + ": give at least 1 (default 2048)");
            }
            if (recheckInterval.isNegative()) {
                throw new IllegalArgumentException("invalid recheck interval " + recheckInterval
                        + ": give zero or more (default PT1M)");
            }
            TablePolicies p = policies != null ? policies : tables.build();
            if (testConnections == dataSource) {
                throw new IllegalArgumentException("testConnections is the production data source: give a pool that"
                        + " logs in as the test identity, or leave it unset");
            }
            if (testConnections == null) {
                LOG.warn("tip-data: no test identity configured (TipDataSource.Builder.testConnections): test"
                        + " statements run with the production login's privileges, so only one wall (the rewriter"
                        + " and its check) stands between test traffic and customer data");
            }
            StatementListener listener = listeners.isEmpty() ? null
                    : listeners.size() == 1 ? listeners.get(0) : new Listeners(List.copyOf(listeners));
            TwinGate gate = new TwinGate(dataSource, p, shadowSchema, dialect, rewriteCacheSize, recheckInterval,
                    listener, testConnections, java.util.Set.copyOf(allowedFunctions),
                    java.util.Set.copyOf(allowedSequences));
            RunQuarantine q = quarantine != null ? quarantine : killSwitch == KillSwitch.global()
                    ? RunQuarantine.global() : RunQuarantine.builder().killSwitch(killSwitch).build();
            StatementGuard guard = new StatementGuard(gate, killSwitch, q, listener,
                    () -> gate.dialect() == Dialect.MARIADB);
            return new TipDataSource(dataSource, testConnections, guard, p, gate);
        }
    }

    /** Several listeners told in turn. */
    private record Listeners(List<StatementListener> all) implements StatementListener {
        @Override
        public void onRewritten(String runId, String original, String sent, List<String> tables) {
            all.forEach(l -> l.onRewritten(runId, original, sent, tables));
        }

        @Override
        public void onRefused(String runId, String original, String reason, List<String> tables) {
            all.forEach(l -> l.onRefused(runId, original, reason, tables));
        }

        @Override
        public void onSchemaProblem(SchemaProblem problem) {
            all.forEach(l -> l.onSchemaProblem(problem));
        }
    }
}
