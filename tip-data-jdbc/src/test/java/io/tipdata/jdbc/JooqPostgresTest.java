package io.tipdata.jdbc;

import org.jooq.SQLDialect;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** jOOQ over a TipDataSource on PostgreSQL, in the schemas tipc_jooq and tipc_jooq_shadow. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class JooqPostgresTest extends JooqContract {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres("tipc_jooq");
    }

    @Override
    SQLDialect dialect() {
        return SQLDialect.POSTGRES;
    }
}
