package io.tipdata.jdbc;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Pinned connections on PostgreSQL, in tipc_pinned and tipc_pinned_shadow. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class PostgresPinnedConnectionTest extends PinnedConnectionContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres("tipc_pinned");
    }
}
