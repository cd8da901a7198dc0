package io.tipdata.hibernate;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The shop domain through Hibernate on MariaDB, in the databases tiph_shop and tiph_shop_shadow. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class MariaDbHibernateTest extends HibernateContract {
    @Override
    ShopDatabase newDatabase() {
        return ShopDatabase.mariadb("tiph_shop");
    }
}
