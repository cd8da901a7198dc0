package io.tipdata.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Function calls on H2: Java aliases that write, read or raise, variables, files, sizes, sessions. */
class H2FunctionCallsTest extends FunctionCallsContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }

    @Override
    void createFunctions() throws SQLException {
        db.exec("CREATE ALIAS write_audit AS 'int writeAudit(java.sql.Connection c) throws java.sql.SQLException {"
                + " c.createStatement().execute(\"INSERT INTO audit (id, note) VALUES (99, ''fn'')\"); return 1; }'");
        db.exec("CREATE ALIAS read_audit AS 'String readAudit(java.sql.Connection c) throws java.sql.SQLException {"
                + " java.sql.ResultSet rs = c.createStatement().executeQuery(\"SELECT note FROM audit\"); rs.next();"
                + " return rs.getString(1); }'");
        db.exec("CREATE ALIAS fail_now AS 'int failNow() { throw new IllegalStateException(\"boom\"); }'");
        db.exec("CREATE ALIAS twice AS 'int twice(int x) { return x * 2; }'");
    }

    @Override
    Map<String, String> refusedCalls() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("SELECT write_audit()", "write_audit");
        m.put("SELECT o.id FROM orders o WHERE o.amount < write_audit()", "write_audit");
        m.put("SELECT read_audit()", "read_audit");
        m.put("SELECT fail_now() FROM orders", "fail_now");
        m.put("SELECT rand(7)", "rand");
        m.put("SELECT set(@tipc_x, 1)", "set");
        m.put("SELECT file_read('/etc/hostname')", "file_read");
        m.put("SELECT disk_space_used('AUDIT')", "disk_space_used");
        m.put("SELECT session_id()", "session_id");
        m.put("SELECT lock_timeout()", "lock_timeout");
        m.put("SELECT cancel_session(1)", "cancel_session");
        m.put("SELECT database_path()", "database_path");
        m.put("SELECT @tipc_x", "!");
        m.put("SET @tipc_x = 1", "!SET");
        m.put("SELECT PUBLIC.twice(1)", "twice");
        m.put("SELECT current_user", "!current_user");
        m.put("SELECT session_user", "!session_user");
        m.put("SELECT user", "!user");
        m.put("SELECT current_role", "!current_role");
        m.put("SELECT current_schema", "!current_schema");
        m.put("SELECT current_catalog", "!current_catalog");
        m.put("SELECT current_path", "!current_path");
        m.put("SELECT o.id FROM orders o WHERE o.customer <> CURRENT_USER", "!current_user");
        return m;
    }

    @Override
    List<String> sessionState(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        out.addAll(column(c, "SELECT coalesce(@tipc_x, 'unset')"));
        out.addAll(column(c, "SELECT schema()"));
        out.addAll(column(c, "SELECT lock_timeout()"));
        return out;
    }

    @Override
    Map<String, String> declaredCalls() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("SELECT twice(2) FROM orders", "4");
        m.put("SELECT TWICE(2) FROM orders", "4");
        m.put("SELECT \"TWICE\"(2) FROM orders", "4");
        return m;
    }

    @Override
    List<String> declaredButRefused() {
        return List.of("SELECT \"twice\"(2) FROM orders", "SELECT PUBLIC.twice(2) FROM orders");
    }
}
