package io.tipdata.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tipdata.core.TipContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Locking reads on H2 (which has no FOR SHARE: tip-data passes it on over the twin and H2 refuses its syntax). */
class H2LockingReadsTest extends LockingReadsContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }

    @Override
    List<String> lockingClauses() {
        return List.of("FOR UPDATE", "FOR UPDATE NOWAIT", "FOR UPDATE SKIP LOCKED", "FOR UPDATE WAIT 1");
    }

    @Test
    void forShareIsRewrittenOverTheTwinAndRefusedByH2ItselfChangingNothing() throws Exception {
        String before = db.snapshot();
        assertThat(io.tipdata.jdbc.internal.rewrite.SqlRewriter.create(db.policies(),
                io.tipdata.jdbc.internal.rewrite.TableColumns.none(), db.shadow, Dialect.H2, 16)
                .rewrite("SELECT o.customer FROM orders o WHERE o.id = 1 FOR SHARE").sqlFor("run-a"))
                .contains(db.shadow + ".orders", "tip_run = 'run-a'", "FOR SHARE");
        assertThatThrownBy(() -> TipContext.call(RUN_A, () -> {
            try (Connection c = tip.getConnection(); Statement s = c.createStatement()) {
                return s.executeQuery("SELECT o.customer FROM orders o WHERE o.id = 1 FOR SHARE").next();
            }
        })).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).isNotEqualTo(RefusedStatementException.REFUSED));
        assertThat(db.snapshot()).isEqualTo(before);
    }
}
