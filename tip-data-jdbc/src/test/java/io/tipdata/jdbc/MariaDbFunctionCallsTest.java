package io.tipdata.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Function calls on MariaDB (database tipc_fn): user variables, last insert id, named locks, files, sleep. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class MariaDbFunctionCallsTest extends FunctionCallsContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.mariadb("tipc_fn");
    }

    @Override
    void createFunctions() throws SQLException {
        db.exec("CREATE FUNCTION write_audit() RETURNS INT MODIFIES SQL DATA"
                + " BEGIN INSERT INTO audit (id, note) VALUES (99, 'fn'); RETURN 1; END");
        db.exec("CREATE FUNCTION read_audit() RETURNS VARCHAR(50) READS SQL DATA RETURN (SELECT note FROM audit LIMIT 1)");
        db.exec("CREATE FUNCTION fail_now() RETURNS INT DETERMINISTIC BEGIN SIGNAL SQLSTATE '45000'"
                + " SET MESSAGE_TEXT = 'boom'; RETURN 1; END");
        db.exec("CREATE FUNCTION twice(x INT) RETURNS INT DETERMINISTIC RETURN x * 2");
    }

    @Override
    boolean declaredFunctionsRunAsTheTestIdentity() {
        return false;
    }

    @Override
    Map<String, String> refusedCalls() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("SELECT write_audit()", "write_audit");
        m.put("SELECT o.id FROM orders o WHERE o.amount < write_audit()", "write_audit");
        m.put("SELECT read_audit()", "read_audit");
        m.put("SELECT fail_now() FROM orders", "fail_now");
        m.put("SELECT rand(7)", "rand");
        m.put("SELECT last_insert_id(42)", "last_insert_id");
        m.put("SELECT get_lock('tipc_lock', 0)", "get_lock");
        m.put("SELECT release_all_locks()", "release_all_locks");
        m.put("SELECT is_used_lock('tipc_lock')", "is_used_lock");
        m.put("SELECT load_file('/etc/hostname')", "load_file");
        m.put("SELECT sleep(1)", "sleep");
        m.put("SELECT benchmark(1000, md5('x'))", "benchmark");
        m.put("SELECT @tipc_x := 1", "!session variable");
        m.put("SELECT o.id FROM orders o WHERE (@tipc_x := o.id) > 0", "!session variable");
        m.put("SET @tipc_x = 1", "!SET");
        m.put("SELECT @@session.sql_mode", "!UserVariable");
        m.put("SELECT @@version", "!UserVariable");
        m.put("SET SESSION sql_mode = ''", "!SET");
        m.put("SELECT connection_id()", "connection_id");
        m.put("SELECT database()", "database");
        m.put("SELECT tipc_fn.twice(1)", "twice");
        m.put("SELECT current_user", "!current_user");
        m.put("SELECT current_role", "!current_role");
        m.put("SELECT o.id FROM orders o WHERE o.customer <> CURRENT_USER", "!current_user");
        return m;
    }

    @Override
    List<String> sessionState(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        out.addAll(column(c, "SELECT coalesce(@tipc_x, 'unset')"));
        out.addAll(column(c, "SELECT last_insert_id()"));
        out.addAll(column(c, "SELECT @@session.sql_mode"));
        out.addAll(column(c, "SELECT coalesce(is_used_lock('tipc_lock'), 'free')"));
        out.addAll(column(c, "SELECT database()"));
        return out;
    }

    @Override
    Map<String, String> declaredCalls() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("SELECT twice(2) FROM orders", "4");
        m.put("SELECT TWICE(2) FROM orders", "4");
        m.put("SELECT `twice`(2) FROM orders", "4");
        return m;
    }

    @Override
    List<String> declaredButRefused() {
        return List.of("SELECT tipc_fn.twice(2) FROM orders", "SELECT `tipc_fn`.`twice`(2) FROM orders");
    }
}
