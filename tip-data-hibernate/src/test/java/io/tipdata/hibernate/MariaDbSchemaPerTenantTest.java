package io.tipdata.hibernate;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The application's database-per-tenant provider ({@code USE} per borrow) composed with tip-data, on MariaDB. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class MariaDbSchemaPerTenantTest extends SchemaPerTenantContract {
    private static final java.util.List<String> HOSTS = java.util.List.of("%", "localhost");
    private static final String PASSWORD = "tipc-ten-pw";

    @Override
    HikariDataSource createPool() {
        return ShopDatabase.pool(TestServers.MARIADB_URL, TestServers.MARIADB_USER, TestServers.MARIADB_PASSWORD);
    }

    @Override
    void select(Connection c, String tenant) throws SQLException {
        c.setCatalog(tenant);
    }

    /**
     * The tenant's test login, at both hosts MariaDB may match a TCP login from this machine with. Its pool names no
     * database: with no REFERENCE table the login has no privilege on the tenant's database (README, "Test identity").
     */
    @Override
    HikariDataSource testPool(String tenant) throws SQLException {
        for (String host : HOSTS) {
            exec("CREATE USER " + testLogin(tenant) + "@'" + host + "' IDENTIFIED BY '" + PASSWORD + "'");
        }
        String url = TestServers.MARIADB_URL;
        int path = url.indexOf('/', url.indexOf("//") + 2);
        int query = url.indexOf('?', path);
        String noDatabase = url.substring(0, path + 1) + (query < 0 ? "" : url.substring(query));
        return ShopDatabase.pool(noDatabase, testLogin(tenant), PASSWORD);
    }

    /** The test login cannot USE the tenant's database (no privilege there); tip-data names the twins in full. */
    @Override
    void selectForTestLogin(Connection c, String tenant) {
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
            for (String host : HOSTS) {
                exec("DROP USER IF EXISTS " + testLogin(t) + "@'" + host + "'");
            }
        }
    }
}
