package io.tipdata.hibernate;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The application's schema-per-tenant provider ({@code search_path} per borrow) composed with tip-data, on Postgres. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class PostgresSchemaPerTenantTest extends SchemaPerTenantContract {
    @Override
    HikariDataSource createPool() {
        return ShopDatabase.pool(TestServers.PG_URL, TestServers.PG_USER, TestServers.PG_PASSWORD);
    }

    @Override
    void select(Connection c, String tenant) throws SQLException {
        c.setSchema(tenant);
    }

    @Override
    HikariDataSource testPool(String tenant) throws SQLException {
        exec("CREATE ROLE " + testLogin(tenant) + " LOGIN");
        return ShopDatabase.pool(TestServers.PG_URL, testLogin(tenant), "");
    }

    @Override
    void dropTenants() throws SQLException {
        for (String t : TENANTS) {
            exec("DROP SCHEMA IF EXISTS " + t + " CASCADE");
            exec("DROP SCHEMA IF EXISTS " + t + "_tip_shadow CASCADE");
            if (!rows("SELECT 1 FROM pg_roles WHERE rolname = '" + testLogin(t) + "'").isEmpty()) {
                exec("DROP OWNED BY " + testLogin(t));
                exec("DROP ROLE " + testLogin(t));
            }
        }
    }
}
