package io.tipdata.hibernate;

/** The shop domain through Hibernate on H2. */
class H2HibernateTest extends HibernateContract {
    @Override
    ShopDatabase newDatabase() {
        return ShopDatabase.h2();
    }
}
