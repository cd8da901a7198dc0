package io.tipdata.jdbc;

import io.tipdata.core.RunRegistry;
import io.tipdata.core.TestRun;
import io.tipdata.jdbc.internal.registry.RegistryTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 * registering the same run at once all succeed. Database failures are thrown as
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

    private JdbcRunRegistry(Builder b) {
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
    }

    @Override
    public Optional<TestRun> find(String runId) {
        return row(runId).map(RegistryTable.Row::run);
    }

    @Override
    public Optional<RunStatus> status(String runId) {
        return row(runId).map(RegistryTable.Row::status);
    }

    @Override
    public List<TestRun> expiredBefore(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        try (Connection c = dataSource.getConnection()) {
            return table(c).expiredBefore(c, instant);
        } catch (SQLException e) {
            throw failure("list the runs expired before " + instant, e);
        }
    }

    @Override
    public void markPurged(String runId) {
        if (!TestRun.isValidRunId(runId)) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            table(c).markPurged(c, runId, clock.instant());
            log.debug("marked test run {} purged in {}", runId, table);
        } catch (SQLException e) {
            throw failure("mark run '" + runId + "' purged", e);
        }
    }

    /** The registry table name as configured. */
    public String table() {
        return table;
    }

    @Override
    public String toString() {
        return "JdbcRunRegistry[" + table + "]";
    }

    private Optional<RegistryTable.Row> row(String runId) {
        if (!TestRun.isValidRunId(runId)) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection()) {
            return table(c).find(c, runId);
        } catch (SQLException e) {
            throw failure("read run '" + runId + "'", e);
        }
    }

    private RegistryTable table(Connection c) throws SQLException {
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
