package io.tipdata.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Function calls on PostgreSQL (schema tipc_fn): search path, settings, LISTEN, large objects, advisory locks. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class PostgresFunctionCallsTest extends FunctionCallsContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres("tipc_fn");
    }

    @Override
    void createFunctions() throws SQLException {
        db.exec("CREATE FUNCTION write_audit() RETURNS int LANGUAGE sql AS"
                + " 'INSERT INTO audit (id, note) VALUES (99, ''fn''); SELECT 1'");
        db.exec("CREATE FUNCTION read_audit() RETURNS text LANGUAGE sql AS 'SELECT note FROM audit LIMIT 1'");
        db.exec("CREATE FUNCTION fail_now() RETURNS int LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'boom'; END$$");
        db.exec("CREATE FUNCTION twice(x int) RETURNS int LANGUAGE sql AS 'SELECT x * 2'");
        db.exec("CREATE FUNCTION twice(x int, y int) RETURNS int LANGUAGE sql AS 'SELECT x * 2 + y'");
    }

    @Override
    Map<String, String> refusedCalls() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("SELECT write_audit()", "write_audit");
        m.put("SELECT o.id FROM orders o WHERE o.amount < write_audit()", "write_audit");
        m.put("SELECT read_audit()", "read_audit");
        m.put("SELECT fail_now() FROM orders", "fail_now");
        m.put("SELECT setseed(0.5)", "setseed");
        m.put("SELECT set_config('search_path', 'tipc_evil', false)", "set_config");
        m.put("SELECT set_config('tip.evil', 'x', false)", "set_config");
        m.put("SELECT pg_advisory_lock(42)", "pg_advisory_lock");
        m.put("SELECT pg_try_advisory_lock(42)", "pg_try_advisory_lock");
        m.put("SELECT o.id FROM orders o WHERE pg_advisory_lock(o.id) IS NOT NULL", "pg_advisory_lock");
        m.put("SELECT lo_create(0)", "lo_create");
        m.put("SELECT lo_import('/etc/hostname')", "lo_import");
        m.put("SELECT pg_listening_channels()", "pg_listening_channels");
        m.put("SELECT pg_notify('tipc_chan', 'x')", "pg_notify");
        m.put("LISTEN tipc_chan", "!");
        m.put("SELECT lastval()", "lastval");
        m.put("SELECT pg_stat_get_live_tuples('audit'::regclass)", "pg_stat_get_live_tuples");
        m.put("SELECT pg_relation_size('audit')", "pg_relation_size");
        m.put("SELECT pg_total_relation_size('audit')", "pg_total_relation_size");
        m.put("SELECT pg_read_file('/etc/hostname')", "pg_read_file");
        m.put("SELECT pg_sleep(1)", "pg_sleep");
        m.put("SELECT current_setting('search_path')", "current_setting");
        m.put("SELECT query FROM pg_stat_activity", "!pg_stat_activity");
        m.put("SELECT pg_backend_pid()", "pg_backend_pid");
        m.put("SELECT public.twice(1)", "twice");
        m.put("SELECT current_user", "!current_user");
        m.put("SELECT session_user", "!session_user");
        m.put("SELECT user", "!user");
        m.put("SELECT current_role", "!current_role");
        m.put("SELECT current_schema", "!current_schema");
        m.put("SELECT current_catalog", "!current_catalog");
        m.put("SELECT o.id FROM orders o WHERE o.customer <> CURRENT_USER", "!current_user");
        m.put("SELECT 'secrets'::regclass", "!regclass");
        m.put("SELECT 'audit'::regclass::oid", "!regclass");
        m.put("SELECT cast(o.id AS regclass) FROM orders o", "!regclass");
        m.put("SELECT 'x'::pg_catalog.regclass", "!regclass");
        m.put("SELECT '{secrets}'::regclass[]", "!regclass");
        m.put("SELECT 'write_audit'::regproc", "!regproc");
        m.put("SELECT 'postgres'::regrole", "!regrole");
        m.put("SELECT 'tipc_fn'::regnamespace", "!regnamespace");
        m.put("SELECT o.id FROM orders o WHERE o.customer = 'int4'::regtype::text", "!regtype");
        m.put("SELECT o.customer::audit FROM orders o", "!audit");
        m.put("SELECT CAST(NULL AS audit)", "!audit");
        m.put("SELECT '(1,x)'::secrets", "!secrets");
        m.put("SELECT NULL::tipc_fn.audit", "!audit");
        m.put("SELECT NULL::\"audit\"[]", "!audit");
        m.put("SELECT NULL::public.some_type", "!another schema");
        return m;
    }

    @Override
    List<String> sessionState(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        out.addAll(column(c, "SHOW search_path"));
        out.addAll(column(c, "SELECT coalesce(current_setting('tip.evil', true), '')"));
        out.addAll(column(c, "SELECT count(*) FROM pg_listening_channels()"));
        out.addAll(column(c, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()"));
        try (Connection admin = ((TestDatabase.Postgres) db).admin()) {
            out.addAll(column(admin, "SELECT count(*) FROM pg_largeobject_metadata"));
        }
        return out;
    }

    @Override
    Map<String, String> declaredCalls() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("SELECT twice(2) FROM orders", "4");
        m.put("SELECT TWICE(2) FROM orders", "4");
        m.put("SELECT \"twice\"(2) FROM orders", "4");
        m.put("SELECT twice(2, 1) FROM orders", "5");
        return m;
    }

    @Override
    List<String> declaredButRefused() {
        return List.of("SELECT \"TWICE\"(2) FROM orders", "SELECT tipc_fn.twice(2) FROM orders",
                "SELECT public.twice(2) FROM orders");
    }
}
