package io.tipdata.hibernate;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Qualified names and shared locks of Hibernate's SQL on Postgres. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class PostgresQualifiedSqlTest extends QualifiedSqlContract {
    @Override
    ShopDatabase newDatabase() {
        return ShopDatabase.postgres("tiph_qual");
    }
}
