package io.tipdata.jdbc.internal.rewrite;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.RefusedStatementException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Statements that must never reach the database in test context, with what the refusal must name. */
class HostileStatementsTest {

    static Stream<Arguments> hostile() {
        Dialect pg = Dialect.POSTGRESQL;
        Dialect h2 = Dialect.H2;
        Dialect maria = Dialect.MARIADB;
        return Stream.of(
                // DDL and other statement kinds
                Arguments.of(pg, "create table x (id int)", "CREATE"),
                Arguments.of(pg, "alter table orders add column y int", "ALTER"),
                Arguments.of(pg, "drop table orders", "DROP"),
                Arguments.of(maria, "rename table orders to o2", "RENAME"),
                Arguments.of(pg, "comment on table orders is 'x'", "COMMENT"),
                Arguments.of(pg, "create index i on orders (id)", "CREATE"),
                Arguments.of(pg, "truncate orders", "TRUNCATE"),
                Arguments.of(pg, "truncate table items", "TRUNCATE"),
                Arguments.of(pg, "call p()", "CALL"),
                Arguments.of(pg, "{call p}", "stored procedures"),
                Arguments.of(pg, "{? = call f(?)}", "stored procedures"),
                Arguments.of(pg, "exec p", "CALL/EXECUTE"),
                Arguments.of(pg, "set search_path = other", "SET"),
                Arguments.of(maria, "use other_db", "USE"),
                Arguments.of(pg, "grant select on orders to bob", "GRANT"),
                Arguments.of(pg, "lock table orders in exclusive mode", "could not be parsed"),
                Arguments.of(pg, "copy orders to '/tmp/x'", "could not be parsed"),
                Arguments.of(pg, "analyze orders", "refused"),
                Arguments.of(pg, "explain select * from orders", "EXPLAIN"),
                Arguments.of(h2, "merge into orders key (id) values (1, 2)", "MERGE INTO ... KEY"),
                Arguments.of(h2, "merge into orders (id, total) key (id) values (1, 2)", "MERGE INTO t USING"),
                Arguments.of(maria, "select name from countries where code = 'x' lock in share mode", "REFERENCE"),
                Arguments.of(maria, "select id from orders union select id from items lock in share mode",
                        "LOCK IN SHARE MODE"),
                Arguments.of(maria, "replace into orders set id = 1", "REPLACE INTO orders SET"),
                Arguments.of(maria, "replace into orders values (1, 2)", "without a column list"),
                Arguments.of(maria, "replace into countries (code) values ('x')", "REFERENCE"),
                Arguments.of(maria, "replace into orders (id, tip_run) values (1, 'x')", "tip_run"),
                Arguments.of(pg, "", "empty"), Arguments.of(pg, "  ;", "could not be parsed"),
                Arguments.of(pg, "this is not sql", "could not be parsed"),
                // several statements
                Arguments.of(pg, "select 1; drop table x", "2 statements"),
                Arguments.of(pg, "select 1 /* */; delete from orders", "2 statements"),
                Arguments.of(pg, "select * from orders; select * from items", "2 statements"),
                Arguments.of(pg, "select 1 -- x\n; truncate orders", "2 statements"),
                // schema-qualified and quoted names
                Arguments.of(pg, "select * from public.orders", "qualified with a schema"),
                Arguments.of(pg, "select * from tip_shadow.orders", "shadow schema"),
                Arguments.of(pg, "select * from TIP_SHADOW.orders", "shadow schema"),
                Arguments.of(h2, "select * from PUBLIC.ORDERS", "qualified with a schema"),
                Arguments.of(maria, "select * from test.orders", "qualified with a schema"),
                Arguments.of(pg, "select * from db.public.orders", "qualified with a schema"),
                Arguments.of(pg, "insert into tip_shadow.orders (id, tip_run) values (1, 'x')", "shadow schema"),
                Arguments.of(pg, "update public.orders set total = 0", "qualified with a schema"),
                Arguments.of(pg, "select * from \"Orders\"", "is quoted"),
                Arguments.of(h2, "select * from \"orders\"", "is quoted"),
                Arguments.of(pg, "select * from \"secret table\"", "not declared"),
                // unknown and denied tables, wherever they hide
                Arguments.of(pg, "select * from audit_log", "DENIED"),
                Arguments.of(pg, "select * from payroll", "'payroll' is not declared"),
                Arguments.of(pg, "select * from orders where id in (select id from payroll)", "payroll"),
                Arguments.of(pg, "select * from orders where exists (select 1 from audit_log)", "audit_log"),
                Arguments.of(pg, "select (select max(x) from payroll) from orders", "payroll"),
                Arguments.of(pg, "select * from orders o join payroll p on p.id = o.id", "payroll"),
                Arguments.of(pg, "select * from orders o left join payroll p on p.id = o.id", "payroll"),
                Arguments.of(pg, "select id from orders union select id from payroll", "payroll"),
                Arguments.of(pg, "select id from orders except select id from audit_log", "audit_log"),
                Arguments.of(pg, "with x as (select * from payroll) select * from x", "payroll"),
                Arguments.of(pg, "with x as (select 1) select * from x, payroll", "payroll"),
                Arguments.of(pg, "select * from (select * from payroll) t", "payroll"),
                Arguments.of(pg, "insert into orders (id) select id from payroll", "payroll"),
                Arguments.of(pg, "update orders set total = (select max(s) from payroll)", "payroll"),
                Arguments.of(pg, "delete from orders where id in (select id from audit_log)", "audit_log"),
                Arguments.of(pg, "select * from orders order by (select 1 from payroll limit 1)", "payroll"),
                Arguments.of(pg, "select * from x.orders where id in (select 1)", "qualified"),
                Arguments.of(pg, "select * from orders where data->>'x' = (select s from payroll)", "payroll"),
                Arguments.of(pg, "select * from orders where data->'x' in (select s from payroll)", "payroll"),
                Arguments.of(pg, "select * from orders@remote", "database link"),
                // writes to REFERENCE tables
                Arguments.of(pg, "insert into countries (code) values ('xx')", "REFERENCE"),
                Arguments.of(pg, "update countries set name = 'x'", "REFERENCE"),
                Arguments.of(pg, "delete from products", "REFERENCE"),
                Arguments.of(h2, "merge into countries c using orders o on c.code = o.country"
                        + " when matched then delete", "REFERENCE"),
                Arguments.of(pg, "insert into products (id) values (1) on conflict (id) do nothing", "REFERENCE"),
                Arguments.of(pg, "select * from countries for update", "FOR UPDATE"),
                Arguments.of(maria, "update orders o join countries c on c.code = o.country set c.name = 'x'",
                        "REFERENCE table 'countries'"),
                Arguments.of(maria, "delete o, c from orders o join countries c on c.code = o.country",
                        "REFERENCE table 'countries'"),
                // SELECT INTO, table functions, denied functions
                Arguments.of(pg, "select * into newtab from orders", "SELECT ... INTO"),
                Arguments.of(pg, "select * from generate_series(1, 10)", "table function"),
                Arguments.of(pg, "select * from orders, lateral unnest(o.tags)", "table function"),
                Arguments.of(pg, "select pg_read_file('/etc/passwd')", "pg_read_file"),
                Arguments.of(pg, "select * from orders where id = (select x from dblink('c', 'select 1') as t(x int))",
                        "dblink"),
                Arguments.of(pg, "select lo_import('/etc/passwd')", "lo_import"),
                Arguments.of(pg, "select pg_catalog.pg_read_file('/etc/passwd')", "pg_read_file"),
                Arguments.of(pg, "select \"pg_read_file\"('/etc/passwd')", "pg_read_file"),
                Arguments.of(pg, "select * from orders where id = (select dblink_exec('c', 'delete from orders'))",
                        "dblink_exec"),
                Arguments.of(pg, "insert into orders (id) values (pg_read_file('/x')::int)", "pg_read_file"),
                Arguments.of(pg, "select query_to_xml('select * from orders', true, true, '')", "query_to_xml"),
                Arguments.of(pg, "select set_config('search_path', 'x', false)", "set_config"),
                Arguments.of(pg, "select pg_advisory_lock(1)", "pg_advisory_lock"),
                Arguments.of(maria, "select load_file('/etc/passwd')", "load_file"),
                Arguments.of(maria, "select get_lock('x', 1)", "get_lock"),
                Arguments.of(maria, "select @total := sum(total) from orders", "session variable"),
                Arguments.of(maria, "set @x = 1", "SET"),
                Arguments.of(h2, "select * from orders where x = file_read('/etc/passwd')", "file_read"),
                Arguments.of(h2, "select * from csvread('/tmp/x.csv')", "refused"),
                // tip_run is managed by tip-data
                Arguments.of(pg, "insert into orders (id, tip_run) values (1, 'other')", "tip_run"),
                Arguments.of(pg, "update orders set tip_run = 'other'", "tip_run"),
                Arguments.of(pg, "insert into orders (id) values (1) on conflict (id) do update set tip_run = 'x'",
                        "tip_run"),
                // forms that cannot be rewritten safely
                Arguments.of(pg, "insert into orders values (1, 2)", "column list"),
                Arguments.of(pg, "insert into orders default values", "column list"),
                Arguments.of(maria, "insert into orders set id = 1, tip_run = 'x'", "tip_run"),
                Arguments.of(pg, "insert into orders (id, total) select * from items", "list the selected columns"),
                Arguments.of(pg, "with d as (delete from orders returning *) select * from d", "modifies data"),
                Arguments.of(pg, "select * from (orders o join items i on i.oid = o.id)", "parenthesized join"),
                Arguments.of(pg, "select * from orders o(a, b)", "column list"),
                Arguments.of(pg, "select * from orders offset ? limit ?", "order of its ? parameters"),
                Arguments.of(pg, "select * from orders where tags ? 'x'", "? markers"),
                Arguments.of(pg, "select * from orders o for update of x", "FOR UPDATE OF"),
                Arguments.of(pg, "select * from orders o for update of public.o", "FOR UPDATE OF"),
                Arguments.of(pg, "select * from orders o join countries c on c.code = o.c for update of c",
                        "REFERENCE table 'countries'"),
                Arguments.of(pg, "select * from orders o join countries c on c.code = o.c for update",
                        "REFERENCE table 'countries'"),
                Arguments.of(pg, "select o.id from orders o join (select code from countries) c on c.code = o.c"
                        + " for update of c", "derived table"),
                Arguments.of(pg, "select o.id from orders o join (select code from countries) c on c.code = o.c"
                        + " for update", "derived table"),
                Arguments.of(maria, "with Orders as (select 1 x) select * from orders", "only in case"),
                Arguments.of(maria, "select * from orders where name = 'a\\n'", "backslash escape"),
                Arguments.of(maria, "select 'a\\', ' union select note from secrets -- ' from orders", "backslash escape"),
                Arguments.of(maria, "select * from orders where name = \"a\\\"\" ", "backslash escape"),
                Arguments.of(pg, "select * from orders where name = E'a\\''", "backslash escape"),
                // the database and the parser must read every quote and comment alike (the lexer, on both texts)
                Arguments.of(pg, "select $t$ ' $t$ from orders", "dollar-quoted string $tag$...$tag$"),
                Arguments.of(pg, "select $$ ' $$, id from orders", "dollar-quoted string"),
                Arguments.of(h2, "select $$ ' $$, id from orders", "H2 dollar-quoted string"),
                Arguments.of(pg, "select U&'\\0041' from orders", "Unicode escapes"),
                Arguments.of(pg, "select * from U&\"\\006Frders\"", "Unicode escapes"),
                Arguments.of(pg, "select 'a'\n'b' from orders", "two string literals in a row"),
                Arguments.of(maria, "select 'a' 'b' from orders", "two string literals in a row"),
                Arguments.of(maria, "select id from orders where name = \"x\"", "MariaDB double-quoted string"),
                Arguments.of(maria, "select $$x$$ from orders", "read"),
                Arguments.of(maria, "select q'[a]' from orders", "is read differently by MariaDB"),
                Arguments.of(maria, "select id from orders /*!50000 union select note from secrets */", "executable comment"),
                Arguments.of(maria, "select id from orders /*M! where 1 = 0 */", "executable comment"),
                Arguments.of(maria, "select id from orders where 'it' = 'it' --+ x", "two minus signs"),
                Arguments.of(pg, "select id from orders where name = 'x", "unclosed"),
                Arguments.of(pg, "select id from orders /* /* */ union select 1", "unclosed"),
                Arguments.of(h2, "select id from orders /* /* */ union select 1", "unclosed"),
                Arguments.of(pg, "select id from orders; -- x\n select 1", "2 statements"),
                Arguments.of(maria, "select id from orders; # x\n select 1", "2 statements"),
                Arguments.of(pg, "select `id` from orders", "as a quoted name"),
                // '--' without a space is no comment for MariaDB: the parser would drop what follows
                Arguments.of(maria, "select * from orders where total > 5--1 and id = 2", "two minus signs"),
                Arguments.of(maria, "update orders set total = total--1\nwhere id = 2", "two minus signs"),
                // functions that run SQL text, dump schemas, move sequences or reach other sessions
                Arguments.of(pg, "select setval('orders_id_seq', 1)", "setval"),
                Arguments.of(maria, "select setval(orders_seq, 1)", "setval"),
                Arguments.of(pg, "select ts_stat('select to_tsvector(note) from secrets')", "ts_stat"),
                Arguments.of(pg, "select database_to_xml_and_xmlschema(true, false, '')", "database_to_xml"),
                Arguments.of(pg, "select schema_to_xml_and_xmlschema('public', true, false, '')", "schema_to_xml"),
                Arguments.of(pg, "select pg_notify('orders', 'x')", "pg_notify"),
                Arguments.of(h2, "select cancel_session(1)", "cancel_session"),
                Arguments.of(h2, "select set(@x, 1)", "set"));
    }

    @Test
    void forUpdateOfAnIsolatedTableMayJoinAReferenceTable() throws RefusedStatementException {
        org.assertj.core.api.Assertions.assertThat(Policies.rewrite(Dialect.POSTGRESQL,
                        "select o.id from orders o join countries c on c.code = o.c where o.id = ? for no key update of o"))
                .contains("tip_shadow.orders o").endsWith("FOR NO KEY UPDATE OF o");
    }

    @Test
    void aDoubledBackslashIsReadAlikeAndRewritten() throws RefusedStatementException {
        org.assertj.core.api.Assertions.assertThat(Policies.rewrite(Dialect.MARIADB,
                        "select id from orders where name like '%a%' escape '\\\\'"))
                .containsIgnoringCase("escape '\\\\'");
        org.assertj.core.api.Assertions.assertThat(Policies.rewrite(Dialect.MARIADB,
                        "select id from orders -- a comment\nwhere total > 5 - -1")).contains("tip_run");
    }

    /** Comments are read the database's way and never reach the parser, so no rewrite can lose its filter to one. */
    @Test
    void commentsAreReadTheDatabasesWayAndNeverWrittenOut() throws RefusedStatementException {
        // MariaDB ends the line at #, also inside what the parser would take for a name
        org.assertj.core.api.Assertions.assertThat(Policies.rewrite(Dialect.MARIADB,
                        "select id from orders # by id\nwhere id = 1"))
                .isEqualTo("SELECT id FROM tip_shadow.orders orders WHERE id = 1 AND orders.tip_run = 'run-42'");
        org.assertj.core.api.Assertions.assertThat(Policies.rewrite(Dialect.MARIADB,
                        "select o.id from orders o where o.x#y = 1\n and o.id = 2"))
                .isEqualTo("SELECT o.id FROM tip_shadow.orders o WHERE (o.x AND o.id = 2) AND o.tip_run = 'run-42'")
                .doesNotContain("#");
        // PostgreSQL and H2 nest block comments; the parser alone would not
        for (Dialect d : new Dialect[] {Dialect.POSTGRESQL, Dialect.H2}) {
            org.assertj.core.api.Assertions.assertThat(Policies.rewrite(d,
                            "select id from orders /* a /* b */ union select note from secrets */ where id = 1"))
                    .isEqualTo("SELECT id FROM tip_shadow.orders orders WHERE id = 1 AND orders.tip_run = 'run-42'");
        }
        // H2's // comments
        org.assertj.core.api.Assertions.assertThat(Policies.rewrite(Dialect.H2,
                        "select id from orders // where id = 1 union select 1\nwhere id = 2"))
                .isEqualTo("SELECT id FROM tip_shadow.orders orders WHERE id = 2 AND orders.tip_run = 'run-42'");
        // a comment after SELECT is what the parser would keep as an optimizer hint: it never reaches the parser
        for (Dialect d : Dialect.values()) {
            org.assertj.core.api.Assertions.assertThat(Policies.rewrite(d, "select /*+ hint */ id from orders"))
                    .isEqualTo("SELECT id FROM tip_shadow.orders orders WHERE orders.tip_run = 'run-42'");
            org.assertj.core.api.Assertions.assertThat(Policies.rewrite(d, "delete /* x */ from orders where id = 1"))
                    .doesNotContain("/*").doesNotContain("--");
        }
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @MethodSource("hostile")
    void isRefusedWithAReason(Dialect dialect, String sql, String reason) {
        assertThatThrownBy(() -> Policies.rewrite(dialect, sql))
                .isInstanceOf(RefusedStatementException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((RefusedStatementException) e).getSQLState())
                        .isEqualTo(RefusedStatementException.REFUSED));
    }
}
