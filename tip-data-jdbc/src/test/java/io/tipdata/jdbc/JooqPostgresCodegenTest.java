package io.tipdata.jdbc;

import org.jooq.SQLDialect;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** jOOQ's generated classes over a TipDataSource on Postgres. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class JooqPostgresCodegenTest extends JooqCodegenContract {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres("tipc_jcg");
    }

    @Override
    SQLDialect dialect() {
        return SQLDialect.POSTGRES;
    }
}
