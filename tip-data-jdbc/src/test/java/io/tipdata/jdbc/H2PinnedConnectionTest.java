package io.tipdata.jdbc;

/** Pinned connections on an in-memory H2 database. */
class H2PinnedConnectionTest extends PinnedConnectionContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
