package io.tipdata.jdbc;

/** Lexer fuzzing on an in-memory H2 database. */
class LexerFuzzH2Test extends LexerFuzzContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }
}
