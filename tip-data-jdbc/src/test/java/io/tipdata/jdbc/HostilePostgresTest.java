package io.tipdata.jdbc;

import java.util.List;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Hostile statements on PostgreSQL, in the schemas tipc_hostile and tipc_hostile_shadow. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class HostilePostgresTest extends HostileStatementsContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres("tipc_hostile");
    }

    @Override
    List<String> dialectSpecific() {
        return List.of("SET search_path TO tipc_hostile_shadow",
                "WITH gone AS (DELETE FROM audit RETURNING id) SELECT id FROM gone",
                "INSERT INTO countries (code, name) VALUES ('de', 'x') ON CONFLICT (code) DO UPDATE SET name = 'x'",
                "COPY orders TO STDOUT", "SELECT query_to_xml('DELETE FROM orders', true, false, '')",
                "SELECT set_config('search_path', 'tipc_hostile_shadow', false)", "DO $$ BEGIN DELETE FROM orders; END $$",
                "SELECT customer FROM \"ORDERS\"", "SELECT * FROM pg_catalog.pg_tables",
                "LOCK TABLE orders");
    }
}
