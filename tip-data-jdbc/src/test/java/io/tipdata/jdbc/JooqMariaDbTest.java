package io.tipdata.jdbc;

import org.jooq.SQLDialect;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** jOOQ over a TipDataSource on MariaDB, in the databases tipc_jooq and tipc_jooq_shadow. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class JooqMariaDbTest extends JooqContract {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.mariadb("tipc_jooq");
    }

    @Override
    SQLDialect dialect() {
        return SQLDialect.MARIADB;
    }
}
