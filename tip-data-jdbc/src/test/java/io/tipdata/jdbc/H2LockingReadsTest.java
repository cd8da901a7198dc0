package io.tipdata.jdbc;

import java.util.List;

/** Locking reads on H2. */
class H2LockingReadsTest extends LockingReadsContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }

    @Override
    List<String> lockingClauses() {
        return List.of("FOR UPDATE", "FOR UPDATE NOWAIT", "FOR UPDATE SKIP LOCKED", "FOR UPDATE WAIT 1");
    }
}
