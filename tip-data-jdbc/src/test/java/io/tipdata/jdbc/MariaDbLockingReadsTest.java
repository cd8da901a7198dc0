package io.tipdata.jdbc;

import java.util.List;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Locking reads on MariaDB (database tipc_locks), LOCK IN SHARE MODE (Hibernate PESSIMISTIC_READ) included. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class MariaDbLockingReadsTest extends LockingReadsContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.mariadb("tipc_locks");
    }

    @Override
    List<String> lockingClauses() {
        return List.of("FOR UPDATE", "FOR UPDATE NOWAIT", "FOR UPDATE SKIP LOCKED", "FOR UPDATE WAIT 1", "LOCK IN SHARE MODE", "lock in share mode");
    }
}
