package io.tipdata.hibernate;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The application's own multi-tenancy composed with tip-data, on Postgres. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class PostgresAppTenancyTest extends AppTenancyContract {
    @Override
    ShopDatabase newDatabase() {
        return ShopDatabase.postgres("tiph_tenancy");
    }
}
