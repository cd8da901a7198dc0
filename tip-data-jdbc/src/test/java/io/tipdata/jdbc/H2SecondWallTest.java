package io.tipdata.jdbc;

import java.sql.SQLException;
import java.util.List;

/** The second wall on H2: production logs in as the admin sa, test connections as the plain user TIP_TEST. */
class H2SecondWallTest extends SecondWallContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }

    @Override
    void createWritingFunction() throws SQLException {
        db.exec("CREATE ALIAS write_audit AS 'int writeAudit(java.sql.Connection c) throws java.sql.SQLException {"
                + " c.createStatement().execute(\"INSERT INTO audit (id, note) VALUES (99, ''fn'')\"); return 1; }'");
    }

    @Override
    List<String> dialectHostile() {
        return List.of("SELECT FILE_READ('/etc/hostname')", "CALL FILE_WRITE('x', '/tmp/tip_h2_wall_evil')",
                "CALL CSVWRITE('/tmp/tip_h2_wall_evil.csv', 'SELECT 1')", "SELECT * FROM CSVREAD('/etc/hostname')",
                "SCRIPT TO '/tmp/tip_h2_wall_evil.sql'", "RUNSCRIPT FROM '/etc/hostname'",
                "CREATE ALIAS tip_evil FOR 'java.lang.System.exit'", "ALTER USER tip_test ADMIN TRUE",
                "CREATE USER tip_evil PASSWORD 'x' ADMIN", "GRANT SELECT ON audit TO tip_test",
                "CREATE SCHEMA tip_evil", "CREATE LINKED TABLE tip_evil('org.h2.Driver', 'jdbc:h2:mem:tip_evil', 'sa',"
                        + " '', 'AUDIT')", "CREATE TRIGGER tip_evil BEFORE INSERT ON " + db.shadow + ".orders CALL"
                        + " 'org.h2.api.Trigger'", "SELECT write_audit() FROM " + db.shadow + ".orders");
    }

    @Override
    List<String> roleResets() {
        return List.of("SET SCHEMA " + db.shadow, "SET SCHEMA PUBLIC");
    }

    @Override
    List<String> grantees() {
        return List.of("tip_test");
    }

    @Override
    String elevate(String grantee) {
        return "ALTER USER " + grantee + " ADMIN TRUE";
    }

    @Override
    String demote(String grantee) {
        return "ALTER USER " + grantee + " ADMIN FALSE";
    }
}
