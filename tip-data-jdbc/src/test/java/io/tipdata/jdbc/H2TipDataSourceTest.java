package io.tipdata.jdbc;

/** The TipDataSource contract on an in-memory H2 database. */
class H2TipDataSourceTest extends TipDataSourceContract {

    @Override
    TestDatabase newDatabase() {
        return TestDatabase.h2();
    }

    @Override
    String collation() {
        return null;
    }

    @Override
    String upsert(long orderId, String sku, int qty) {
        return "MERGE INTO order_items t USING (SELECT " + orderId + " AS order_id, '" + sku + "' AS sku, " + qty
                + " AS qty) s ON (t.order_id = s.order_id AND t.sku = s.sku) WHEN MATCHED THEN UPDATE SET qty = s.qty"
                + " WHEN NOT MATCHED THEN INSERT (order_id, sku, qty) VALUES (s.order_id, s.sku, s.qty)";
    }

    @Override
    boolean supportsReturning() {
        return false;
    }
}
