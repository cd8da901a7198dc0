package io.tipdata.jdbc;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Randomized isolation on PostgreSQL, in the schemas tipc_random and tipc_random_shadow. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class RandomizedPostgresTest extends RandomizedIsolationContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres("tipc_random");
    }
}
