package io.tipdata.jdbc;

import org.jooq.SQLDialect;

/** jOOQ over a TipDataSource on H2. */
class JooqH2Test extends JooqContract {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }

    @Override
    SQLDialect dialect() {
        return SQLDialect.H2;
    }

}
