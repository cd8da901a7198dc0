package io.tipdata.jdbc;

import java.util.List;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Hostile variants on PostgreSQL, in the schemas tipc_variants and tipc_variants_shadow. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class HostileVariantsPostgresTest extends HostileVariantsContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres("tipc_variants");
    }

    @Override
    List<String> dialectSpecific() {
        return List.of("SELECT customer FROM U&\"\\006Frders\"", "SELECT note FROM U&\"secr\\0065ts\"",
                "COPY (SELECT * FROM orders) TO STDOUT", "COPY orders FROM STDIN",
                "PREPARE p AS SELECT note FROM secrets", "EXECUTE p", "DEALLOCATE ALL",
                "DO $$ BEGIN PERFORM 1; END $$", "SET ROLE postgres", "SET SESSION AUTHORIZATION postgres",
                "RESET ALL", "DISCARD ALL", "SET LOCAL search_path TO tipc_variants_shadow", "LISTEN tip", "NOTIFY tip",
                "WITH x AS (INSERT INTO orders (customer, amount) VALUES ('w', 1) RETURNING id) SELECT id FROM x",
                "WITH x AS (UPDATE orders SET amount = 0 RETURNING id) SELECT count(*) FROM x",
                "SELECT setval('orders_id_seq', 1)", "SELECT pg_catalog.setval(pg_get_serial_sequence('orders', 'id'), 1)",
                "SELECT lo_import('/etc/hostname')", "SELECT ts_stat('SELECT to_tsvector(note) FROM secrets')",
                "SELECT * FROM ts_stat('SELECT to_tsvector(note) FROM secrets')",
                "SELECT ts_rewrite(to_tsquery('a'), 'SELECT to_tsquery(note), to_tsquery(''b'') FROM secrets')",
                "SELECT database_to_xml_and_xmlschema(true, false, '')",
                "SELECT schema_to_xml_and_xmlschema('tipc_variants', true, false, '')",
                "SELECT xpath('/x', query_to_xml('SELECT note FROM secrets', true, false, ''))",
                "SELECT pg_notify('tip', 'x')", "SELECT relname FROM pg_class", "SELECT relname FROM pg_catalog.pg_class",
                "SELECT usename FROM pg_user", "SELECT datname FROM pg_stat_activity",
                "SELECT customer FROM orders WHERE customer = E'\\'' UNION SELECT note FROM secrets --'",
                "SELECT $t$ $$ $t$ AS x, note FROM secrets", "CREATE TEMP TABLE t AS SELECT * FROM orders",
                "VACUUM orders", "ANALYZE orders", "SELECT dblink_exec('dbname=test', 'DELETE FROM orders')");
    }
}
