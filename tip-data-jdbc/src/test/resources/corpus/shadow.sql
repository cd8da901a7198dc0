INSERT INTO corpus_shadow.customers SELECT c.*, 'r1' FROM customers c;
INSERT INTO corpus_shadow.products SELECT p.*, 'r1' FROM products p;
INSERT INTO corpus_shadow.orders SELECT o.*, 'r1' FROM orders o;
INSERT INTO corpus_shadow.order_items SELECT i.*, 'r1' FROM order_items i;
INSERT INTO corpus_shadow.customers (id, email, name, country_code, birth_date, created_at, vip, manager_id, tip_run) VALUES (1, 'ada@example.com', 'Noise Ada', 'GB', DATE '1815-12-10', TIMESTAMP '2024-01-05 09:00:00', FALSE, 2, 'r2'), (2, 'alan@example.com', 'Alan Turing', 'GB', DATE '1912-06-23', TIMESTAMP '2024-01-06 10:30:00', FALSE, 1, 'r2'), (50, 'noise@example.com', 'Noise Person', 'US', NULL, TIMESTAMP '2024-02-02 02:02:00', TRUE, 1, 'r2');
INSERT INTO corpus_shadow.products (id, sku, name, price, stock, category, attrs, tip_run) VALUES (1, 'BK-001', 'Noise Primer', 1.00, 1, 'books', NULL, 'r2'), (60, 'NZ-001', 'Noise Widget', 99.00, 9, 'noise', NULL, 'r2');
INSERT INTO corpus_shadow.orders (id, customer_id, status, total, currency_code, placed_at, note, tip_run) VALUES (1, 1, 'shipped', 999.00, 'GBP', TIMESTAMP '2024-01-10 11:00:00', 'noise', 'r2'), (3, 2, 'new', 5.00, 'EUR', TIMESTAMP '2024-02-20 09:30:00', NULL, 'r2'), (70, 50, 'new', 1.00, 'USD', TIMESTAMP '2024-04-01 08:00:00', NULL, 'r2');
INSERT INTO corpus_shadow.order_items (order_id, line_no, product_id, qty, unit_price, tip_run) VALUES (1, 1, 1, 99, 1.00, 'r2'), (3, 1, 3, 1, 5.00, 'r2'), (70, 1, 60, 1, 99.00, 'r2');
