package io.tipdata.jdbc;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sequences on H2: NEXT VALUE FOR by name, NEXTVAL and CURRVAL by string, as H2 resolves the string. */
class H2SequenceCallsTest extends SequenceCallsContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }

    @Override
    void createSequences() throws SQLException {
        db.exec("CREATE SEQUENCE parcel_seq");
        db.exec("CREATE SEQUENCE gen_seq");
        db.exec("CREATE SEQUENCE invoice_seq");
        // a DENIED table's column drawing from a sequence does not make the sequence one test traffic may use
        db.exec("ALTER TABLE audit ALTER COLUMN id SET DEFAULT NEXT VALUE FOR invoice_seq");
        db.exec("CREATE SEQUENCE \"invoice_SEQ\"");
        db.exec("CREATE TABLE parcels (id BIGINT DEFAULT NEXT VALUE FOR parcel_seq PRIMARY KEY, note VARCHAR(20))");
    }

    @Override
    String next(String sequence) {
        return "SELECT NEXT VALUE FOR " + sequence;
    }

    @Override
    List<String> otherForms(String sequence) {
        return List.of("SELECT nextval('" + sequence + "')", "SELECT currval('" + sequence + "')",
                "SELECT nextval('PUBLIC', '" + sequence + "')", "SELECT nextval('PUBLIC." + sequence.toUpperCase() + "')",
                "SELECT NEXT VALUE FOR PUBLIC." + sequence, "SELECT NEXT VALUE FOR \"" + sequence.toUpperCase() + "\"");
    }

    @Override
    String state(String sequence) throws SQLException {
        return adminRow(db, "SELECT SEQUENCE_NAME, BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES WHERE"
                + " UPPER(SEQUENCE_NAME) = '" + sequence.toUpperCase() + "' ORDER BY 1");
    }

    @Test
    void aStringNamesTheSequenceH2FindsAsWrittenBeforeItsUpperCase() throws Exception {
        org.assertj.core.api.Assertions.assertThat(query(tip, "SELECT nextval('parcel_seq')")).hasSize(1);
        // 'invoice_SEQ' is another sequence than INVOICE_SEQ for H2, and neither is allowed
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> query(tip, "SELECT nextval('invoice_SEQ')"))
                .isInstanceOf(SQLException.class).hasMessageContaining("invoice_SEQ");
    }
}
