package io.tipdata.jdbc.internal.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TablePolicy;
import io.tipdata.jdbc.TestServers;
import io.tipdata.jdbc.internal.ColumnCatalog;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Upserts, outer joins and deletes rewritten for PostgreSQL and MariaDB, run on the real servers; the
 * tables are read directly. Runs with {@code -Dtip.db.tests=true}; an unreachable server fails.
 */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class UpsertExecutionTest {

    private static final TablePolicies POLICIES = TablePolicies.builder()
            .table(TablePolicy.ISOLATED, "rw_orders", "rw_items").build();

    @Test
    void postgresOnConflictNeverTouchesProductionOrOtherRuns() throws Exception {
        String url = TestServers.PG_URL;
        try (Connection db = DriverManager.getConnection(url, TestServers.PG_USER, TestServers.PG_PASSWORD)) {
            setUp(db, "create schema if not exists rw_shadow");
            SqlRewriter r = SqlRewriter.create(POLICIES, ColumnCatalog.load(db, POLICIES, Dialect.POSTGRESQL), "rw_shadow",
                    Dialect.POSTGRESQL, 16);
            String upsert = "insert into rw_orders (id, total) values (1, ?) on conflict (id)"
                    + " do update set total = excluded.total returning total";
            assertThat(query(db, r, upsert, 10)).containsExactly("10");
            assertThat(query(db, r, upsert, 20)).containsExactly("20");
            checkRows(db);
            assertThat(query(db, r, "select o.id, i.qty from rw_orders o full join rw_items i on i.oid = o.id", null))
                    .containsExactly("1|null");
            String merge = "merge into rw_orders o using (select 1 id, 30 total union all select 2, 40) s on o.id = s.id"
                    + " when matched then update set total = s.total"
                    + " when not matched then insert (id, total) values (s.id, s.total)";
            exec(db, r.rewrite(merge).sqlFor("run-a"));
            assertThat(rows(db, "select id, total, tip_run from rw_shadow.rw_orders order by tip_run, id"))
                    .containsExactly("1|30|run-a", "2|40|run-a", "1|7|run-b");
            assertThat(rows(db, "select id, total from rw_orders")).containsExactly("1|100");
            exec(db, r.rewrite("delete from rw_orders where id = 1").sqlFor("run-a"));
            assertThat(rows(db, "select count(*) from rw_shadow.rw_orders")).containsExactly("2");
        } finally {
            tearDown(url, TestServers.PG_USER, TestServers.PG_PASSWORD, "drop schema if exists rw_shadow");
        }
    }

    @Test
    void mariaDbOnDuplicateKeyNeverTouchesProductionOrOtherRuns() throws Exception {
        String url = TestServers.MARIADB_URL;
        try (Connection db = DriverManager.getConnection(url, TestServers.MARIADB_USER, TestServers.MARIADB_PASSWORD)) {
            setUp(db, "create database if not exists rw_shadow");
            SqlRewriter r = SqlRewriter.create(POLICIES, ColumnCatalog.load(db, POLICIES, Dialect.MARIADB), "rw_shadow",
                    Dialect.MARIADB, 16);
            String upsert = "insert into rw_orders (id, total) values (1, ?) on duplicate key update total = values(total)";
            exec(db, r.rewrite(upsert).sqlFor("run-a"), 10);
            exec(db, r.rewrite(upsert).sqlFor("run-a"), 20);
            checkRows(db);
            exec(db, r.rewrite("replace into rw_orders (id, total) values (1, ?)").sqlFor("run-a"), 20);
            checkRows(db);
            assertThat(query(db, r, "select o.id, i.qty from rw_orders o left join rw_items i on i.oid = o.id", null))
                    .containsExactly("1|null");
            exec(db, r.rewrite("delete from rw_orders where id = 1").sqlFor("run-a"));
            assertThat(rows(db, "select count(*) from rw_shadow.rw_orders")).containsExactly("1");
        } finally {
            tearDown(url, TestServers.MARIADB_USER, TestServers.MARIADB_PASSWORD, "drop database if exists rw_shadow");
        }
    }

    private static void tearDown(String url, String user, String password, String dropSchema) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, user, password); Statement st = db.createStatement()) {
            for (String t : List.of("rw_shadow.rw_orders", "rw_shadow.rw_items", "rw_orders", "rw_items")) {
                st.execute("drop table if exists " + t);
            }
            st.execute(dropSchema);
        }
    }

    private static void setUp(Connection db, String createSchema) throws SQLException {
        for (String sql : List.of(createSchema, "drop table if exists rw_orders", "drop table if exists rw_items",
                "drop table if exists rw_shadow.rw_orders", "drop table if exists rw_shadow.rw_items",
                "create table rw_orders (id int primary key, total int)",
                "create table rw_items (id int primary key, oid int, qty int)",
                "create table rw_shadow.rw_orders (id int, total int, tip_run varchar(40) not null, primary key (id, tip_run))",
                "create table rw_shadow.rw_items (id int, oid int, qty int, tip_run varchar(40) not null,"
                        + " primary key (id, tip_run))",
                "insert into rw_orders values (1, 100)", "insert into rw_items values (1, 1, 5)",
                "insert into rw_shadow.rw_orders values (1, 7, 'run-b')",
                "insert into rw_shadow.rw_items values (1, 1, 70, 'run-b')")) {
            try (Statement st = db.createStatement()) {
                st.execute(sql);
            }
        }
    }

    private static void checkRows(Connection db) throws SQLException {
        assertThat(rows(db, "select id, total, tip_run from rw_shadow.rw_orders order by tip_run"))
                .containsExactly("1|20|run-a", "1|7|run-b");
        assertThat(rows(db, "select id, total from rw_orders")).containsExactly("1|100");
    }

    private static void exec(Connection db, String sql, Object... params) throws SQLException {
        try (var ps = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.execute();
        }
    }

    private static List<String> query(Connection db, SqlRewriter r, String sql, Object param) throws Exception {
        try (var ps = db.prepareStatement(r.rewrite(sql).sqlFor("run-a"))) {
            if (param != null) {
                ps.setObject(1, param);
            }
            ps.execute();
            return read(ps.getResultSet());
        }
    }

    private static List<String> rows(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement()) {
            return read(st.executeQuery(sql));
        }
    }

    private static List<String> read(ResultSet rs) throws SQLException {
        List<String> out = new ArrayList<>();
        try (rs) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    b.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(b.toString());
            }
        }
        return out;
    }
}
