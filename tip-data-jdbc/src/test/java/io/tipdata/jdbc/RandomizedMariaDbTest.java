package io.tipdata.jdbc;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Randomized isolation on MariaDB, in the databases tipc_random and tipc_random_shadow. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class RandomizedMariaDbTest extends RandomizedIsolationContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.mariadb("tipc_random");
    }
}
