package io.tipdata.jdbc;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class PostgresPurgeJobTest extends PurgeJobContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres("tdpj_pg");
    }
}
