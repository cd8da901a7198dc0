package io.tipdata.jdbc;

import java.sql.SQLException;
import org.jooq.conf.Settings;
import org.junit.jupiter.api.Test;

/**
 * jOOQ with its default settings, as code-generated classes render names: schema-qualified with the production
 * schema and quoted. Waits for the rewriter to resolve qualified and quoted names to the declared tables.
 */
abstract class JooqQualifiedNamesContract extends JooqContract {

    @Override
    Settings settings() {
        return new Settings();
    }

    @Override
    @Test
    void codeGeneratedNamesWorkInProductionAndInARun() throws SQLException {
        super.codeGeneratedNamesWorkInProductionAndInARun();
    }
}
