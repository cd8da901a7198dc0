package io.tipdata.benchmarks.jdbc;

import io.tipdata.core.TestRun;
import java.sql.SQLException;
import javax.sql.DataSource;

final class TipTargets {
    private TipTargets() {
    }

    static DataSource open(BenchDatabase db, DataSource production) throws SQLException {
        throw new UnsupportedOperationException("TipDataSource not merged yet");
    }

    static void verifyRouting(DataSource tip, DataSource production, TestRun run) throws SQLException {
        throw new UnsupportedOperationException("TipDataSource not merged yet");
    }

    static void loadInTest(DataSource tip, TestRun run) throws SQLException {
        throw new UnsupportedOperationException("TipDataSource not merged yet");
    }
}
