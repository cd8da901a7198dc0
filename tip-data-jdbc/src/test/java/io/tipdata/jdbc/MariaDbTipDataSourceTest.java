package io.tipdata.jdbc;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The TipDataSource contract on MariaDB, in the databases tipc_contract and tipc_contract_shadow. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class MariaDbTipDataSourceTest extends TipDataSourceContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.mariadb("tipc_contract");
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
}
