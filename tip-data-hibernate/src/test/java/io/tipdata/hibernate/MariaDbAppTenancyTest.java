package io.tipdata.hibernate;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The application's own multi-tenancy composed with tip-data, on MariaDb. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class MariaDbAppTenancyTest extends AppTenancyContract {
    @Override
    ShopDatabase newDatabase() {
        return ShopDatabase.mariadb("tiph_tenancy");
    }
}
