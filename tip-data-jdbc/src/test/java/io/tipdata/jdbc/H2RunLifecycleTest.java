package io.tipdata.jdbc;

import javax.sql.DataSource;

class H2RunLifecycleTest extends RunLifecycleContract {

    private static final DataSource DS = ShadowTestDatabases.h2("h2_run_lifecycle_test");

    @Override
    DataSource dataSource() {
        return DS;
    }
}
