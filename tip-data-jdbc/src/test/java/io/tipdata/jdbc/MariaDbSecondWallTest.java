package io.tipdata.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The second wall on MariaDB, in the databases tipc_wall and tipc_wall_shadow with logins of that name. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class MariaDbSecondWallTest extends SecondWallContract {

    private TestDatabase.MariaDb maria;

    @Override
    TestDatabase newDatabase() {
        maria = (TestDatabase.MariaDb) TestDatabase.mariadb("tipc_wall");
        return maria;
    }

    @Override
    void createWritingFunction() throws SQLException {
        db.exec("CREATE FUNCTION write_audit() RETURNS INT MODIFIES SQL DATA"
                + " BEGIN INSERT INTO audit (id, note) VALUES (99, 'fn'); RETURN 1; END");
    }

    @Override
    List<String> dialectHostile() {
        return List.of("SELECT LOAD_FILE('/etc/hostname')", "SELECT 1 INTO OUTFILE '/tmp/tipc_wall_evil.txt'",
                "SELECT customer FROM " + db.shadow + ".orders INTO DUMPFILE '/tmp/tipc_wall_evil.bin'",
                "LOAD DATA INFILE '/etc/hostname' INTO TABLE " + db.shadow + ".orders",
                "TRUNCATE TABLE " + db.shadow + ".orders", "GRANT SELECT ON audit TO CURRENT_USER",
                "CREATE USER tipc_wall_evil", "CREATE DATABASE tipc_wall_evil", "SET ROLE " + maria.owner(),
                "CREATE PROCEDURE " + db.shadow + ".evil() SELECT 1",
                "CREATE TRIGGER " + db.shadow + ".evil BEFORE INSERT ON " + db.shadow + ".orders FOR EACH ROW SET"
                        + " NEW.amount = 0",
                "SET PASSWORD FOR " + maria.owner() + "@'%' = PASSWORD('evil')",
                "RENAME TABLE " + db.shadow + ".orders TO " + db.shadow + ".evil",
                "LOCK TABLES countries WRITE", "SELECT write_audit() FROM " + db.shadow + ".orders");
    }

    @Override
    List<String> roleResets() {
        return List.of("SET ROLE NONE", "SET ROLE " + maria.owner(), "SET DEFAULT ROLE " + maria.owner());
    }

    @Override
    List<String> grantees() {
        try (Connection c = db.testPool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT CURRENT_USER()")) {
            rs.next();
            String account = rs.getString(1);
            int at = account.lastIndexOf('@');
            return List.of("'" + account.substring(0, at) + "'@'" + account.substring(at + 1) + "'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    String elevate(String grantee) {
        return "GRANT FILE ON *.* TO " + grantee;
    }

    @Override
    String demote(String grantee) {
        return "REVOKE FILE ON *.* FROM " + grantee;
    }
}
