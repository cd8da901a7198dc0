-- More MariaDB statements in application shapes (jOOQ, Hibernate's MariaDB dialect, MyBatis). Header format as in common.sql.
-- # um01 ordered params=new|2|1
select `orders`.`id`, `orders`.`total` from `orders` where `orders`.`status` = ? order by `orders`.`id` limit ? offset ?
-- # um02 ordered params=2|3
SELECT id FROM orders ORDER BY id LIMIT ?, ?
-- # um03 ordered params=1|2
select o1_0.id,o1_0.total from orders o1_0 order by o1_0.id limit ?,?
-- # um04
INSERT INTO products (id, sku, name, price, stock, category) VALUES (1, 'BK-001', 'SQL Primer', 11.00, 5, 'books'), (25, 'EL-025', 'Webcam', 59.00, 4, 'electronics') ON DUPLICATE KEY UPDATE stock = stock + VALUES(stock), price = VALUES(price)
-- # um05 params=1|1|1|3|12.50
insert into order_items (order_id, line_no, product_id, qty, unit_price) values (?, ?, ?, ?, ?) on duplicate key update qty = qty + values(qty)
-- # um06
INSERT IGNORE INTO customers (id, email, name, created_at) VALUES (1, 'x@example.com', 'Dup Id', '2024-06-01 00:00:00'), (33, 'ignore@example.com', 'Ignored Not', '2024-06-01 00:00:00')
-- # um07
INSERT IGNORE INTO order_items (order_id, line_no, product_id, qty, unit_price) SELECT order_id, 1, product_id, qty, unit_price FROM order_items WHERE line_no = 2
-- # um08
REPLACE INTO order_items (order_id, line_no, product_id, qty, unit_price) SELECT 4, line_no, product_id, qty + 1, unit_price FROM order_items WHERE order_id = 4
-- # um09
UPDATE orders SET note = 'oldest' WHERE status <> 'cancelled' ORDER BY placed_at LIMIT 3
-- # um10
DELETE FROM orders WHERE status = 'new' ORDER BY placed_at DESC LIMIT 1
-- # um11
SELECT c.country_code, GROUP_CONCAT(DISTINCT o.status ORDER BY o.status) AS statuses FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.country_code
-- # um12
SELECT id, IFNULL(country_code, '--') AS cc, CONCAT_WS(' / ', name, email) AS label FROM customers
-- # um13
SELECT o.`status`, COUNT(*) AS `count` FROM `orders` AS o GROUP BY o.`status`
-- # um14 ordered
SELECT id FROM orders WHERE status = 'new' ORDER BY id LIMIT 2 FOR UPDATE SKIP LOCKED
-- # um15 ordered
SELECT DATE_FORMAT(placed_at, '%Y-%m') AS month, COUNT(*) AS n, ROUND(SUM(total), 2) AS revenue FROM orders GROUP BY DATE_FORMAT(placed_at, '%Y-%m') ORDER BY month
-- # um16
UPDATE products SET stock = GREATEST(stock - 1, 0) WHERE id IN (SELECT product_id FROM order_items WHERE order_id = 7)
-- # um17
INSERT INTO orders (customer_id, status, total, currency_code, placed_at) VALUES (1, 'new', 9.99, 'EUR', '2024-06-01 00:00:00')
-- # um18 ordered
SELECT id, status FROM orders ORDER BY FIELD(status, 'new', 'shipped', 'delivered', 'cancelled'), id LIMIT 0, 5
-- # um19
DELETE FROM order_items WHERE (order_id, line_no) IN ((4, 2), (8, 2))
-- # um20
INSERT INTO order_items (order_id, line_no, product_id, qty, unit_price) SELECT 2, 1, id, 1, price FROM products WHERE id = 2 ON DUPLICATE KEY UPDATE unit_price = VALUES(unit_price)
-- # um21
UPDATE customers SET vip = NOT vip WHERE id = 2
-- # um22
SELECT id, JSON_VALUE(attrs, '$.format') AS format, JSON_LENGTH(attrs, '$.tags') AS tags FROM products WHERE JSON_CONTAINS_PATH(attrs, 'one', '$.tags')
-- # um23 ordered
SELECT SQL_CALC_FOUND_ROWS id FROM orders ORDER BY id LIMIT 3
-- # um24
SELECT `c`.`id`, `c`.`name`, (SELECT COUNT(*) FROM `orders` `o` WHERE `o`.`customer_id` = `c`.`id`) AS `orders_count` FROM `customers` `c`
-- # um25
UPDATE `products` SET `stock` = `stock` + 5, `price` = `price` * 1.05 WHERE `category` = 'books' AND `stock` < 50
-- # um26
INSERT INTO `customers` (`id`, `email`, `name`, `created_at`) VALUES (34, 'tick@example.com', 'Back Tick', '2024-06-01 00:00:00')
-- # um27
select c1_0.id from customers c1_0 where lower(c1_0.name) like lower('%ada%') escape '\\'
-- # um28
SELECT id, IF(stock = 0, 'sold out', IF(stock < 10, 'low', 'ok')) AS availability FROM products
-- # um29
DELETE FROM customers WHERE id NOT IN (SELECT customer_id FROM orders) AND vip = FALSE
-- # um30
SELECT id, total FROM orders WHERE placed_at >= '2024-04-01' AND placed_at < '2024-05-01' + INTERVAL 0 DAY
-- # um31
SELECT id FROM orders FORCE INDEX (PRIMARY) WHERE id > 3
-- # um32
UPDATE LOW_PRIORITY products SET stock = stock + 1 WHERE id = 1
-- # um33
SELECT SQL_NO_CACHE COUNT(*) FROM order_items WHERE qty > 0
-- # um34
DELETE QUICK FROM order_items WHERE order_id = 12
-- # um35 ordered
SELECT id FROM orders WHERE total >= 55--1
ORDER BY id
-- # um36
UPDATE products SET stock = stock--1
WHERE id = 4
