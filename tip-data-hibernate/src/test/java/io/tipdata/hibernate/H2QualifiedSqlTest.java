package io.tipdata.hibernate;

/** Qualified names and shared locks of Hibernate's SQL on H2. */
class H2QualifiedSqlTest extends QualifiedSqlContract {
    @Override
    ShopDatabase newDatabase() {
        return ShopDatabase.h2();
    }
}
