package io.tipdata.jdbc;

import org.jooq.SQLDialect;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** jOOQ's default (qualified, quoted) names over a TipDataSource on Postgres. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class JooqQualifiedNamesPostgresTest extends JooqQualifiedNamesContract {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres("tipc_jqn");
    }

    @Override
    SQLDialect dialect() {
        return SQLDialect.POSTGRES;
    }
}
