package io.tipdata.jdbc;

import javax.sql.DataSource;

class H2RunRegistryTest extends RunRegistryContract {

    private static final DataSource DS = ShadowTestDatabases.h2("h2_run_registry_test");

    @Override
    DataSource dataSource() {
        return DS;
    }
}
