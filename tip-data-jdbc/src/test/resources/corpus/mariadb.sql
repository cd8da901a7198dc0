-- MariaDB 10.11 statements (default sql_mode). Header format as in common.sql.
-- # m001 ordered
SELECT `id`, `name` FROM `customers` WHERE `vip` ORDER BY `id`
-- # m002
SELECT `c`.`name`, o.`total` FROM `customers` AS `c` JOIN `orders` o ON o.customer_id = `c`.id
-- # m003
SELECT name FROM customers WHERE name = 'Siobhán O\'Brien' OR email = "ada@example.com"
-- # m004
SELECT email FROM customers WHERE email REGEXP '^[a-k].*@example\\.com$'
-- # m005
SELECT sku FROM products WHERE sku RLIKE '^BK' AND name NOT REGEXP 'Primer'
-- # m006
SELECT id, JSON_EXTRACT(attrs, '$.tags') AS tags, JSON_UNQUOTE(JSON_EXTRACT(attrs, '$.color')) AS color FROM products WHERE attrs IS NOT NULL
-- # m007
SELECT id FROM products WHERE JSON_CONTAINS(attrs, '"black"', '$.color')
-- # m008
SELECT id, JSON_VALUE(attrs, '$.pages') AS pages FROM products WHERE JSON_EXISTS(attrs, '$.pages')
-- # m009
SELECT JSON_OBJECT('sku', sku, 'price', price) AS doc FROM products WHERE id < 4
-- # m010
SELECT category, GROUP_CONCAT(sku ORDER BY sku SEPARATOR ';') AS skus, JSON_ARRAYAGG(id) AS ids FROM products GROUP BY category
-- # m011
SELECT status, currency_code, SUM(total) FROM orders GROUP BY status, currency_code WITH ROLLUP
-- # m012 ordered
SELECT id FROM orders ORDER BY id LIMIT 2, 3
-- # m013 ordered params=2
SELECT id, name FROM products ORDER BY price DESC, id LIMIT ?
-- # m014
SELECT id, DATE_FORMAT(placed_at, '%Y-%m') AS month, DATE_ADD(placed_at, INTERVAL 1 DAY) AS next_day, DATEDIFF(placed_at, '2024-01-01') AS days, TIMESTAMPDIFF(HOUR, '2024-01-01 00:00:00', placed_at) AS hours FROM orders
-- # m015
SELECT id, IF(total > 50, 'big', 'small') AS size, IFNULL(note, '') AS note FROM orders
-- # m016
SELECT id FROM customers WHERE country_code <=> NULL
-- # m017
SELECT id, total DIV 10 AS tens, CAST(total AS UNSIGNED) AS whole, CONVERT(id, CHAR) AS txt FROM orders
-- # m018
SELECT STRAIGHT_JOIN o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id
-- # m019
SELECT id, total FROM orders WHERE id = 4 FOR UPDATE
-- # m020
SELECT id, total FROM orders WHERE id = 4 LOCK IN SHARE MODE
-- # m021
SELECT id, total, SUM(total) OVER w AS running FROM orders WINDOW w AS (ORDER BY id ROWS UNBOUNDED PRECEDING)
-- # m022
SELECT id FROM orders WHERE placed_at > NOW() - INTERVAL 100 YEAR # a MariaDB line comment
-- # m023
SELECT name, 'it''s' AS a, 'it\'s' AS b, 'back\\slash' AS c FROM countries WHERE code = 'CH'
-- # m024
INSERT INTO products (id, sku, name, price, stock, category) VALUES (9, 'HM-003', 'Plant Pot', 17.00, 45, 'home') ON DUPLICATE KEY UPDATE price = VALUES(price), stock = stock + VALUES(stock)
-- # m025
INSERT INTO customers (id, email, name, created_at) VALUES (31, 'ada@example.com', 'Ada L.', '2024-01-05 09:00:00') ON DUPLICATE KEY UPDATE name = VALUE(name)
-- # m026
INSERT IGNORE INTO products (id, sku, name, price, stock, category) VALUES (30, 'BK-001', 'SQL Primer 2nd', 14.00, 5, 'books')
-- # m027
REPLACE INTO products (id, sku, name, price, stock, category) VALUES (9, 'HM-003', 'Plant Pot v2', 16.00, 40, 'home')
-- # m028
INSERT INTO customers (id, email, name, created_at) VALUES (20, 'r@example.com', 'Returning', '2024-06-01 00:00:00') RETURNING id, email
-- # m029
INSERT INTO orders SET customer_id = 6, status = 'new', total = 3.50, currency_code = 'USD', placed_at = '2024-06-05 12:00:00'
-- # m030
INSERT INTO products (id, sku, name, price, stock, category, attrs) VALUES (41, 'EL-041', 'Hub', 19.99, 3, 'electronics', JSON_OBJECT('ports', 4))
-- # m031
UPDATE orders o JOIN customers c ON c.id = o.customer_id SET o.note = 'vip order' WHERE c.vip
-- # m032
UPDATE order_items i JOIN products p ON p.id = i.product_id JOIN orders o ON o.id = i.order_id SET i.unit_price = p.price, p.stock = p.stock - i.qty WHERE o.status = 'new'
-- # m033
UPDATE products SET stock = stock + 1 WHERE category = 'home' ORDER BY id LIMIT 2
-- # m034
UPDATE products SET attrs = JSON_SET(attrs, '$.checked', true) WHERE JSON_EXISTS(attrs, '$.color')
-- # m035
DELETE i FROM order_items i JOIN orders o ON o.id = i.order_id WHERE o.status = 'cancelled'
-- # m036
DELETE FROM i USING order_items i JOIN orders o ON o.id = i.order_id WHERE o.status = 'new'
-- # m037
DELETE FROM orders WHERE status = 'cancelled' RETURNING id, total
-- # m038
DELETE FROM order_items WHERE qty = 1 ORDER BY order_id DESC, line_no DESC LIMIT 3
-- # m039
INSERT INTO order_items (order_id, line_no, product_id, qty, unit_price) SELECT 2, 2, id, 1, price FROM products WHERE sku = 'HM-001' ON DUPLICATE KEY UPDATE qty = order_items.qty + 1
-- # m040
UPDATE customers c, orders o SET c.vip = TRUE WHERE o.customer_id = c.id AND o.total > 200
-- # m041
SELECT id FROM orders WHERE status = 'new' /*! AND total > 100 */
-- # m042
SELECT id FROM orders WHERE status = "new"
-- # m043
SELECT id FROM orders WHERE total > 50--1
AND status = 'new'
-- # m044
DELETE FROM `order_items` WHERE order_id = 3
-- # m045
DELETE FROM orders WHERE status = 'cancelled' RETURNING *
-- # m046
UPDATE `orders` SET note = 'q' WHERE id = 2
-- # m047
INSERT INTO customers (id, email, name, created_at) VALUES (21, 's@example.com', 'Star', '2024-06-01 00:00:00') RETURNING *
-- # m048
UPDATE orders o LEFT JOIN customers c ON c.id = o.customer_id AND c.vip SET o.note = c.name WHERE o.status = 'new'
-- # m049
UPDATE orders o JOIN currencies cur ON cur.code = o.currency_code SET o.total = o.total * cur.rate_to_eur WHERE o.currency_code <> 'EUR'
-- # m050
UPDATE orders, customers SET orders.note = customers.email WHERE customers.id = orders.customer_id AND customers.country_code = 'US'
-- # m051
UPDATE orders o JOIN customers c ON c.id = o.customer_id SET note = name, vip = TRUE WHERE o.total > 100
-- # m052
UPDATE customers e JOIN customers m ON m.id = e.manager_id SET e.country_code = m.country_code WHERE e.country_code IS NULL OR e.country_code <> m.country_code
-- # m053
UPDATE orders o RIGHT JOIN customers c ON c.id = o.customer_id SET c.vip = TRUE WHERE o.id IS NULL
-- # m054 params=held|US
UPDATE orders o JOIN customers c ON c.id = o.customer_id SET o.status = ? WHERE c.country_code = ?
-- # m055
DELETE o, i FROM orders o JOIN order_items i ON i.order_id = o.id WHERE o.status = 'cancelled'
-- # m056
DELETE FROM i USING order_items i, orders o WHERE o.id = i.order_id AND o.status = 'new'
-- # m057
DELETE c FROM customers c LEFT JOIN orders o ON o.customer_id = c.id WHERE o.id IS NULL
-- # m058
DELETE i FROM order_items i, products p, countries co WHERE p.id = i.product_id AND p.category = 'home' AND co.code = 'FR'
-- # m059
INSERT INTO customers SET id = 40, email = 'set@example.com', name = 'Set Form', created_at = TIMESTAMP '2024-06-01 00:00:00'
-- # m060
INSERT INTO products SET id = 6, sku = 'HM-001', name = 'Coffee Mug', price = 9.25, stock = 1, category = 'home' ON DUPLICATE KEY UPDATE stock = products.stock + 1, price = 9.25
-- # m061
INSERT INTO order_items SET order_id = 3, line_no = 2, product_id = (SELECT id FROM products WHERE sku = 'BK-001'), qty = 1, unit_price = 12.50
