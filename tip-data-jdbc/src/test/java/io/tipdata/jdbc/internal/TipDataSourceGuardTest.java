package io.tipdata.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipdata.core.KillSwitch;
import io.tipdata.core.RunQuarantine;
import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import io.tipdata.jdbc.RefusedStatementException;
import io.tipdata.jdbc.internal.rewrite.IsolationViolationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guard with a stand-in rewrite: what reaches it in production (nothing) and what a violation does (quarantine). */
class TipDataSourceGuardTest {

    private static final TestRun RUN = TestRun.of("run-g", Instant.now(), Instant.now().plusSeconds(3600));

    private final List<String> rewritten = new ArrayList<>();
    private static final TestRun OTHER = TestRun.of("run-h", Instant.now(), Instant.now().plusSeconds(3600));

    private final KillSwitch killSwitch = KillSwitch.create();
    private final RunQuarantine quarantine = RunQuarantine.builder().killSwitch(killSwitch)
            .killSwitchAfter(3, Duration.ofMinutes(5)).build();
    private Connection raw;
    private Connection guarded;
    private StatementGuard guard;
    private JdbcDataSource ds;
    private final java.util.Map<String, Connection> pinned = new java.util.HashMap<>();

    @BeforeEach
    void open() throws SQLException {
        ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:guard" + System.nanoTime());
        raw = ds.getConnection();
        try (Statement s = raw.createStatement()) {
            s.execute("CREATE TABLE t (v INT)");
            s.execute("CREATE TABLE shadow_t (v INT, tip_run VARCHAR(40))");
        }
        guard = new StatementGuard((sql, runId) -> {
            rewritten.add(sql);
            if (sql.contains("violate")) {
                throw new IsolationViolationException("isolation check failed: DELETE from t has no run filter");
            }
            return sql.replace(" t", " shadow_t");
        }, killSwitch, quarantine);
        guarded = guard.guard(ds.getConnection());
    }

    /** A connection borrowed in the run, as TipDataSource pins it. */
    private Connection in(TestRun run) throws SQLException {
        Connection c = pinned.get(run.runId());
        if (c == null) {
            c = guard.pin(ds.getConnection(), run, false);
            pinned.put(run.runId(), c);
        }
        return c;
    }

    @AfterEach
    void close() throws SQLException {
        for (Connection c : pinned.values()) {
            c.close();
        }
        guarded.close();
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
            try (Statement s = in(RUN).createStatement()) {
                return s.executeUpdate("INSERT INTO t (v) VALUES (1)");
            }
        });
        assertThat(rewritten).containsExactly("INSERT INTO t (v) VALUES (1)");
        assertThat(count("t")).isZero();
        assertThat(count("shadow_t")).isEqualTo(1);
    }

    @Test
    void anIsolationViolationQuarantinesItsRunOnlyAndSendsNothing() throws Exception {
        assertThatThrownBy(() -> TipContext.call(RUN, () -> {
            try (Statement s = in(RUN).createStatement()) {
                return s.executeUpdate("DELETE FROM t WHERE v = 'secret-7' /* violate */");
            }
        })).isInstanceOf(IsolationViolationException.class).hasMessageContaining("no run filter");

        assertThat(killSwitch.isEngaged()).isFalse();
        assertThat(quarantine.isQuarantined("run-g")).isTrue();
        assertThat(quarantine.reason("run-g")).contains("independent isolation check").doesNotContain("secret-7");
        assertThatThrownBy(() -> TipContext.call(RUN, () -> {
            try (Statement s = in(RUN).createStatement()) {
                return s.executeUpdate("INSERT INTO t (v) VALUES (1)");
            }
        })).isInstanceOf(RefusedStatementException.class).satisfies(e -> assertThat(((SQLException) e).getSQLState())
                .isEqualTo(RefusedStatementException.QUARANTINED)).hasMessageContaining("run-g is quarantined");
        assertThatThrownBy(() -> TipContext.call(RUN, () -> in(RUN).prepareStatement("INSERT INTO t (v) VALUES (2)")))
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(RefusedStatementException.QUARANTINED));
        // another run and production go on
        TipContext.call(OTHER, () -> {
            try (Statement s = in(OTHER).createStatement()) {
                return s.executeUpdate("INSERT INTO t (v) VALUES (3)");
            }
        });
        try (Statement s = guarded.createStatement()) {
            assertThat(s.executeUpdate("INSERT INTO t VALUES (1)")).isEqualTo(1);
        }
        assertThat(rewritten).containsExactly("DELETE FROM t WHERE v = 'secret-7' /* violate */", "INSERT INTO t (v) VALUES (3)");
        assertThat(count("t")).isEqualTo(1);
        assertThat(count("shadow_t")).isEqualTo(1);
    }

    @Test
    void violationsFromSeveralRunsWithinTheWindowEngageTheKillSwitch() throws Exception {
        for (String id : List.of("run-a", "run-b", "run-a", "run-c")) {
            TestRun run = TestRun.of(id, Instant.now(), Instant.now().plusSeconds(3600));
            assertThat(killSwitch.isEngaged()).isFalse();
            assertThatThrownBy(() -> TipContext.call(run, () -> {
                try (Statement s = in(run).createStatement()) {
                    return s.executeUpdate("DELETE FROM t /* violate */");
                }
            })).isInstanceOf(RefusedStatementException.class);
        }
        assertThat(killSwitch.isEngaged()).isTrue();
        assertThat(killSwitch.reason()).contains("3 or more runs", "run-c");
        assertThatThrownBy(() -> TipContext.call(OTHER, () -> in(OTHER).prepareStatement("INSERT INTO t VALUES (1)")))
                .isInstanceOf(RefusedStatementException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(RefusedStatementException.KILLED));
        assertThat(rewritten).hasSize(3);
    }
}
