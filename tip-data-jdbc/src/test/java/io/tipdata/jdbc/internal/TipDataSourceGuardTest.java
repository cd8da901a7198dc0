package io.tipdata.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipdata.core.KillSwitch;
import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import io.tipdata.jdbc.RefusedStatementException;
import io.tipdata.jdbc.internal.rewrite.IsolationViolationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guard with a stand-in rewrite: what reaches it in production (nothing) and what a violation does. */
class TipDataSourceGuardTest {

    private static final TestRun RUN = TestRun.of("run-g", Instant.now(), Instant.now().plusSeconds(3600));

    private final List<String> rewritten = new ArrayList<>();
    private final KillSwitch killSwitch = KillSwitch.create();
    private Connection raw;
    private Connection guarded;
    private Connection guardedForRun;

    @BeforeEach
    void open() throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:guard" + System.nanoTime());
        raw = ds.getConnection();
        try (Statement s = raw.createStatement()) {
            s.execute("CREATE TABLE t (v INT)");
            s.execute("CREATE TABLE shadow_t (v INT, tip_run VARCHAR(40))");
        }
        StatementGuard guard = new StatementGuard((sql, runId) -> {
            rewritten.add(sql);
            if (sql.contains("violate")) {
                throw new IsolationViolationException("isolation check failed: DELETE from t has no run filter");
            }
            return sql.replace(" t", " shadow_t");
        }, killSwitch);
        guarded = guard.guard(ds.getConnection());
        guardedForRun = guard.pin(ds.getConnection(), RUN, false);
    }

    @AfterEach
    void close() throws SQLException {
        guarded.close();
        guardedForRun.close();
        raw.close();
    }

    private long count(String table) throws SQLException {
        try (Statement s = raw.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void productionNeverReachesTheRewrite() throws SQLException {
        try (Statement s = guarded.createStatement()) {
            s.execute("INSERT INTO t VALUES (1)");
            s.executeUpdate("INSERT INTO t VALUES (2)");
            s.executeLargeUpdate("INSERT INTO t VALUES (3)", Statement.RETURN_GENERATED_KEYS);
            s.addBatch("INSERT INTO t VALUES (4)");
            s.executeBatch();
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(4);
            }
        }
        try (PreparedStatement ps = guarded.prepareStatement("INSERT INTO t VALUES (?)")) {
            ps.setInt(1, 5);
            ps.addBatch();
            ps.executeBatch();
        }
        assertThat(guarded.nativeSQL("SELECT v FROM t")).isEqualTo("SELECT v FROM t");
        assertThat(rewritten).isEmpty();
        assertThat(count("t")).isEqualTo(5);
    }

    @Test
    void testContextSendsOnlyTheRewrite() throws Exception {
        TipContext.call(RUN, () -> {
            try (Statement s = guardedForRun.createStatement()) {
                return s.executeUpdate("INSERT INTO t (v) VALUES (1)");
            }
        });
        assertThat(rewritten).containsExactly("INSERT INTO t (v) VALUES (1)");
        assertThat(count("t")).isZero();
        assertThat(count("shadow_t")).isEqualTo(1);
    }

    @Test
    void anIsolationViolationEngagesTheKillSwitchAndSendsNothing() throws Exception {
        assertThatThrownBy(() -> TipContext.call(RUN, () -> {
            try (Statement s = guardedForRun.createStatement()) {
                return s.executeUpdate("DELETE FROM t /* violate */");
            }
        })).isInstanceOf(IsolationViolationException.class).hasMessageContaining("no run filter");

        assertThat(killSwitch.isEngaged()).isTrue();
        assertThat(killSwitch.reason()).contains("run-g", "independent isolation check", "no run filter");
        assertThatThrownBy(() -> TipContext.call(RUN, () -> guardedForRun.prepareStatement("INSERT INTO t VALUES (1)")))
                .isInstanceOf(RefusedStatementException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(RefusedStatementException.KILLED));
        assertThat(rewritten).containsExactly("DELETE FROM t /* violate */");
        try (Statement s = guarded.createStatement()) {
            assertThat(s.executeUpdate("INSERT INTO t VALUES (1)")).isEqualTo(1);
        }
        assertThat(count("t")).isEqualTo(1);
        assertThat(count("shadow_t")).isZero();
    }
}
