package io.tipdata.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class H2RunRegistryTest extends RunRegistryContract {

    private static final DataSource DS = ShadowTestDatabases.h2("h2_run_registry_test");

    @Override
    DataSource dataSource() {
        return DS;
    }

    @Test
    void schemaQualifiedTableWorks() throws SQLException {
        ShadowTestDatabases.execute(DS, "CREATE SCHEMA IF NOT EXISTS tdrr_ops");
        try {
            JdbcRunRegistry ops = JdbcRunRegistry.builder(DS).table("tdrr_ops.tip_runs").build();
            ops.register(run("run-1", 0, 10));

            assertThat(ops.find("run-1")).isPresent();
            assertThat(registry.find("run-1")).isEmpty();
        } finally {
            ShadowTestDatabases.execute(DS, "DROP SCHEMA tdrr_ops CASCADE");
        }
    }

    @Test
    void databaseFailureNamesTableAndRun() {
        JdbcRunRegistry broken = JdbcRunRegistry.builder(DS).table("tdrr_nosuch.tip_runs").build();

        assertThatThrownBy(() -> broken.register(run("run-1", 0, 10)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("run registry tdrr_nosuch.tip_runs: could not register run 'run-1': ")
                .hasMessageContaining("check that the database is reachable")
                .hasCauseInstanceOf(SQLException.class);
    }
}
