package io.tipdata.hibernate;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/** The application's schema-per-tenant provider composed with tip-data, on H2. */
class H2SchemaPerTenantTest extends SchemaPerTenantContract {
    @Override
    HikariDataSource createPool() {
        return ShopDatabase.pool("jdbc:h2:mem:tenants_" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    @Override
    void select(Connection c, String tenant) throws SQLException {
        c.setSchema(tenant.toUpperCase(Locale.ROOT));
    }

    @Override
    HikariDataSource testPool(String tenant) throws SQLException {
        exec("CREATE USER IF NOT EXISTS " + testLogin(tenant) + " PASSWORD ''");
        return ShopDatabase.pool(pool.getJdbcUrl().replace(";DB_CLOSE_DELAY=-1", ""), testLogin(tenant), "");
    }

    @Override
    void dropTenants() throws SQLException {
        for (String t : TENANTS) {
            exec("DROP SCHEMA IF EXISTS " + t + " CASCADE");
            exec("DROP SCHEMA IF EXISTS " + t + "_tip_shadow CASCADE");
        }
    }
}
