package io.tipdata.hibernate;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The shop domain through Hibernate on PostgreSQL, in the schemas tiph_shop and tiph_shop_shadow. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class PostgresHibernateTest extends HibernateContract {
    @Override
    ShopDatabase newDatabase() {
        return ShopDatabase.postgres("tiph_shop");
    }
}
