package io.tipdata.jdbc;

class H2PurgeJobTest extends PurgeJobContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
