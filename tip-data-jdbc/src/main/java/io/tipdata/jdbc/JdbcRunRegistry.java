package io.tipdata.jdbc;

import io.tipdata.core.RunRegistry;
import io.tipdata.core.TestRun;
import io.tipdata.jdbc.internal.registry.RegistryTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import io.tipdata.core.RunRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A {@link RunRegistry} kept in a table (default {@value #DEFAULT_TABLE}) of the production database, so
 * that every instance of a service and the purge job see the same runs.
 *
 * <p>Give it the raw data source, never a {@code TipDataSource}. The table is created on first use (or by
 * {@link #createTable()}) with the columns {@code run_id VARCHAR(40) PRIMARY KEY, created, expires,
 * status, purged_at, lease_owner, lease_until}. All times are stored as epoch milliseconds in UTC in
 * {@code BIGINT} columns, so they mean the same on every database and in every session time zone;
 * instants read back equal the registered ones truncated to milliseconds. Registering is an atomic upsert
 * on PostgreSQL and MariaDB, and an insert followed, on a duplicate key, by an update on H2, so instances
 * registering the same run at once all succeed. {@link #admit} is one statement on PostgreSQL and MariaDB
 * ({@code RETURNING}). Expiry and leases are compared with the database's clock, never the application's.
 * The purge job expects the table in the database it purges. Database failures are thrown as
 * {@link IllegalStateException}s that name the table and the run. Thread-safe.
 */
public final class JdbcRunRegistry implements RunRegistry {

    /** The table used when none is given. */
    public static final String DEFAULT_TABLE = "tip_runs";

    private static final Logger log = LoggerFactory.getLogger(JdbcRunRegistry.class);
    private static final Pattern TABLE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]{0,62}\\.)?[A-Za-z_][A-Za-z0-9_]{0,50}");

    private final DataSource dataSource;
    private final String table;
    private final Clock clock;
    private final Dialect configuredDialect;
    private volatile RegistryTable ready;
    private final ShadowSchema partitions;
    private final Set<String> partitioned = ConcurrentHashMap.newKeySet();

    private JdbcRunRegistry(Builder b) {
        this.partitions = b.partitions;
        this.dataSource = b.dataSource;
        this.table = b.table;
        this.clock = b.clock;
        this.configuredDialect = b.dialect;
    }

    /** A builder over the raw data source of the database that holds the registry table. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /** Creates the table and its index if they do not exist; otherwise done on first use. */
    public void createTable() {
        try (Connection c = dataSource.getConnection()) {
            table(c);
        } catch (SQLException e) {
            throw failure("create the table", e);
        }
    }

    @Override
    public void register(TestRun run) {
        Objects.requireNonNull(run, "run");
        try (Connection c = dataSource.getConnection()) {
            table(c).register(c, run);
            log.debug("registered test run {} in {}", run.runId(), table);
        } catch (SQLException e) {
            throw failure("register run '" + run.runId() + "'", e);
        }
        partition(run.runId());
    }

    @Override
    public Admission admit(TestRun run) {
        Objects.requireNonNull(run, "run");
        Admission a = call("admit run '" + run.runId() + "'", c -> table(c).admit(c, run));
        if (a.status() == RunStatus.ACTIVE) {
            partition(run.runId());
        }
        return a;
    }

    /**
     * With {@link Builder#runPartitions(ShadowSchema)}: the run's partitions, once per run and registry object
     * (later registrations find them in the catalog anyway). A failure is logged, never thrown: the run's rows then
     * go to the DEFAULT partitions, which the purge empties by batched deletes.
     */
    private void partition(String runId) {
        if (partitions == null || partitioned.contains(runId)) {
            return;
        }
        try {
            partitions.createRunPartitions(runId);
            if (partitioned.size() >= 10_000) {
                partitioned.clear();
            }
            partitioned.add(runId);
        } catch (SQLException | RuntimeException e) {
            log.warn("tip-data could not create the partitions of test run {} ({}); its rows go to the DEFAULT"
                    + " partitions and are purged by batched deletes", runId, e.getMessage());
        }
    }

    @Override
    public Optional<TestRun> find(String runId) {
        return record(runId).map(RunRecord::run);
    }

    @Override
    public Optional<RunStatus> status(String runId) {
        return record(runId).map(RunRecord::status);
    }

    @Override
    public Optional<RunRecord> record(String runId) {
        if (!TestRun.isValidRunId(runId)) {
            return Optional.empty();
        }
        return call("read run '" + runId + "'", c -> table(c).find(c, runId));
    }

    @Override
    public List<RunRecord> records() {
        return call("list the runs", c -> table(c).records(c));
    }

    @Override
    public List<TestRun> expiredBefore(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return call("list the runs expired before " + instant, c -> table(c).expiredBefore(c, instant));
    }

    @Override
    public List<String> claimable(int limit) {
        return call("list the claimable runs", c -> table(c).claimable(c, limit));
    }

    @Override
    public boolean claim(String runId, String owner, Duration lease, boolean evenIfActive) {
        TestRun.requireValidRunId(runId);
        boolean taken = call("claim run '" + runId + "'", c -> table(c).claim(c, runId, owner, lease, evenIfActive));
        log.debug("claim of test run {} by {}: {}", runId, owner, taken ? "taken" : "held elsewhere or not due");
        return taken;
    }

    @Override
    public boolean renew(String runId, String owner, Duration lease, long rows) {
        return call("renew the lease of run '" + runId + "'", c -> {
            boolean held = table(c).renew(c, runId, owner, lease, rows);
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return held;
        });
    }

    @Override
    public boolean markPurged(String runId, String owner) {
        return call("mark run '" + runId + "' purged", c -> table(c).markPurged(c, runId, owner));
    }

    @Override
    public void markFailed(String runId, String owner, String reason) {
        call("mark run '" + runId + "' failed", c -> {
            table(c).markFailed(c, runId, owner, reason);
            return null;
        });
    }

    @Override
    public void markPurged(String runId) {
        if (!TestRun.isValidRunId(runId)) {
            return;
        }
        call("mark run '" + runId + "' purged", c -> {
            table(c).markPurged(c, runId, clock.instant());
            return null;
        });
        log.debug("marked test run {} purged in {}", runId, table);
    }

    @Override
    public Instant now() {
        return call("read the database time", c -> table(c).now(c));
    }

    /** The registry table name as configured. */
    public String table() {
        return table;
    }

    @Override
    public String toString() {
        return "JdbcRunRegistry[" + table + "]";
    }

    private interface Call<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T call(String what, Call<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** The table over a connection of the same database, for the purge's batch transactions. */
    RegistryTable table(Connection c) throws SQLException {
        RegistryTable t = ready;
        if (t == null) {
            t = new RegistryTable(configuredDialect != null ? configuredDialect : Dialect.detect(c.getMetaData()),
                    table);
            t.createIfMissing(c);
            log.debug("run registry table {} is ready", table);
            ready = t;
        }
        return t;
    }

    private IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("run registry " + table + ": could not " + what + ": " + e.getMessage()
                + " (SQLState " + e.getSQLState() + "); check that the database is reachable and that its user"
                + " may create, read and write " + table, e);
    }

    /** Configures a {@link JdbcRunRegistry}; {@link #build()} checks the settings. */
    public static final class Builder {
        private final DataSource dataSource;
        private String table = DEFAULT_TABLE;
        private Clock clock = Clock.systemUTC();
        private Dialect dialect;
        private ShadowSchema partitions;

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /** The registry table, unquoted, optionally {@code schema.table}; default {@value #DEFAULT_TABLE}. */
        public Builder table(String table) {
            this.table = table;
            return this;
        }

        /** The dialect; detected from the first connection when not given. */
        public Builder dialect(Dialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /** The clock that stamps {@code purged_at}; the system UTC clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The shadow schema whose twins are partitioned by run ({@link ShadowSchema.Builder#partitionByRun}): when
         * this registry first registers or admits a run, it creates the run's partitions through the shadow schema's
         * data source, which must be the owner of the shadow schema (never the test identity, which has no DDL
         * rights). This costs a catalog read and, for a new run, one short DDL transaction per twin, once per run
         * and registry object.
         */
        public Builder runPartitions(ShadowSchema shadowSchema) {
            this.partitions = Objects.requireNonNull(shadowSchema, "shadowSchema");
            return this;
        }

        /** The registry. */
        public JdbcRunRegistry build() {
            if (table == null || !TABLE.matcher(table).matches()) {
                throw new IllegalArgumentException("invalid run registry table name '" + table + "': use an"
                        + " unquoted name of letters, digits and _ (at most 51 characters), optionally"
                        + " prefixed by schema and a dot, such as " + DEFAULT_TABLE + " or ops.tip_runs");
            }
            return new JdbcRunRegistry(this);
        }
    }
}
