package io.tipdata.jdbc.internal.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.RefusedStatementException;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TablePolicy;
import io.tipdata.jdbc.TestServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A subquery over a DENIED table, a subquery over an ISOLATED table and a function off the allow-list, put into
 * every expression position of the grammar, on each dialect. The DENIED subquery and the function must be
 * refused. The ISOLATED subquery must be refused, fail on the database, or be rewritten so that it reads only
 * the run's partition: its result must not change when every production row and every row of another run is
 * deleted, and a write must leave them as they were. Statements run on H2 in memory and, with
 * {@code -Dtip.db.tests=true}, on PostgreSQL and MariaDB (schemas tipc_everypos and tipc_everypos_shadow).
 */
class EveryPositionTest {

    private static final String RUN = "run-a";
    private static final String SHADOW = "tipc_everypos_shadow";
    private static final TablePolicies POLICIES = TablePolicies.builder()
            .table(TablePolicy.ISOLATED, "orders").table(TablePolicy.REFERENCE, "countries")
            .table(TablePolicy.DENIED, "audit_log").build();
    private static final TableColumns COLUMNS = TableColumns.of(Map.of("orders", List.of("id", "total")));

    /** Templates with {X}: one per position; {T} is the dialect's text type. */
    private static final List<String> COMMON = List.of(
            "SELECT {X} AS v FROM orders o",
            "SELECT o.id FROM orders o WHERE o.total < {X}",
            "SELECT o.id FROM orders o JOIN countries c ON c.code = 'de' AND o.total < {X}",
            "SELECT count(*) FROM orders o GROUP BY {X}",
            "SELECT count(*) FROM orders o GROUP BY o.id HAVING count(*) < {X}",
            "SELECT o.id FROM orders o ORDER BY {X}",
            "SELECT sum(o.total) OVER (PARTITION BY {X}) FROM orders o",
            "SELECT row_number() OVER (ORDER BY {X}) FROM orders o",
            "SELECT sum(o.total) OVER (ORDER BY o.id ROWS BETWEEN {X} PRECEDING AND CURRENT ROW) FROM orders o",
            "SELECT sum(o.total) OVER (ORDER BY o.id ROWS BETWEEN CURRENT ROW AND {X} FOLLOWING) FROM orders o",
            "SELECT sum(o.total) OVER (ORDER BY o.id RANGE BETWEEN {X} PRECEDING AND {X} FOLLOWING) FROM orders o",
            "SELECT sum(o.total) OVER (ORDER BY o.id ROWS {X} PRECEDING) FROM orders o",
            "INSERT INTO orders (id, total) SELECT 51, {X}",
            "SELECT o.id FROM orders o ORDER BY o.id LIMIT {X} OFFSET 0",
            "SELECT o.id FROM orders o LIMIT {X}",
            "SELECT o.id FROM orders o LIMIT 5 OFFSET {X}",
            "INSERT INTO orders (id, total) VALUES (50, {X})",
            "UPDATE orders SET total = {X} WHERE id = 2",
            "UPDATE orders SET total = 1 WHERE id = {X}",
            "DELETE FROM orders WHERE id = {X}",
            "SELECT CASE WHEN o.id > 0 THEN {X} ELSE 0 END FROM orders o",
            "SELECT CASE {X} WHEN 1 THEN 1 ELSE 0 END FROM orders o",
            "SELECT CAST({X} AS {T}) FROM orders o",
            "SELECT abs({X}) FROM orders o",
            "SELECT coalesce(o.total, {X}) FROM orders o",
            "SELECT o.id FROM orders o WHERE o.id IN ({X}, 1)",
            "SELECT o.id FROM orders o WHERE EXISTS (SELECT 1 FROM countries c WHERE c.name < {X})",
            "SELECT max({X}) FROM orders o");

    private static final Map<Dialect, List<String>> SPECIFIC = Map.of(
            Dialect.POSTGRESQL, List.of(
                    "DELETE FROM orders WHERE id = 2 RETURNING {X}",
                    "INSERT INTO orders (id, total) VALUES (2, 1) ON CONFLICT (id) DO UPDATE SET total = {X}",
                    "SELECT (ARRAY[1, 2, 3])[{X}] FROM orders o",
                    "SELECT ARRAY[{X}] FROM orders o",
                    "SELECT to_jsonb({X}) -> 0 FROM orders o",
                    "SELECT '[1, 2]'::jsonb -> {X} FROM orders o",
                    "SELECT '{\"a\": 1}'::jsonb ->> ({X})::text FROM orders o",
                    "SELECT '{\"a\": {\"b\": 1}}'::jsonb #>> ARRAY[({X})::text] FROM orders o",
                    "SELECT count(*) FILTER (WHERE o.total < {X}) FROM orders o",
                    "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY {X}) FROM orders o",
                    "SELECT ({X})::int FROM orders o",
                    "INSERT INTO orders (id, total) VALUES (60, 1) RETURNING {X}",
                    "UPDATE orders SET total = 1 WHERE id = 2 RETURNING {X}",
                    "INSERT INTO orders (id, total) VALUES (2, 1) ON CONFLICT (id) DO UPDATE SET total = 3"
                            + " WHERE {X} IS NOT NULL",
                    "SELECT jsonb_build_object('a', {X}) ->> 'a' FROM orders o",
                    "SELECT o.id FROM orders o WHERE to_jsonb(o.total) @> to_jsonb({X})",
                    "SELECT (ARRAY[1, {X}])[2] FROM orders o",
                    "SELECT v.a FROM (VALUES ({X})) v(a)",
                    "SELECT sum(o.total) FILTER (WHERE o.id < {X}) OVER () FROM orders o",
                    "SELECT o.id FROM orders o ORDER BY o.id OFFSET {X} ROWS FETCH FIRST 1 ROWS ONLY"),
            Dialect.MARIADB, List.of(
                    "INSERT INTO orders (id, total) VALUES (2, 1) ON DUPLICATE KEY UPDATE total = {X}",
                    "SELECT JSON_EXTRACT('[1, 2]', CONCAT('$[', {X}, ']')) FROM orders o",
                    "DELETE FROM orders WHERE id = 2 RETURNING {X}",
                    "INSERT INTO orders (id, total) VALUES (61, 1) RETURNING {X}",
                    "SELECT JSON_VALUE(JSON_OBJECT('a', {X}), '$.a') FROM orders o",
                    "SELECT o.id FROM orders o ORDER BY o.id LIMIT 1, {X}"),
            Dialect.H2, List.of(
                    "SELECT ARRAY[{X}] FROM orders o",
                    "SELECT count(*) FILTER (WHERE o.total < {X}) FROM orders o",
                    "SELECT listagg(CAST(o.id AS VARCHAR), ',') WITHIN GROUP (ORDER BY {X}) FROM orders o",
                    "SELECT v.a FROM (VALUES ({X})) v(a)",
                    "SELECT ARRAY[1, {X}][2] FROM orders o",
                    "MERGE INTO orders t USING (SELECT 2 AS id) s ON t.id = s.id WHEN MATCHED THEN UPDATE SET total = {X}",
                    "SELECT o.id FROM orders o ORDER BY o.id OFFSET {X} ROWS FETCH FIRST 1 ROWS ONLY"));

    private static final Map<Dialect, String> FUNCTION = Map.of(Dialect.POSTGRESQL, "pg_backend_pid()",
            Dialect.MARIADB, "connection_id()", Dialect.H2, "session_id()");

    @Test
    void h2() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:everypos" + System.nanoTime())) {
            run(Dialect.H2, c);
        }
    }

    @Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
    void postgres() throws Exception {
        try (Connection c = DriverManager.getConnection(TestServers.PG_URL, TestServers.PG_USER, TestServers.PG_PASSWORD)) {
            exec(c, "DROP SCHEMA IF EXISTS tipc_everypos CASCADE", "DROP SCHEMA IF EXISTS " + SHADOW + " CASCADE",
                    "CREATE SCHEMA tipc_everypos", "SET search_path TO tipc_everypos");
            try {
                run(Dialect.POSTGRESQL, c);
            } finally {
                exec(c, "SET search_path TO public", "DROP SCHEMA tipc_everypos CASCADE", "DROP SCHEMA " + SHADOW + " CASCADE");
            }
        }
    }

    @Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
    void mariadb() throws Exception {
        try (Connection c = DriverManager.getConnection(TestServers.MARIADB_URL, TestServers.MARIADB_USER,
                TestServers.MARIADB_PASSWORD)) {
            String home = c.getCatalog();
            exec(c, "DROP DATABASE IF EXISTS tipc_everypos", "DROP DATABASE IF EXISTS " + SHADOW,
                    "CREATE DATABASE tipc_everypos", "USE tipc_everypos");
            try {
                run(Dialect.MARIADB, c);
            } finally {
                exec(c, "USE " + home, "DROP DATABASE tipc_everypos", "DROP DATABASE " + SHADOW);
            }
        }
    }

    private void run(Dialect dialect, Connection c) throws Exception {
        c.setAutoCommit(true);
        String text = dialect == Dialect.MARIADB ? "CHAR(20)" : "VARCHAR(20)";
        exec(c, "CREATE SCHEMA IF NOT EXISTS " + SHADOW,
                "CREATE TABLE orders (id INT PRIMARY KEY, total INT)",
                "CREATE TABLE countries (code VARCHAR(2) PRIMARY KEY, name VARCHAR(20))",
                "CREATE TABLE audit_log (id INT PRIMARY KEY, secret VARCHAR(20))",
                "CREATE TABLE " + SHADOW + ".orders (id INT, total INT, tip_run VARCHAR(40) NOT NULL, PRIMARY KEY (id, tip_run))",
                "INSERT INTO countries VALUES ('de', 'Germany')", "INSERT INTO audit_log VALUES (999, 'SECRET')");
        SqlRewriter rewriter = SqlRewriter.create(POLICIES, COLUMNS, SHADOW, dialect, 1024);
        List<String> templates = new ArrayList<>(COMMON);
        templates.addAll(SPECIFIC.get(dialect));
        List<String> report = new ArrayList<>();
        for (String template : templates) {
            String t = template.replace("{T}", text);
            assertRefused(rewriter, t.replace("{X}", "(SELECT max(a.id) FROM audit_log a)"), report);
            assertRefused(rewriter, t.replace("{X}", FUNCTION.get(dialect)), report);
            confinedOrRefused(rewriter, c, t.replace("{X}", "(SELECT max(o2.total) FROM orders o2)"), report);
        }
        assertRefused(rewriter, "SELECT " + FUNCTION.get(dialect).replace("()", "(o.id)") + " OVER () FROM orders o", report);
        assertThat(report).as(dialect + ": statements that got through or changed what they must not").isEmpty();
    }

    private static void assertRefused(SqlRewriter rewriter, String sql, List<String> report) {
        try {
            rewriter.rewrite(sql);
            report.add("accepted: " + sql);
        } catch (RefusedStatementException e) {
            // refused, as it must be
        }
    }

    private void confinedOrRefused(SqlRewriter rewriter, Connection c, String sql, List<String> report) throws SQLException {
        String rewritten;
        try {
            rewritten = rewriter.rewrite(sql).sqlFor(RUN);
        } catch (RefusedStatementException e) {
            return;
        }
        seed(c);
        List<String> full;
        try {
            full = execute(c, rewritten);
        } catch (SQLException e) {
            return; // the database refused the form: nothing was read
        }
        List<String> production = rows(c, "SELECT id, total FROM orders ORDER BY id");
        List<String> other = rows(c, "SELECT id, total FROM " + SHADOW + ".orders WHERE tip_run <> 'run-a' ORDER BY id");
        if (!production.equals(List.of("100|100")) || !other.equals(List.of("300|300"))) {
            report.add("changed production or another run: " + sql + " -> " + production + " " + other);
            return;
        }
        seed(c);
        exec(c, "DELETE FROM orders", "DELETE FROM " + SHADOW + ".orders WHERE tip_run <> 'run-a'");
        List<String> alone = execute(c, rewritten);
        if (!full.equals(alone)) {
            report.add("read outside the run: " + sql + " gave " + full + " with production rows, " + alone + " without");
        }
    }

    private static void seed(Connection c) throws SQLException {
        exec(c, "DELETE FROM orders", "DELETE FROM " + SHADOW + ".orders", "INSERT INTO orders VALUES (100, 100)",
                "INSERT INTO " + SHADOW + ".orders VALUES (2, 7, 'run-a'), (3, 5, 'run-a'), (300, 300, 'run-b')");
    }

    private static List<String> execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (s.execute(sql)) {
                return rows(s.getResultSet());
            }
            List<String> out = new ArrayList<>(List.of("count " + s.getUpdateCount()));
            out.addAll(rows(c, "SELECT id, total FROM " + SHADOW + ".orders WHERE tip_run = 'run-a'"));
            return out;
        }
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rows(rs);
        }
    }

    private static List<String> rows(ResultSet rs) throws SQLException {
        List<String> out = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= n; i++) {
                row.append(i > 1 ? "|" : "").append(rs.getString(i));
            }
            out.add(row.toString());
        }
        out.sort(null);
        return out;
    }

    private static void exec(Connection c, String... sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }
}
