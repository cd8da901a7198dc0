package io.tipdata.jdbc.internal.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipdata.jdbc.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs rewritten statements against real shadow twins in H2 and reads the tables directly: the run's
 * statements see and change only the run's rows, never production rows nor other runs' rows.
 */
class H2ExecutionTest {

    private static final String RUN = "run-a";
    private final SqlRewriter rewriter = Policies.rewriter(Dialect.H2);
    private Connection db;

    @BeforeEach
    void createTables() throws SQLException {
        db = DriverManager.getConnection("jdbc:h2:mem:rewrite" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        exec("create table orders (id int primary key, country varchar(2), total int)");
        exec("create table items (id int primary key, oid int, qty int)");
        exec("create table countries (code varchar(2) primary key, name varchar(20))");
        exec("create schema tip_shadow");
        exec("create table tip_shadow.orders (id int, country varchar(2), total int, tip_run varchar(40) not null,"
                + " primary key (id, tip_run))");
        exec("create table tip_shadow.items (id int, oid int, qty int, tip_run varchar(40) not null,"
                + " primary key (id, tip_run))");
        exec("insert into countries values ('de', 'Germany'), ('fr', 'France')");
        exec("insert into orders values (1, 'de', 100), (2, 'fr', 200)");
        exec("insert into items values (1, 1, 5)");
        exec("insert into tip_shadow.orders values (1, 'de', 7, 'run-b'), (9, 'fr', 9, 'run-b')");
        exec("insert into tip_shadow.items values (1, 1, 70, 'run-b')");
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    @Test
    void insertLandsInTheTwinStampedWithTheRun() throws Exception {
        assertThat(update("insert into orders (id, country, total) values (?, ?, ?)", 1, "de", 11)).isEqualTo(1);
        assertThat(rows("select id, total, tip_run from tip_shadow.orders order by tip_run, id"))
                .containsExactly("1|11|run-a", "1|7|run-b", "9|9|run-b");
        assertThat(rows("select id, total from orders order by id")).containsExactly("1|100", "2|200");
    }

    @Test
    void selectSeesOnlyTheRunsRowsAndReferenceRows() throws Exception {
        update("insert into orders (id, country, total) values (?, ?, ?)", 5, "fr", 50);
        assertThat(query("select o.id, c.name from orders o join countries c on c.code = o.country"))
                .containsExactly("5|France");
        assertThat(query("select count(*) from orders")).containsExactly("1");
    }

    @Test
    void outerJoinKeepsTheRunsRowsWithoutOtherRunsMatches() throws Exception {
        update("insert into orders (id, country, total) values (?, ?, ?)", 1, "de", 10);
        // items row 1 (oid 1) exists only for run-b and production; the LEFT JOIN must not find it
        assertThat(query("select o.id, i.qty from orders o left join items i on i.oid = o.id"))
                .containsExactly("1|null");
        assertThat(query("select o.id, i.qty from items i right join orders o on i.oid = o.id"))
                .containsExactly("1|null");
    }

    @Test
    void insertSelectCopiesOnlyTheRunsRows() throws Exception {
        update("insert into items (id, oid, qty) values (?, ?, ?)", 3, 30, 3);
        update("insert into orders (id, country, total) select id, 'de', qty from items where qty > ?", 0);
        assertThat(rows("select id, total, tip_run from tip_shadow.orders where tip_run = 'run-a'"))
                .containsExactly("3|3|run-a");
    }

    @Test
    void updateAndDeleteTouchOnlyTheRunsRows() throws Exception {
        update("insert into orders (id, country, total) values (?, ?, ?)", 1, "de", 10);
        assertThat(update("update orders set total = total + 1")).isEqualTo(1);
        assertThat(update("delete from orders where id in (select oid from items) or id = 1")).isEqualTo(1);
        assertThat(rows("select id, total, tip_run from tip_shadow.orders order by tip_run, id"))
                .containsExactly("1|7|run-b", "9|9|run-b");
        assertThat(rows("select id, total from orders order by id")).containsExactly("1|100", "2|200");
    }

    @Test
    void cteNamedLikeATableAndUnionStayInTheRun() throws Exception {
        update("insert into orders (id, country, total) values (?, ?, ?)", 4, "de", 40);
        assertThat(query("with orders as (select id from orders where total > 0) select id from orders"))
                .containsExactly("4");
        assertThat(query("select id from orders union all select id from items")).containsExactly("4");
    }

    @Test
    void mergeUpdatesAndInsertsOnlyInTheRun() throws Exception {
        update("insert into orders (id, country, total) values (?, ?, ?)", 1, "de", 10);
        String merge = "merge into orders o using countries c on (o.country = c.code)"
                + " when matched then update set total = 0"
                + " when not matched then insert (id, country, total) values (100, c.code, 1)";
        assertThat(update(merge)).isEqualTo(2);
        assertThat(rows("select id, country, total, tip_run from tip_shadow.orders order by tip_run, id"))
                .containsExactly("1|de|0|run-a", "100|fr|1|run-a", "1|de|7|run-b", "9|fr|9|run-b");
        assertThat(rows("select id, total from orders order by id")).containsExactly("1|100", "2|200");
    }

    private int update(String sql, Object... params) throws Exception {
        try (PreparedStatement ps = db.prepareStatement(rewriter.rewrite(sql).sqlFor(RUN))) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    private List<String> query(String sql, Object... params) throws Exception {
        try (PreparedStatement ps = db.prepareStatement(rewriter.rewrite(sql).sqlFor(RUN))) {
            bind(ps, params);
            return read(ps.executeQuery());
        }
    }

    /** Reads the database directly, without the rewriter. */
    private List<String> rows(String sql) throws SQLException {
        try (Statement st = db.createStatement()) {
            return read(st.executeQuery(sql));
        }
    }

    private void exec(String sql) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute(sql);
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
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
