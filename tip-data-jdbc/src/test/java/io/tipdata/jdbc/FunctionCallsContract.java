package io.tipdata.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipdata.core.KillSwitch;
import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Function calls in test context: user-defined functions that write, that read a DENIED table or that raise, and
 * built-ins that change session or server state or look beyond the run, are each refused with TD001 naming the
 * function and {@code allowFunction}; afterwards the session state of the pooled test connections (read as the
 * database reports it) and the database contents are as they were. A declared function runs, matched by name as the
 * dialect folds an unquoted name, with any number of arguments; a schema-qualified call only when declared so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FunctionCallsContract {

    static final TestRun RUN_A = TipDataSourceContract.run("run-a");

    TestDatabase db;
    TipDataSource tip;
    TipDataSource allowing;

    abstract TestDatabase newDatabase();

    /** Creates, as the production owner, write_audit() (writes audit), read_audit() (reads it), fail_now() (raises), twice(x) and twice(x, y). */
    abstract void createFunctions() throws SQLException;

    /** Calls refused, each with the function name the refusal must give. */
    abstract Map<String, String> refusedCalls();

    /** Session state of one test connection as the database reports it, one line per item. */
    abstract List<String> sessionState(Connection c) throws SQLException;

    /** The calls of a declared function that must run, with their first column's value. */
    abstract Map<String, String> declaredCalls();

    /** Calls of the declared function that stay refused (quoted in another case, qualified with a schema). */
    abstract List<String> declaredButRefused();

    /**
     * Whether the test identity may execute the declared function; where executing needs a grant that the start-up
     * check counts as an excess privilege (MariaDB's EXECUTE), the declared calls run over the production login.
     */
    boolean declaredFunctionsRunAsTheTestIdentity() {
        return true;
    }

    @BeforeAll
    void openDatabase() throws SQLException {
        db = newDatabase();
        db.open();
        db.createTables();
        createFunctions();
        tip = TipDataSource.wrap(db.raw).testConnections(db.testPool).policies(db.policies()).shadowSchema(db.shadow)
                .killSwitch(KillSwitch.create()).build();
        TipDataSource.Builder b = TipDataSource.wrap(db.raw).policies(db.policies()).shadowSchema(db.shadow)
                .killSwitch(KillSwitch.create()).allowFunction("twice");
        allowing = (declaredFunctionsRunAsTheTestIdentity() ? b.testConnections(db.testPool) : b).build();
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    @BeforeEach
    void seed() throws SQLException {
        db.reset();
        db.exec("INSERT INTO " + db.shadow + ".orders (customer, amount, tip_run) VALUES ('a-1', 1, 'run-a')");
    }

    @Test
    void callsWithEffectsOrViewsBeyondTheRunAreRefusedAndLeaveNoState() throws Exception {
        String before = db.snapshot();
        List<String> stateBefore = poolState();
        List<String> accepted = new ArrayList<>();
        for (Map.Entry<String, String> call : refusedCalls().entrySet()) {
            try {
                query(tip, call.getKey());
                accepted.add(call.getKey());
            } catch (SQLException e) {
                assertThat(e.getSQLState()).as(call.getKey()).isEqualTo(RefusedStatementException.REFUSED);
                // "!name": a statement refused as such (no function), so the refusal names no builder call
                boolean function = !call.getValue().startsWith("!");
                assertThat(e.getMessage().toLowerCase(Locale.ROOT)).as(call.getKey())
                        .contains(call.getValue().substring(function ? 0 : 1).toLowerCase(Locale.ROOT));
                if (function) {
                    assertThat(e.getMessage()).as(call.getKey()).contains("allowFunction");
                }
            }
        }
        assertThat(accepted).as("calls tip-data let through").isEmpty();
        assertThat(poolState()).as("session state of the pooled test connections").isEqualTo(stateBefore);
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void aDeclaredFunctionRunsByNameWithAnyNumberOfArguments() throws Exception {
        for (Map.Entry<String, String> call : declaredCalls().entrySet()) {
            assertThat(query(allowing, call.getKey())).as(call.getKey()).containsExactly(call.getValue());
        }
        for (String sql : declaredButRefused()) {
            assertThatThrownBy(() -> query(allowing, sql)).as(sql).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).isEqualTo(RefusedStatementException.REFUSED));
        }
        assertThatThrownBy(() -> query(tip, "SELECT twice(2) FROM orders"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getMessage())
                        .contains("twice", "allowFunction(\"twice\")"));
    }

    @Test
    void aBadFunctionNameIsRefusedAtConfiguration() {
        for (String bad : List.of("", "1abc", "my func", "a.b.c", "\"quoted\"", "f()", "x;drop")) {
            assertThatThrownBy(() -> TipDataSource.wrap(db.raw).allowFunction(bad).build()).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + bad + "'")
                    .hasMessageContaining("allowFunction");
        }
    }

    /** The session state of every connection the test pool holds. */
    List<String> poolState() throws SQLException {
        List<Connection> held = new ArrayList<>();
        List<String> out = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Connection c = db.testPool.getConnection();
                held.add(c);
                out.addAll(sessionState(c));
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        return out;
    }

    static List<String> column(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(sql + " -> " + rs.getString(1));
            }
        }
        return out;
    }

    static List<String> query(TipDataSource ds, String sql) throws Exception {
        return TipContext.call(RUN_A, () -> {
            List<String> out = new ArrayList<>();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }
}
