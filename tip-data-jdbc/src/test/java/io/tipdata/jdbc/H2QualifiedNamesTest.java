package io.tipdata.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/** Production-qualified names on H2: {@code PUBLIC.ORDERS}, {@code "PUBLIC"."ORDERS"}, the catalog too. */
class H2QualifiedNamesTest extends QualifiedNamesContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }

    @Override
    String schema() {
        return "public";
    }

    @Override
    String quotedSchema() {
        return "\"PUBLIC\"";
    }

    @Override
    String quoted(String table) {
        return "\"" + table.toUpperCase(Locale.ROOT) + "\"";
    }

    @Override
    String catalog() {
        try (Connection c = db.raw.getConnection()) {
            return c.getCatalog();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    String createOtherSchema() throws SQLException {
        db.exec("CREATE SCHEMA tipc_other");
        db.exec("CREATE TABLE tipc_other.orders (id INT PRIMARY KEY, customer VARCHAR(50), amount INT)");
        db.exec("INSERT INTO tipc_other.orders VALUES (1, 'other', 1)");
        return "tipc_other";
    }

    @Override
    void dropOtherSchema() throws SQLException {
        db.exec("DROP SCHEMA tipc_other CASCADE");
    }

    @Override
    String otherSchemaName() {
        return "tipc_other";
    }

    @Override
    List<String> otherRows() throws SQLException {
        return db.rows("SELECT customer FROM tipc_other.orders");
    }
}
