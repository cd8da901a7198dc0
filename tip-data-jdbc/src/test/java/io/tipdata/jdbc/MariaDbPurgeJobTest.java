package io.tipdata.jdbc;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class MariaDbPurgeJobTest extends PurgeJobContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.mariadb("tdpj_my");
    }
}
