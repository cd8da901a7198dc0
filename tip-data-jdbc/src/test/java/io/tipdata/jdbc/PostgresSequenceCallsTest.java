package io.tipdata.jdbc;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Sequences on PostgreSQL (schema tipc_seq): nextval and currval by string, qualified, quoted and cast. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class PostgresSequenceCallsTest extends SequenceCallsContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres("tipc_seq");
    }

    @Override
    void createSequences() throws SQLException {
        db.exec("CREATE SEQUENCE parcel_seq");
        db.exec("CREATE SEQUENCE gen_seq");
        db.exec("CREATE SEQUENCE invoice_seq");
        // a DENIED table's column drawing from a sequence does not make the sequence one test traffic may use
        db.exec("ALTER TABLE audit ALTER COLUMN id SET DEFAULT nextval('invoice_seq')");
        db.exec("CREATE TABLE parcels (id BIGINT DEFAULT nextval('parcel_seq') PRIMARY KEY, note VARCHAR(20))");
        db.exec("GRANT USAGE ON SEQUENCE gen_seq TO " + ((TestDatabase.Postgres) db).testLogin());
    }

    @Override
    String next(String sequence) {
        return "SELECT nextval('" + sequence + "')";
    }

    @Override
    List<String> otherForms(String sequence) {
        return List.of("SELECT currval('" + sequence + "')", "SELECT nextval('" + db.productionSchema() + "." + sequence + "')",
                "SELECT nextval('\"" + sequence + "\"')", "SELECT NEXTVAL('" + sequence.toUpperCase() + "')");
    }

    @Override
    String state(String sequence) throws SQLException {
        return adminRow(db, "SELECT last_value, is_called FROM " + db.productionSchema() + "." + sequence);
    }

    @org.junit.jupiter.api.Test
    void theIdentitySequenceOfAnIsolatedTableIsFoundToo() throws Exception {
        org.assertj.core.api.Assertions.assertThat(query(tip, "SELECT nextval('orders_id_seq')")).hasSize(1);
    }
}
