package io.tipdata.jdbc;

import io.tipdata.core.RunRegistry;
import io.tipdata.core.TestRun;
import io.tipdata.core.purge.PurgeListener;
import io.tipdata.core.purge.PurgeReport;
import io.tipdata.core.purge.PurgeTask;
import io.tipdata.jdbc.internal.purge.PurgeSettings;
import io.tipdata.jdbc.internal.purge.Purges;
import io.tipdata.jdbc.internal.purge.Retrier;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Deletes the rows of expired test runs from every {@link TablePolicy#ISOLATED} twin, verifies none is left,
 * and marks the runs purged in the run registry, with counts and times. A plain object: call
 * {@link #purgeExpired()} from {@link io.tipdata.core.purge.PurgeScheduler}, from Quartz, from Spring's
 * {@code @Scheduled} (with or without ShedLock: leases make several instances safe anyway), or once from a
 * CronJob ({@code PurgeCommand}).
 *
 * <pre>{@code
 * PurgeJob job = PurgeJob.builder(rawDataSource, registry).policies(policies).build();
 * PurgeReport report = job.purgeExpired();        // every expired run
 * job.purgeNow("checkout-load-1");                // a harness that has finished
 * PurgeAudit audit = job.audit();                 // leaks, overdue runs, unknown runs, drift
 * }</pre>
 *
 * <p><b>Safe across instances.</b> A run is worked on only under its lease, a registry row lease taken,
 * renewed and compared in database time: two purgers never purge the same run, whatever their clocks say; a
 * claim of a run held by another purger is skipped, not waited for. A purger that dies loses its lease when it
 * lapses and the next pass finishes the run. With a {@link JdbcRunRegistry} whose table is in the purged
 * database, every batch renews the lease and adds its count in the batch's own transaction, so counts add up
 * exactly across interruptions.
 *
 * <p><b>Gentle with production.</b> Batches of {@link Builder#batchSize} rows, each its own short transaction
 * with a {@link Builder#lockTimeout}, {@link Builder#pause} between them, walking the twin's {@code tip_run}
 * index. A database that goes away makes the job retry with backoff and resume where the rows are.
 *
 * <p><b>Stragglers.</b> A row written for a run after it was purged (a request still in flight) is reported by
 * {@link #audit()}, and each pass deletes it for runs purged within {@link Builder#stragglerWindow}.
 *
 * <p><b>Logins.</b> Give it the raw data source (never a {@code TipDataSource}) of the owner of the shadow
 * schema, and, where the test identity exists, that identity's pool too ({@link Builder#testIdentity}):
 * <ul>
 *   <li>batched deletes from the twins and the check that none of a run's rows is left: the test identity if
 *       given (the database refuses it every production table), else the owner;</li>
 *   <li>registry reads and updates (claims, leases, counts, marks): the {@link RunRegistry}'s own data source
 *       (a {@link JdbcRunRegistry} in the purged database also adds counts in the owner's partition
 *       transactions, and in the batches' transactions when they run as the owner);</li>
 *   <li>detaching and dropping a run's partition (PostgreSQL twins partitioned by run), reading the catalog,
 *       dry-run counts, the audit and its drift check: the owner.</li>
 * </ul>
 * With the test identity, each batch's count is added to the registry row after its commit (the test identity
 * may not write the registry table): a purger that dies between the two loses that batch's count, never a row,
 * and the run's total is short by at most one batch. Thread-safe.
 *
 * <p><b>Twins partitioned by run</b> (PostgreSQL, {@code ShadowSchema.Builder.partitionByRun}): the run's
 * partition is detached, counted and dropped in one short transaction of the owner, under the lock timeout;
 * the rest of the run (rows that went to the DEFAULT partition) goes by batches. The audit reads the parent, so
 * rows in DEFAULT are reported like any row: of a purged run as left behind, of a run the registry does not
 * know as an unknown run; an active run's rows in DEFAULT are no finding.
 */
public final class PurgeJob implements PurgeTask {

    /** Rows per batch unless {@link Builder#batchSize} says otherwise; chosen by the purge benchmark. */
    public static final int DEFAULT_BATCH_SIZE = 100;

    /** Pause between batches unless {@link Builder#pause} says otherwise. */
    public static final Duration DEFAULT_PAUSE = Duration.ofMillis(10);

    private final Purges purges;
    private final String owner;

    private PurgeJob(PurgeSettings settings) {
        this.purges = new Purges(settings);
        this.owner = settings.owner();
    }

    /** A builder over the raw data source of the database holding the twins, and the run registry. */
    public static Builder builder(DataSource dataSource, RunRegistry registry) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"), Objects.requireNonNull(registry, "registry"));
    }

    /** Purges every run due now: expired, failed, or held under a lapsed lease; then recent stragglers. */
    @Override
    public PurgeReport purgeExpired() {
        return purges.purgeExpired();
    }

    /**
     * Purges the run now, even before it expires; while it is active, first waits the in-flight allowance
     * (during which the filter refuses its tokens) so that no admitted request still writes.
     */
    public PurgeReport purgeNow(String runId) {
        return purges.purgeNow(TestRun.requireValidRunId(runId));
    }

    /** What {@link #purgeExpired()} would delete, per run; nothing is claimed or deleted. */
    public PurgeReport dryRun() {
        return purges.dryRun(null);
    }

    /** What {@link #purgeNow(String)} would delete. */
    public PurgeReport dryRun(String runId) {
        return purges.dryRun(TestRun.requireValidRunId(runId));
    }

    /** Rows of purged and unknown runs, overdue runs and shadow drift; each finding is logged as an error. */
    public PurgeAudit audit() throws SQLException {
        return purges.audit();
    }

    /** The name this job takes leases under. */
    public String owner() {
        return owner;
    }

    @Override
    public String toString() {
        return "PurgeJob[" + owner + "]";
    }

    /** Settings of a purge job; {@link #build()} checks them. */
    public static final class Builder {
        private final DataSource dataSource;
        private final RunRegistry registry;
        private TablePolicies policies;
        private String shadowSchema = ShadowSchema.DEFAULT_SCHEMA;
        private Dialect dialect;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Duration pause = DEFAULT_PAUSE;
        private Duration lockTimeout = Duration.ofSeconds(2);
        private Duration lease = Duration.ofMinutes(2);
        private int maxRunsPerPass = 100;
        private Duration retryBackoff = Duration.ofMillis(100);
        private Duration maxRetryBackoff = Duration.ofSeconds(10);
        private Duration giveUpAfter = Duration.ofMinutes(2);
        private Duration inFlight = Duration.ofSeconds(100);
        private Duration overdueAfter = Duration.ofHours(1);
        private Duration stragglerWindow = Duration.ofDays(1);
        private String owner;
        private final List<PurgeListener> listeners = new ArrayList<>();
        private DataSource testIdentity;

        private Builder(DataSource dataSource, RunRegistry registry) {
            this.dataSource = dataSource;
            this.registry = registry;
        }

        /** The table policies; their isolated tables' twins are purged. Required. */
        public Builder policies(TablePolicies policies) {
            this.policies = Objects.requireNonNull(policies, "policies");
            return this;
        }

        /**
         * The test identity's data source (the pool {@code TipDataSource.Builder.testConnections} and
         * {@code ShadowSchema.Builder.testIdentity} are given): the batched deletes and their verification log in
         * as that login, so that a delete that named a production table would be refused by the database. Its
         * grants on the twins ({@code DELETE}, {@code SELECT}) are what it needs; it needs no DDL right and no
         * access to the registry table. Partition DDL and the registry stay with the other logins (see above).
         */
        public Builder testIdentity(DataSource testConnections) {
            this.testIdentity = Objects.requireNonNull(testConnections, "testConnections");
            return this;
        }

        /** The shadow schema (default {@value ShadowSchema#DEFAULT_SCHEMA}). */
        public Builder shadowSchema(String shadowSchema) {
            this.shadowSchema = shadowSchema;
            return this;
        }

        /** The dialect; detected from a connection when not given. */
        public Builder dialect(Dialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /**
         * Rows deleted per batch, each batch its own transaction (default 100). With the default pause this deletes
         * about 8,000 rows per second on PostgreSQL and MariaDB and keeps production's p99 within 1.2 times its
         * value without the purge on PostgreSQL; batches of 1000 purge about nine times as fast and double
         * production's p99 while they run (docs/BENCHMARKS.md, "Purge").
         */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Pause between batches (default 10 ms). */
        public Builder pause(Duration pause) {
            this.pause = pause;
            return this;
        }

        /**
         * Longest a batch waits for a lock before it fails and is retried (default two seconds). H2 lets only an
         * admin set it: deleting as a plain H2 test identity, the session's lock timeout applies.
         */
        public Builder lockTimeout(Duration lockTimeout) {
            this.lockTimeout = lockTimeout;
            return this;
        }

        /** How long a claim holds a run without renewal (default two minutes); renewed by every batch. */
        public Builder lease(Duration lease) {
            this.lease = lease;
            return this;
        }

        /** Most runs claimed per pass (default 100). */
        public Builder maxRunsPerPass(int maxRunsPerPass) {
            this.maxRunsPerPass = maxRunsPerPass;
            return this;
        }

        /** Backoff of retries: first wait, longest wait, and total time before a run is marked failed. */
        public Builder retry(Duration firstBackoff, Duration maxBackoff, Duration giveUpAfter) {
            this.retryBackoff = firstBackoff;
            this.maxRetryBackoff = maxBackoff;
            this.giveUpAfter = giveUpAfter;
            return this;
        }

        /**
         * How long {@link #purgeNow} waits before deleting an active run (default 100 s: the filter's run cache
         * time, longest request time and clock skew); zero when no request of the run can still be running.
         */
        public Builder inFlightAllowance(Duration inFlight) {
            this.inFlight = inFlight;
            return this;
        }

        /** How long after its expiry an unpurged run is reported overdue by the audit (default one hour). */
        public Builder overdueAfter(Duration overdueAfter) {
            this.overdueAfter = overdueAfter;
            return this;
        }

        /** How long after its purge a run is checked for stragglers by every pass (default one day). */
        public Builder stragglerWindow(Duration stragglerWindow) {
            this.stragglerWindow = stragglerWindow;
            return this;
        }

        /** The name leases are taken under (default host, process id and a random suffix). */
        public Builder owner(String owner) {
            this.owner = owner;
            return this;
        }

        /** Adds listeners (metrics: {@code io.tipdata.core.micrometer.PurgeMetrics}). */
        public Builder listener(PurgeListener... listeners) {
            Arrays.stream(listeners).forEach(l -> this.listeners.add(Objects.requireNonNull(l, "listener")));
            return this;
        }

        /** The job. */
        public PurgeJob build() {
            if (policies == null) {
                throw new IllegalStateException("no table policies given: call policies(TablePolicies) with the"
                        + " isolated tables whose twins are purged");
            }
            if (shadowSchema == null || !shadowSchema.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
                throw new IllegalArgumentException("invalid shadow schema name '" + shadowSchema + "': use 1 to 63"
                        + " letters, digits and _ (default " + ShadowSchema.DEFAULT_SCHEMA + ")");
            }
            if (batchSize < 1 || batchSize > 100_000) {
                throw new IllegalArgumentException("batch size " + batchSize + " must be between 1 and 100000, e.g. " + DEFAULT_BATCH_SIZE);
            }
            if (maxRunsPerPass < 1) {
                throw new IllegalArgumentException("max runs per pass " + maxRunsPerPass + " must be at least 1");
            }
            check("pause", pause, Duration.ZERO, Duration.ofMinutes(1));
            check("lock timeout", lockTimeout, Duration.ofMillis(1), Duration.ofMinutes(10));
            check("lease", lease, Duration.ofMillis(100), Duration.ofHours(1));
            check("first retry backoff", retryBackoff, Duration.ofMillis(1), Duration.ofMinutes(1));
            check("longest retry backoff", maxRetryBackoff, retryBackoff, Duration.ofMinutes(10));
            check("retry give-up time", giveUpAfter, Duration.ZERO, Duration.ofHours(1));
            check("in-flight allowance", inFlight, Duration.ZERO, Duration.ofHours(1));
            check("overdue delay", overdueAfter, Duration.ZERO, Duration.ofDays(30));
            check("straggler window", stragglerWindow, Duration.ZERO, Duration.ofDays(365));
            if (lease.compareTo(lockTimeout.multipliedBy(2)) < 0) {
                throw new IllegalArgumentException("lease " + lease + " must be at least twice the lock timeout "
                        + lockTimeout + ", or a batch waiting for a lock loses its lease");
            }
            String name = owner != null ? owner : defaultOwner();
            if (name.isBlank() || name.length() > 200) {
                throw new IllegalArgumentException("owner '" + name + "' must be 1 to 200 characters");
            }
            PurgeSettings.Fence fence = registry instanceof JdbcRunRegistry jdbc ? jdbc::table : null;
            if (testIdentity == dataSource) {
                throw new IllegalArgumentException("the test identity's data source is the owner's data source "
                        + dataSource + ": give testIdentity(...) the pool of the test login, or leave it out");
            }
            return new PurgeJob(new PurgeSettings(dataSource, testIdentity != null ? testIdentity : dataSource,
                    registry, fence, dialect, policies, shadowSchema,
                    batchSize, pause, lockTimeout, lease, maxRunsPerPass,
                    new Retrier(retryBackoff, maxRetryBackoff, giveUpAfter), inFlight, overdueAfter, stragglerWindow,
                    name, List.copyOf(listeners)));
        }

        private static void check(String what, Duration d, Duration min, Duration max) {
            if (d == null || d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                throw new IllegalArgumentException(what + " " + d + " must be between " + min + " and " + max);
            }
        }

        private static String defaultOwner() {
            String host = System.getenv("HOSTNAME") != null ? System.getenv("HOSTNAME") : System.getenv("COMPUTERNAME");
            if (host == null || host.isBlank()) {
                host = "host";   // no name lookup: it may block on DNS
            }
            String pid = String.valueOf(ProcessHandle.current().pid());
            String name = host + "/" + pid + "/" + UUID.randomUUID().toString().substring(0, 8);
            return name.length() > 200 ? name.substring(name.length() - 200) : name;
        }
    }
}
