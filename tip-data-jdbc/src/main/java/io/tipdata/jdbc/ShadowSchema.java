package io.tipdata.jdbc;

import io.tipdata.core.TestRun;
import io.tipdata.jdbc.internal.shadow.IdentityCheck;
import io.tipdata.jdbc.internal.shadow.IdentityGrants;
import io.tipdata.jdbc.internal.shadow.RunPartitions;
import io.tipdata.jdbc.internal.shadow.ShadowDriftCheck;
import io.tipdata.jdbc.internal.shadow.ShadowSchemaName;
import io.tipdata.jdbc.internal.shadow.ShadowTwinCreator;
import io.tipdata.jdbc.internal.shadow.ShadowTwinUpdater;
import io.tipdata.jdbc.internal.shadow.TestIdentity;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Creates and checks the shadow schema: one twin per {@link TablePolicy#ISOLATED} table, with the same
 * columns and CHECK constraints plus {@code tip_run VARCHAR(40) NOT NULL}, and every primary and unique key
 * extended with {@code tip_run}, so two runs never collide. On PostgreSQL {@code tip_run} leads each key, which
 * then serves run-filtered lookups and ordered scans ({@code WHERE tip_run = ? ORDER BY id LIMIT n}) without
 * a separate {@code tip_run} index (made only for a table without keys); on H2 and MariaDB it ends each key and
 * the twin has an index on {@code tip_run}.
 *
 * <p>A twin has each production index under the production name. Unique ones get {@code tip_run} as their
 * last key column: on PostgreSQL a partial or expression unique index keeps its predicate and expressions,
 * so an upsert's {@code ON CONFLICT (email) WHERE ...}, with {@code tip_run} added to the target, finds its
 * arbiter in the twin; on MariaDB a prefix key keeps its length. Non-unique ones get {@code tip_run} as
 * their first column, since every test statement filters on it; an index {@code tip_run} cannot join
 * (PostgreSQL GIN, GiST, hash, BRIN; MariaDB FULLTEXT, SPATIAL) is copied as it is.
 *
 * <p>Twins are made for every table declared isolated by exact name, and for every table of the
 * connection's default schema whose name matches an isolated pattern. Twins carry no foreign keys: a
 * test row may reference a reference table or a production parent, and each partition is purged on its
 * own, so a foreign key would either refuse legitimate test rows or block the purge.
 *
 * <p>Generated keys keep working in twins and never equal a production id. On PostgreSQL a twin's
 * {@code serial} or identity column draws from the production column's sequence (production ids get gaps,
 * never duplicates; the twin's column is a plain column with that {@code nextval} default, so it also takes
 * explicit ids where production says {@code GENERATED ALWAYS}). On H2 and MariaDB the twin keeps the identity or
 * {@code AUTO_INCREMENT} but starts it at half the column type's range: 2^62 for {@code BIGINT}, 2^30 for
 * {@code INT}, 2^22 for {@code MEDIUMINT}, 2^14 for {@code SMALLINT}, 2^6 for {@code TINYINT}, twice that when
 * {@code UNSIGNED}; production, counting up from 1, reaches that range only after using half its ids. Give
 * generated-id columns of isolated tables a type with room ({@code BIGINT}); a production sequence started
 * above 1 or counting down is the owner's to keep out of that range. Explicit ids the application writes are its
 * own business and may coincide with production ids (in the twin they never meet production rows).
 *
 * <p><b>Test identity.</b> With {@link Builder#testIdentity(DataSource)} (the pool test connections use),
 * {@link #create()} also grants that login what test traffic needs, and {@link #check()} reports each
 * privilege it lacks or has in excess; see {@link Builder#testIdentity(DataSource)}. A twin has the production table's spelling, in the shadow schema spelled as an
 * unquoted name folds (H2 upper case, PostgreSQL lower case, MariaDB as given), so
 * {@code tip_shadow.orders} reaches it exactly as {@code orders} reaches the production table.
 *
 * <p>On MariaDB the shadow schema is a database of the whole server: its default is derived from the
 * application's database, {@code <database>_tip_shadow} (for {@code jdbc:mariadb://db/shop},
 * {@code shop_tip_shadow}), so two applications on one server never share twins; elsewhere it is
 * {@value #DEFAULT_SCHEMA}. {@link Builder#shadowSchema(String)} names it explicitly.
 *
 * <p><b>Partitioned by run</b> (PostgreSQL, {@link Builder#partitionByRun(boolean)}). New twins are made
 * {@code PARTITION BY LIST (tip_run)} with a {@code DEFAULT} partition; {@link #createRunPartitions(String)}
 * (called by a {@link JdbcRunRegistry} given {@link JdbcRunRegistry.Builder#runPartitions(ShadowSchema)} when it
 * first registers a run) adds the run's partition, and the purge detaches and drops that partition instead of
 * deleting its rows in batches. Rows of a run without a partition (registered elsewhere, created too late, a
 * straggler after the purge, a run the registry does not know) land in {@code DEFAULT}: inserts never fail for
 * want of a partition, the audit reports them as it reports any row (left behind by a purged run, or of an unknown
 * run), and the purge deletes them in batches from the parent. Keys and indexes are partitioned indexes on the
 * parent; {@link #check()} and {@link #update()} compare and change the parent's columns, keys and indexes, which
 * every partition follows, and {@link #update()} restores a dropped {@code DEFAULT} partition. The test identity
 * is granted on the parent only: PostgreSQL checks privileges on the table named in the statement, so it reaches
 * every partition through the parent and is refused on a partition named directly. Immutable and thread-safe.
 */
public final class ShadowSchema {

    /** The shadow schema used when none is given (on MariaDB the suffix of {@code <database>_tip_shadow}). */
    public static final String DEFAULT_SCHEMA = ShadowSchemaName.DEFAULT;

    private final DataSource dataSource;
    private final TablePolicies policies;
    private final String schema;
    private final Dialect dialect;
    private final DataSource testIdentity;
    private final String testLogin;
    private final boolean partitionByRun;

    /** How long the DDL of a run's partition waits for the twin's lock before the run is left in DEFAULT. */
    static final Duration PARTITION_LOCK_TIMEOUT = Duration.ofSeconds(2);

    private ShadowSchema(Builder b) {
        this.partitionByRun = b.partitionByRun;
        this.testLogin = b.testLogin;
        this.dataSource = b.dataSource;
        this.policies = b.policies;
        this.schema = b.schema;
        this.dialect = b.dialect;
        this.testIdentity = b.testIdentity;
    }

    /** A builder over the raw (unwrapped) data source of the production database. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * Creates the shadow schema if missing and each missing twin; existing twins are left as they are, and
     * production tables are only read. If a statement fails, the exception names the table and the
     * statement, the partly built twin is removed, and calling this again (once the cause is gone) completes.
     * With a test identity, then grants it what test traffic needs (idempotent; the production data source
     * must be allowed to grant: the owner of the tables, on MariaDB with {@code GRANT OPTION}).
     */
    public List<String> create() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Dialect d = dialectOf(c);
            String shadow = ShadowSchemaName.resolve(schema, d, c);
            List<String> created = new ShadowTwinCreator(c, d, policies, shadow, partitionByRun).createMissing();
            grantIdentity(c, d, shadow);
            return created;
        }
    }

    private void grantIdentity(Connection c, Dialect d, String shadow) throws SQLException {
        if (testLogin != null) {
            new IdentityGrants(c, d, policies, shadow).grant(TestIdentity.named(testLogin, d));
        } else if (testIdentity != null) {
            TestIdentity identity;
            try (Connection t = testIdentity.getConnection()) {
                identity = TestIdentity.of(t, d);
            }
            new IdentityGrants(c, d, policies, shadow).grant(identity);
        }
    }

    /**
     * Brings every twin in line with its production table, production only read: creates missing twins; adds,
     * changes (type, default, nullability) and drops columns; follows primary and unique keys, indexes and CHECK
     * constraints, with {@code tip_run} kept and every key extended with it. Each change is one statement; what
     * the database refuses (such as a type the twin's test rows do not convert to) is reported with the reason,
     * and the rest is still done; with a test identity its grants follow. Run it after each migration (see {@code io.tipdata.jdbc.flyway} and
     * {@code io.tipdata.jdbc.liquibase}).
     */
    public ShadowUpdate update() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Dialect d = dialectOf(c);
            String shadow = ShadowSchemaName.resolve(schema, d, c);
            ShadowTwinUpdater.Result r = new ShadowTwinUpdater(c, d, policies, shadow, partitionByRun).update();
            grantIdentity(c, d, shadow);
            return new ShadowUpdate(r.applied(), r.refused());
        }
    }

    /**
     * Compares every isolated table with its twin; the list is empty when all is well. A
     * {@link SchemaProblem.Severity#WARNING warning} (a production index missing in a twin) makes test
     * statements slower, never less isolated; every other problem is an error. With a test identity, each
     * privilege it lacks or has in excess is an error too.
     */
    public List<SchemaProblem> check() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Dialect d = dialectOf(c);
            String shadow = ShadowSchemaName.resolve(schema, d, c);
            List<SchemaProblem> problems = new ArrayList<>(new ShadowDriftCheck(c, d, policies, shadow, partitionByRun)
                    .problems());
            if (testIdentity != null) {
                try (Connection t = testIdentity.getConnection()) {
                    problems.addAll(new IdentityCheck(c, t, d, policies, shadow).problems());
                }
            }
            return List.copyOf(problems);
        }
    }

    /**
     * Creates the run's partition in every twin partitioned by run that has none (PostgreSQL), each in its own
     * short transaction that waits at most two seconds for the twin's lock; returns the partitions created. A
     * twin that cannot get one (its lock is busy, or its DEFAULT partition already holds rows of the run) is
     * logged and left so: the run's rows there go to DEFAULT. Needs the owner of the shadow schema (this object's
     * data source), never the test identity. Does nothing on twins that are not partitioned.
     */
    public List<String> createRunPartitions(String runId) throws SQLException {
        TestRun.requireValidRunId(runId);
        try (Connection c = dataSource.getConnection()) {
            Dialect d = dialectOf(c);
            if (d != Dialect.POSTGRESQL) {
                return List.of();
            }
            return RunPartitions.create(c, policies, ShadowSchemaName.resolve(schema, d, c), runId,
                    PARTITION_LOCK_TIMEOUT);
        }
    }

    /** Whether new twins are partitioned by run ({@link Builder#partitionByRun(boolean)}). */
    public boolean partitionByRun() {
        return partitionByRun;
    }

    /** The shadow schema name as configured, or {@code null} when it is the default (derived on MariaDB). */
    public String schema() {
        return schema;
    }

    /** The shadow schema this object works on, resolving the default against the database. */
    public String resolvedSchema() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return ShadowSchemaName.resolve(schema, dialectOf(c), c);
        }
    }

    /** The table policies whose isolated tables have twins. */
    public TablePolicies policies() {
        return policies;
    }

    private Dialect dialectOf(Connection c) throws SQLException {
        Dialect d = dialect != null ? dialect : Dialect.detect(c.getMetaData());
        if (partitionByRun && d != Dialect.POSTGRESQL) {
            throw new IllegalStateException(partitionOnlyOnPostgres(d));
        }
        return d;
    }

    private static String partitionOnlyOnPostgres(Dialect d) {
        return "partitionByRun(true) is for PostgreSQL only, and this database is " + d + ": leave partitionByRun"
                + " off (its twins are purged by batched deletes)";
    }

    @Override
    public String toString() {
        return "ShadowSchema[" + schema + ", " + policies + "]";
    }

    /** Configures a {@link ShadowSchema}; {@link #build()} checks the settings. */
    public static final class Builder {
        private final DataSource dataSource;
        private TablePolicies policies;
        private String schema;
        private Dialect dialect;
        private DataSource testIdentity;
        private String testLogin;
        private boolean partitionByRun;

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /** The table policies; their isolated tables get twins. Required. */
        public Builder policies(TablePolicies policies) {
            this.policies = Objects.requireNonNull(policies, "policies");
            return this;
        }

        /**
         * The shadow schema; default {@value ShadowSchema#DEFAULT_SCHEMA}, on MariaDB (where it is a database)
         * {@code <database>_tip_shadow}.
         */
        public Builder shadowSchema(String schema) {
            this.schema = Objects.requireNonNull(schema, "shadowSchema; leave it unset for the default");
            return this;
        }

        /**
         * The shadow schema.
         *
         * @deprecated use {@link #shadowSchema(String)}, the name every builder uses
         */
        @Deprecated
        public Builder schema(String schema) {
            return shadowSchema(schema);
        }

        /** The dialect; detected from the connection when not given. */
        public Builder dialect(Dialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /**
         * The data source test connections log in with (the test identity, a login of its own created by the
         * user). {@link ShadowSchema#create()} grants it {@code SELECT, INSERT, UPDATE, DELETE} on the twins,
         * {@code SELECT} on the {@code REFERENCE} tables and (PostgreSQL) {@code USAGE} on both schemas and on the
         * sequences the twins draw ids from; {@link ShadowSchema#check()} reports anything missing and anything
         * more: writes or non-REFERENCE reads in any schema, {@code CREATE}, superuser and role attributes, role
         * memberships, server-file functions, executable {@code SECURITY DEFINER} functions (PostgreSQL), global,
         * database, routine and proxy grants (MariaDB), admin rights and owned schemas (H2). Its connections must
         * start in the production schema (PostgreSQL {@code currentSchema}, MariaDB the URL's database), so
         * unqualified REFERENCE names resolve to the production tables.
         */
        public Builder testIdentity(DataSource testConnections) {
            this.testIdentity = Objects.requireNonNull(testConnections, "testConnections");
            return this;
        }

        /**
         * Names the login {@link ShadowSchema#create()} grants to, for a login that cannot connect yet (MariaDB
         * refuses a login whose URL names a database it has no privilege in): {@code user} ({@code user@%} on
         * MariaDB) or {@code user@host}. {@link ShadowSchema#check()} still needs {@link #testIdentity(DataSource)}.
         */
        public Builder testLogin(String login) {
            if (login == null || login.isBlank() || login.startsWith("@")) {
                throw new IllegalArgumentException("invalid test login '" + login + "': give the login name, on"
                        + " MariaDB optionally as user@host");
            }
            this.testLogin = login;
            return this;
        }

        /**
         * PostgreSQL only: new twins are partitioned by run, a partition per run plus a DEFAULT partition, and the
         * purge detaches and drops a run's partition instead of deleting its rows in batches (default off; see
         * docs/BENCHMARKS.md for the measurement that chooses between them). Existing twins keep their form: to
         * change it, drop a twin (it holds test rows only) and create it again. Refused on other databases.
         */
        public Builder partitionByRun(boolean partitionByRun) {
            this.partitionByRun = partitionByRun;
            return this;
        }

        /** The configured shadow schema. */
        public ShadowSchema build() {
            if (partitionByRun && dialect != null && dialect != Dialect.POSTGRESQL) {
                throw new IllegalArgumentException(partitionOnlyOnPostgres(dialect));
            }
            if (policies == null) {
                throw new IllegalStateException("no table policies given: call policies(TablePolicies) with the"
                        + " isolated tables that need shadow twins");
            }
            if (schema != null && !ShadowSchemaName.NAME.matcher(schema).matches()) {
                throw new IllegalArgumentException("invalid shadow schema name '" + schema + "': use 1 to 63"
                        + " letters, digits and _, starting with a letter or _ (default " + DEFAULT_SCHEMA + ")");
            }
            return new ShadowSchema(this);
        }
    }
}
