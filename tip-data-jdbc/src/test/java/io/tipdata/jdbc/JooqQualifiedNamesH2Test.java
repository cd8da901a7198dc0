package io.tipdata.jdbc;

import org.jooq.SQLDialect;

/** jOOQ's default (qualified, quoted) names over a TipDataSource on H2. */
class JooqQualifiedNamesH2Test extends JooqQualifiedNamesContract {
    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }

    @Override
    SQLDialect dialect() {
        return SQLDialect.H2;
    }

    @Override
    boolean returningInRun() {
        return false;
    }
}
