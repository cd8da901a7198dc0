package io.tipdata.benchmarks.jdbc;

import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import io.tipdata.jdbc.ShadowSchema;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TablePolicy;
import io.tipdata.jdbc.TipDataSource;
import io.tipdata.jdbc.internal.rewrite.SqlRewriter;
import io.tipdata.jdbc.internal.rewrite.TableColumns;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** TipDataSource over the production pool, with the workload table isolated in a fresh shadow schema. */
final class TipTargets {

    static final String SHADOW_SCHEMA = "tip_shadow";
    static final String TWIN = SHADOW_SCHEMA + "." + Workload.TABLE;

    private TipTargets() {
    }

    private static TablePolicies policies() {
        return TablePolicies.builder().table(TablePolicy.ISOLATED, Workload.TABLE).build();
    }

    /** Recreates the shadow schema with the workload table's twin and wraps the pool. */
    static DataSource open(BenchDatabase db, DataSource production) throws SQLException {
        return open(db, production, null);
    }

    /** As {@link #open(BenchDatabase, DataSource)}, with test connections from the test identity's pool if given. */
    static DataSource open(BenchDatabase db, DataSource production, DataSource testPool) throws SQLException {
        TablePolicies policies = policies();
        try (Connection c = production.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SHADOW_SCHEMA + " CASCADE");
        }
        ShadowSchema.Builder shadow = ShadowSchema.builder(production).policies(policies).shadowSchema(SHADOW_SCHEMA)
                .dialect(db.dialect());
        TipDataSource.Builder tip = TipDataSource.wrap(production).policies(policies).shadowSchema(SHADOW_SCHEMA)
                .dialect(db.dialect());
        if (testPool != null) {
            shadow.testIdentity(testPool);
            tip.testConnections(testPool);
        }
        shadow.build().create();
        return tip.build();
    }

    /**
     * Checks the routing with one insert each way, reading the tables directly: a production insert must
     * land only in the production table, a test insert only in the twin with the run stamped, and a test
     * read must not see the production row. Removes both rows after.
     */
    static void verifyRouting(DataSource tip, DataSource production, TestRun run) throws SQLException {
        long plain = Workload.FIRST_INSERT_ID - 2;
        long test = Workload.FIRST_INSERT_ID - 1;
        Workload.insert(tip, Workload.INSERT, plain);
        long testReadOfProduction;
        try (TipContext.Scope ignored = TipContext.bind(run)) {
            Workload.insert(tip, Workload.INSERT, test);
            testReadOfProduction = countThrough(tip, Workload.COUNT_BY_ID, plain);
        }
        long[] seen = {
            Workload.count(production, Workload.TABLE, plain), twinCount(production, plain, null),
            twinCount(production, test, run.runId()), Workload.count(production, Workload.TABLE, test)};
        if (seen[0] != 1 || seen[1] != 0 || seen[2] != 1 || seen[3] != 0 || testReadOfProduction != 0) {
            throw new IllegalStateException("TipDataSource routing is wrong: production row in production/twin = "
                    + seen[0] + "/" + seen[1] + ", test row in twin (stamped)/production = " + seen[2] + "/" + seen[3]
                    + ", production row seen by a test read = " + testReadOfProduction
                    + "; expected 1/0, 1/0 and 0");
        }
        Workload.delete(production, plain);
        try (Connection c = production.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM " + TWIN + " WHERE id = ?")) {
            ps.setLong(1, test);
            ps.executeUpdate();
        }
    }

    /** The SQL TipDataSource sends for the statement in the run's context. */
    static String rewritten(BenchDatabase db, String sql, TestRun run) throws SQLException {
        return SqlRewriter.create(policies(), TableColumns.none(), SHADOW_SCHEMA, db.dialect(), 16).rewrite(sql).sqlFor(run.runId());
    }

    /** Loads the workload rows into the run's partition through TipDataSource in test context. */
    static void loadInTest(DataSource tip, DataSource production, TestRun run) throws SQLException {
        try (TipContext.Scope ignored = TipContext.bind(run)) {
            Workload.load(tip, Workload.INSERT, Workload.ROWS);
        }
        long loaded = twinCount(production, null, run.runId());
        if (loaded != Workload.ROWS) {
            throw new IllegalStateException("the run's partition holds " + loaded + " rows, not the "
                    + Workload.ROWS + " loaded");
        }
    }

    /** Rows of the twin, read directly, with the id (any id when null) and, when given, stamped with the run. */
    private static long twinCount(DataSource production, Long id, String runId) throws SQLException {
        String sql = "SELECT COUNT(*) FROM " + TWIN + " WHERE " + (id == null ? "1 = 1" : "id = " + id)
                + (runId == null ? "" : " AND tip_run = ?");
        try (Connection c = production.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (runId != null) {
                ps.setString(1, runId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The count a {@code COUNT(*) ... WHERE id = ?} statement returns through the data source. */
    private static long countThrough(DataSource ds, String sql, long id) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
