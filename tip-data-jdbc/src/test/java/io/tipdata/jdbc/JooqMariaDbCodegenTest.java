package io.tipdata.jdbc;

import org.jooq.SQLDialect;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** jOOQ's generated classes over a TipDataSource on MariaDb. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class JooqMariaDbCodegenTest extends JooqCodegenContract {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.mariadb("tipc_jcg");
    }

    @Override
    SQLDialect dialect() {
        return SQLDialect.MARIADB;
    }

    @Override
    boolean hasMerge() {
        return false;
    }
}
