package io.tipdata.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The TipDataSource contract on MariaDB, in the databases tipc_contract and tipc_contract_shadow. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class MariaDbTipDataSourceTest extends TipDataSourceContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.mariadb("tipc_contract");
    }

    @Override
    java.util.List<String> orSpellings() {
        return java.util.List.of("OR", "XOR");
    }

    @Override
    String collation() {
        return "utf8mb4_bin";
    }

    @Override
    String upsert(long orderId, String sku, int qty) {
        return "INSERT INTO order_items (order_id, sku, qty) VALUES (" + orderId + ", '" + sku + "', " + qty
                + ") ON DUPLICATE KEY UPDATE qty = VALUES(qty)";
    }

    /** MariaDB reads || as OR; the parser reads it as concatenation, so such a statement is refused or confined. */
    @Test
    void pipesThatMariaDbReadsAsOrDoNotEscapeTheRunsFilter() throws Exception {
        seedOrders();
        assertRefused(() -> in(RUN_A, () -> query("SELECT customer FROM orders WHERE amount = 1 AND customer = 'zz'"
                + " || amount > 0")), "TD001", "could not be parsed");
        // MariaDB: (amount = 9 AND customer = 'zz') OR 1, true for every row, of the run's rows only
        assertThat(in(RUN_A, () -> query("SELECT customer FROM orders WHERE amount = 9 AND customer = 'zz' || 1")))
                .containsExactly("a-1");
        assertRefused(() -> in(RUN_A, () -> query("SELECT customer FROM orders WHERE amount = 9 || customer = 'b-1'")),
                "TD001", "could not be parsed");
        assertThat(prod("")).containsExactly("prod-1|10");
        assertThat(twin("run-b")).containsExactly("b-1|2");
    }
}
