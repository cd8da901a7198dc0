package io.tipdata.jdbc;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Sequences on MariaDB (database tipc_seq): nextval, lastval and NEXT VALUE FOR by name. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class MariaDbSequenceCallsTest extends SequenceCallsContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.mariadb("tipc_seq");
    }

    @Override
    void createSequences() throws SQLException {
        db.exec("CREATE SEQUENCE parcel_seq");
        db.exec("CREATE SEQUENCE gen_seq");
        db.exec("CREATE SEQUENCE invoice_seq");
        // a DENIED table's column drawing from a sequence does not make the sequence one test traffic may use
        db.exec("ALTER TABLE audit ALTER COLUMN id SET DEFAULT nextval(invoice_seq)");
        db.exec("CREATE TABLE parcels (id BIGINT DEFAULT nextval(parcel_seq) PRIMARY KEY, note VARCHAR(20))");
    }

    @Override
    void createTwins() throws SQLException {
        for (String host : TestLogins.MARIADB_HOSTS) {
            ShadowSchema.builder(db.raw).policies(policies()).shadowSchema(db.shadow)
                    .testLogin(((TestDatabase.MariaDb) db).testLogin() + "@" + host).build().create();
        }
    }

    @Override
    boolean testIdentityDrawsFromDeclaredSequences() {
        return false;
    }

    @Override
    String next(String sequence) {
        return "SELECT nextval(" + sequence + ")";
    }

    @Override
    List<String> otherForms(String sequence) {
        return List.of("SELECT lastval(" + sequence + ")", "SELECT NEXT VALUE FOR " + sequence,
                "SELECT nextval(`" + sequence + "`)", "SELECT nextval(" + db.productionSchema() + "." + sequence + ")");
    }

    @Override
    String state(String sequence) throws SQLException {
        return adminRow(db, "SELECT next_not_cached_value FROM " + db.productionSchema() + "." + sequence);
    }
}
