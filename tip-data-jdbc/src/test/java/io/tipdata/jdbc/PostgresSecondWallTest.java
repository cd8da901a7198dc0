package io.tipdata.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The second wall on PostgreSQL, in the schemas tipc_wall and tipc_wall_shadow with logins of that name. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class PostgresSecondWallTest extends SecondWallContract {

    private TestDatabase.Postgres pg;

    @Override
    TestDatabase newDatabase() {
        pg = (TestDatabase.Postgres) TestDatabase.postgres("tipc_wall");
        return pg;
    }

    @Override
    void createWritingFunction() throws SQLException {
        db.exec("CREATE FUNCTION write_audit() RETURNS int LANGUAGE sql AS"
                + " 'INSERT INTO audit (id, note) VALUES (99, ''fn''); SELECT 1'");
    }

    @Override
    List<String> dialectHostile() {
        String owner = pg.owner();
        String me = pg.testLogin();
        return List.of("SELECT pg_read_file('/etc/hostname')", "SELECT pg_ls_dir('.')",
                "SELECT lo_import('/etc/hostname')", "COPY audit TO '/tmp/tipc_wall_evil.csv'",
                "COPY (SELECT 1) TO PROGRAM 'true'", "COPY " + db.shadow + ".orders FROM '/etc/hostname'",
                "SET ROLE " + owner, "SET SESSION AUTHORIZATION " + owner, "GRANT SELECT ON audit TO " + me,
                "ALTER ROLE " + me + " SUPERUSER", "CREATE ROLE tipc_wall_evil", "CREATE SCHEMA tipc_wall_evil",
                "CREATE TABLE public.tipc_wall_evil (id INT)", "TRUNCATE " + db.shadow + ".orders",
                "CREATE FUNCTION tipc_wall_evil() RETURNS int LANGUAGE sql AS 'SELECT 1'",
                "DO $$BEGIN INSERT INTO audit (id, note) VALUES (5, 'do'); END$$",
                "SELECT write_audit() FROM " + db.shadow + ".orders");
    }

    @Override
    List<String> roleResets() {
        return List.of("RESET ROLE", "SET ROLE NONE", "RESET SESSION AUTHORIZATION", "SET ROLE " + pg.owner(),
                "SET SESSION AUTHORIZATION DEFAULT");
    }

    @Override
    List<String> grantees() {
        return List.of(pg.testLogin());
    }

    @Override
    String elevate(String grantee) {
        return "GRANT " + pg.owner() + " TO " + grantee;
    }

    @Override
    String demote(String grantee) {
        return "REVOKE " + pg.owner() + " FROM " + grantee;
    }

    @Override
    boolean sharesSequence() {
        return true;
    }

    @Test
    void checkReportsASecurityDefinerFunctionTheIdentityMayExecute() throws SQLException {
        db.exec("CREATE FUNCTION definer_audit() RETURNS int LANGUAGE sql SECURITY DEFINER AS"
                + " 'INSERT INTO audit (id, note) VALUES (98, ''definer''); SELECT 1'");
        try {
            assertThat(errors()).anySatisfy(p -> assertThat(p).contains("definer_audit()", "SECURITY DEFINER"));
            db.exec("REVOKE EXECUTE ON FUNCTION definer_audit() FROM PUBLIC");
            assertThat(errors()).isEmpty();
        } finally {
            db.exec("DROP FUNCTION definer_audit()");
        }
    }

    @Test
    void checkReportsCreateOnASchema() throws SQLException {
        db.exec("GRANT CREATE ON SCHEMA " + db.shadow + " TO " + pg.testLogin());
        try {
            assertThat(errors()).anySatisfy(p -> assertThat(p).contains(db.shadow, "may CREATE"));
        } finally {
            db.exec("REVOKE CREATE ON SCHEMA " + db.shadow + " FROM " + pg.testLogin());
        }
    }
}
