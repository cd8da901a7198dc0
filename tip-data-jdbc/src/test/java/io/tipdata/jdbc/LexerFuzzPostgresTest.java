package io.tipdata.jdbc;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Lexer fuzzing on PostgreSQL, in the schemas tipc_lexfuzz and tipc_lexfuzz_shadow. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class LexerFuzzPostgresTest extends LexerFuzzContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres("tipc_lexfuzz");
    }
}
