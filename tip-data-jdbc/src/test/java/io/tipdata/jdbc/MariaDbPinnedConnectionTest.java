package io.tipdata.jdbc;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Pinned connections on MariaDB, in tipc_pinned and tipc_pinned_shadow. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class MariaDbPinnedConnectionTest extends PinnedConnectionContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.mariadb("tipc_pinned");
    }
}
