package io.tipdata.jdbc;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The TipDataSource contract on PostgreSQL, in the schemas tipc_contract and tipc_contract_shadow. */
@EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
class PostgresTipDataSourceTest extends TipDataSourceContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.postgres("tipc_contract");
    }

    @Override
    String collation() {
        return "ucs_basic";
    }

    @Override
    String upsert(long orderId, String sku, int qty) {
        return "INSERT INTO order_items (order_id, sku, qty) VALUES (" + orderId + ", '" + sku + "', " + qty
                + ") ON CONFLICT (order_id, sku) DO UPDATE SET qty = EXCLUDED.qty";
    }
}
