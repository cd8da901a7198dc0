package io.tipdata.hibernate;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Qualified names and shared locks of Hibernate's SQL on MariaDb. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class MariaDbQualifiedSqlTest extends QualifiedSqlContract {
    @Override
    ShopDatabase newDatabase() {
        return ShopDatabase.mariadb("tiph_qual");
    }

    @Override
    @Test
    void pessimisticReadLocksStayInTheRun() throws SQLException {
        super.pessimisticReadLocksStayInTheRun();
    }
}
