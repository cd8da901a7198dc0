package io.tipdata.jdbc;

import java.util.List;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Locking reads on PostgreSQL (schema tipc_locks). */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class PostgresLockingReadsTest extends LockingReadsContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres("tipc_locks");
    }

    @Override
    List<String> lockingClauses() {
        return List.of("FOR UPDATE", "FOR UPDATE NOWAIT", "FOR UPDATE SKIP LOCKED", "FOR SHARE", "FOR SHARE NOWAIT", "FOR NO KEY UPDATE", "FOR KEY SHARE", "FOR UPDATE OF o", "FOR SHARE OF o SKIP LOCKED");
    }
}
