package io.tipdata.jdbc;

import org.jooq.SQLDialect;

/** jOOQ's generated classes over a TipDataSource on H2. */
class JooqH2CodegenTest extends JooqCodegenContract {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }

    @Override
    SQLDialect dialect() {
        return SQLDialect.H2;
    }

}
