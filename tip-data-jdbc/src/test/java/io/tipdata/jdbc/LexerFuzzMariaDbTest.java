package io.tipdata.jdbc;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Lexer fuzzing on MariaDB, in the databases tipc_lexfuzz and tipc_lexfuzz_shadow. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class LexerFuzzMariaDbTest extends LexerFuzzContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.mariadb("tipc_lexfuzz");
    }
}
