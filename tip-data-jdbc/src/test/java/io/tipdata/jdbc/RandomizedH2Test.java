package io.tipdata.jdbc;

/** Randomized isolation on an in-memory H2 database. */
class RandomizedH2Test extends RandomizedIsolationContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
