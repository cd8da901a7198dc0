package io.tipdata.jdbc;

import org.jooq.SQLDialect;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** jOOQ's default (qualified, quoted) names over a TipDataSource on MariaDb. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class JooqQualifiedNamesMariaDbTest extends JooqQualifiedNamesContract {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.mariadb("tipc_jqn");
    }

    @Override
    SQLDialect dialect() {
        return SQLDialect.MARIADB;
    }
}
