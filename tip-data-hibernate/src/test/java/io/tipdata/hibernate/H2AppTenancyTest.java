package io.tipdata.hibernate;

/** The application's own multi-tenancy composed with tip-data, on H2. */
class H2AppTenancyTest extends AppTenancyContract {
    @Override
    ShopDatabase newDatabase() {
        return ShopDatabase.h2();
    }
}
