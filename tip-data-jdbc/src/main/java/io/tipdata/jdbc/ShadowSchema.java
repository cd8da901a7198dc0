package io.tipdata.jdbc;

import io.tipdata.jdbc.internal.shadow.ShadowDriftCheck;
import io.tipdata.jdbc.internal.shadow.ShadowSchemaName;
import io.tipdata.jdbc.internal.shadow.ShadowTwinCreator;
import io.tipdata.jdbc.internal.shadow.ShadowTwinUpdater;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Creates and checks the shadow schema: one twin per {@link TablePolicy#ISOLATED} table, with the same
 * columns and CHECK constraints plus {@code tip_run VARCHAR(40) NOT NULL} and an index on it, and every
 * primary and unique key extended with {@code tip_run}, so two runs never collide.
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
 * <p>Generated keys keep working in twins: on PostgreSQL a {@code serial} column's default is copied, so
 * the twin draws from the production sequence (production ids get gaps, never duplicates), and an
 * identity column gets a sequence of its own; MariaDB keeps {@code AUTO_INCREMENT}; H2 copies the
 * identity definition. A twin has the production table's spelling, in the shadow schema spelled as an
 * unquoted name folds (H2 upper case, PostgreSQL lower case, MariaDB as given), so
 * {@code tip_shadow.orders} reaches it exactly as {@code orders} reaches the production table.
 *
 * <p>On MariaDB the shadow schema is a database of the whole server: its default is derived from the
 * application's database, {@code <database>_tip_shadow} (for {@code jdbc:mariadb://db/shop},
 * {@code shop_tip_shadow}), so two applications on one server never share twins; elsewhere it is
 * {@value #DEFAULT_SCHEMA}. {@link Builder#shadowSchema(String)} names it explicitly. Immutable and thread-safe.
 */
public final class ShadowSchema {

    /** The shadow schema used when none is given (on MariaDB the suffix of {@code <database>_tip_shadow}). */
    public static final String DEFAULT_SCHEMA = ShadowSchemaName.DEFAULT;

    private final DataSource dataSource;
    private final TablePolicies policies;
    private final String schema;
    private final Dialect dialect;

    private ShadowSchema(Builder b) {
        this.dataSource = b.dataSource;
        this.policies = b.policies;
        this.schema = b.schema;
        this.dialect = b.dialect;
    }

    /** A builder over the raw (unwrapped) data source of the production database. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * Creates the shadow schema if missing and each missing twin; existing twins are left as they are, and
     * production tables are only read. If a statement fails, the exception names the table and the
     * statement, the partly built twin is removed, and calling this again (once the cause is gone) completes.
     */
    public List<String> create() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Dialect d = dialectOf(c);
            return new ShadowTwinCreator(c, d, policies, ShadowSchemaName.resolve(schema, d, c)).createMissing();
        }
    }

    /**
     * Brings every twin in line with its production table, production only read: creates missing twins; adds,
     * changes (type, default, nullability) and drops columns; follows primary and unique keys, indexes and CHECK
     * constraints, with {@code tip_run} kept and every key extended with it. Each change is one statement; what
     * the database refuses (such as a type the twin's test rows do not convert to) is reported with the reason,
     * and the rest is still done. Run it after each migration (see {@code io.tipdata.jdbc.flyway} and
     * {@code io.tipdata.jdbc.liquibase}).
     */
    public ShadowUpdate update() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Dialect d = dialectOf(c);
            ShadowTwinUpdater.Result r = new ShadowTwinUpdater(c, d, policies, ShadowSchemaName.resolve(schema, d, c))
                    .update();
            return new ShadowUpdate(r.applied(), r.refused());
        }
    }

    /**
     * Compares every isolated table with its twin; the list is empty when all is well. A
     * {@link SchemaProblem.Severity#WARNING warning} (a production index missing in a twin) makes test
     * statements slower, never less isolated; every other problem is an error.
     */
    public List<SchemaProblem> check() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Dialect d = dialectOf(c);
            return new ShadowDriftCheck(c, d, policies, ShadowSchemaName.resolve(schema, d, c)).problems();
        }
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
        return dialect != null ? dialect : Dialect.detect(c.getMetaData());
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

        /** The configured shadow schema. */
        public ShadowSchema build() {
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
