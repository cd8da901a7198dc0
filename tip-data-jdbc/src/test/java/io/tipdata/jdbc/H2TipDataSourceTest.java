package io.tipdata.jdbc;

/** The TipDataSource contract on an in-memory H2 database. */
class H2TipDataSourceTest extends TipDataSourceContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }

    @Override
    String upsert(long orderId, String sku, int qty) {
        return "MERGE INTO order_items (order_id, sku, qty) KEY (order_id, sku) VALUES (" + orderId + ", '" + sku
                + "', " + qty + ")";
    }

    @Override
    boolean supportsReturning() {
        return false;
    }
}
