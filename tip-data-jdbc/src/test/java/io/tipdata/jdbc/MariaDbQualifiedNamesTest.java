package io.tipdata.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Production-qualified names on MariaDB (database tipc_qnames): `tipc_qnames`.`orders`, unquoted too; no catalog level. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class MariaDbQualifiedNamesTest extends QualifiedNamesContract {

    private static final String OTHER = "tipc_qnames_other";

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.mariadb("tipc_qnames");
    }

    @Override
    String schema() {
        return "tipc_qnames";
    }

    @Override
    String quotedSchema() {
        return "`tipc_qnames`";
    }

    @Override
    String quoted(String table) {
        return "`" + table + "`";
    }

    @Override
    String catalog() {
        return null;
    }

    @Override
    String createOtherSchema() throws SQLException {
        try (Connection c = db.admin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + OTHER + "");
            s.execute("CREATE DATABASE " + OTHER);
            s.execute("CREATE TABLE " + OTHER + ".orders (id INT PRIMARY KEY, customer VARCHAR(50), amount INT)");
            s.execute("INSERT INTO " + OTHER + ".orders VALUES (1, 'other', 1)");
        }
        return OTHER;
    }

    @Override
    void dropOtherSchema() throws SQLException {
        try (Connection c = db.admin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + OTHER + "");
        }
    }

    @Override
    String otherSchemaName() {
        return OTHER;
    }

    @Override
    List<String> otherRows() throws SQLException {
        try (Connection c = db.admin(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT customer FROM " + OTHER + ".orders")) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
