package io.tipdata.hibernate;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The application's database-per-tenant provider ({@code USE} per borrow) composed with tip-data, on MariaDB. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class MariaDbSchemaPerTenantTest extends SchemaPerTenantContract {
    @Override
    HikariDataSource createPool() {
        return ShopDatabase.pool(TestServers.MARIADB_URL, TestServers.MARIADB_USER, TestServers.MARIADB_PASSWORD);
    }

    @Override
    void select(Connection c, String tenant) throws SQLException {
        c.setCatalog(tenant);
    }

    @Override
    void createTenant(String tenant) throws SQLException {
        exec("CREATE DATABASE " + tenant);
        exec("CREATE TABLE " + tenant + ".ticket (id BIGINT PRIMARY KEY, title VARCHAR(100))");
    }

    @Override
    void dropTenants() throws SQLException {
        for (String t : TENANTS) {
            exec("DROP DATABASE IF EXISTS " + t);
            exec("DROP DATABASE IF EXISTS " + t + "_tip_shadow");
        }
    }
}
