-- Statements that run unchanged on H2, PostgreSQL and MariaDB.
-- Entry header: "-- # <id> [ordered] [only=h2,postgresql,mariadb] [params=v1|v2|...]"; params take the rest
-- of the line. The statement follows until the next header. "ordered" means the row order is fully determined by ORDER BY.
-- # c001
SELECT id, email, name FROM customers
-- # c002 ordered
SELECT id, name, country_code FROM customers WHERE vip = TRUE ORDER BY id
-- # c003 ordered
SELECT * FROM products ORDER BY id
-- # c004 ordered params=3
SELECT o.id, o.total FROM orders o WHERE o.customer_id = ? ORDER BY o.id
-- # c005 params=books|20
SELECT name, price FROM products WHERE category = ? AND price > ?
-- # c006 ordered
SELECT c.name, o.id AS order_id, o.total FROM customers c INNER JOIN orders o ON o.customer_id = c.id ORDER BY o.id
-- # c007 ordered
SELECT c.id, c.name, o.id AS order_id FROM customers c LEFT JOIN orders o ON o.customer_id = c.id ORDER BY c.id, o.id
-- # c008 ordered
SELECT c.id, c.name, co.name AS country FROM customers c LEFT OUTER JOIN countries co ON co.code = c.country_code ORDER BY c.id
-- # c009 ordered
SELECT co.code, c.id FROM customers c RIGHT JOIN countries co ON co.code = c.country_code ORDER BY co.code, c.id
-- # c010 ordered
SELECT cur.code, p.sku FROM currencies cur CROSS JOIN products p WHERE p.price > 50 ORDER BY cur.code, p.sku
-- # c011 ordered
SELECT e.name AS employee, m.name AS manager FROM customers e JOIN customers m ON m.id = e.manager_id ORDER BY e.id
-- # c012 ordered
SELECT o.id, c.name, p.name AS product, i.qty, i.unit_price
FROM orders o
JOIN customers c ON c.id = o.customer_id
JOIN order_items i ON i.order_id = o.id
JOIN products p ON p.id = i.product_id
ORDER BY o.id, i.line_no
-- # c013
SELECT c.name, cur.name AS currency, o.total
FROM orders o
JOIN customers c ON c.id = o.customer_id
LEFT JOIN countries co ON co.code = c.country_code
JOIN currencies cur ON cur.code = o.currency_code
WHERE co.code IS NOT NULL
-- # c014
SELECT customers.name, orders.total FROM customers, orders WHERE orders.customer_id = customers.id AND orders.status = 'shipped'
-- # c015
SELECT p.name FROM products p LEFT JOIN order_items i ON i.product_id = p.id WHERE i.order_id IS NULL
-- # c016
SELECT c.name FROM customers c LEFT JOIN orders o ON o.customer_id = c.id AND o.status = 'new' WHERE o.id IS NULL
-- # c017
SELECT c.name AS customer, p.name AS product FROM customers c JOIN products p USING (id)
-- # c081
SELECT i.line_no, i.qty, o.status FROM order_items i NATURAL JOIN (SELECT id AS order_id, status FROM orders) o
-- # c018
SELECT name, (SELECT COUNT(*) FROM orders o WHERE o.customer_id = c.id) AS order_count FROM customers c
-- # c019
SELECT name FROM customers WHERE id IN (SELECT customer_id FROM orders WHERE total > 100)
-- # c020
SELECT name FROM customers WHERE id NOT IN (SELECT customer_id FROM orders)
-- # c021
SELECT c.name FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.status = 'delivered')
-- # c022
SELECT c.name FROM customers c WHERE NOT EXISTS (SELECT * FROM orders o WHERE o.customer_id = c.id)
-- # c023
SELECT o.id, o.total FROM orders o WHERE o.total > (SELECT AVG(o2.total) FROM orders o2 WHERE o2.customer_id = o.customer_id)
-- # c024
SELECT t.customer_id, t.spent FROM (SELECT customer_id, SUM(total) AS spent FROM orders GROUP BY customer_id) t WHERE t.spent > 50
-- # c025
SELECT x.name, x.cnt FROM (SELECT c.name, COUNT(o.id) AS cnt FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id, c.name) AS x JOIN (SELECT MAX(total) AS m FROM orders) y ON y.m > 0
-- # c026
SELECT p.name FROM products p WHERE p.price > ALL (SELECT i.unit_price FROM order_items i WHERE i.qty > 1)
-- # c027
SELECT p.name FROM products p WHERE p.id = ANY (SELECT product_id FROM order_items WHERE qty >= 2)
-- # c028
SELECT o.id FROM orders o WHERE (o.customer_id, o.status) IN (SELECT c.id, 'new' FROM customers c WHERE c.vip = FALSE)
-- # c029
SELECT status, COUNT(*) AS n, SUM(total) AS amount, MIN(total) AS smallest, MAX(total) AS largest FROM orders GROUP BY status
-- # c030
SELECT customer_id, COUNT(*) FROM orders GROUP BY customer_id HAVING COUNT(*) > 1
-- # c031
SELECT c.country_code, COUNT(DISTINCT o.customer_id) AS buyers, AVG(o.total) AS avg_total FROM orders o JOIN customers c ON c.id = o.customer_id GROUP BY c.country_code HAVING AVG(o.total) > 20
-- # c032
SELECT category, SUM(CASE WHEN stock = 0 THEN 1 ELSE 0 END) AS sold_out, SUM(stock * price) AS stock_value FROM products GROUP BY category
-- # c033
SELECT COUNT(*), COUNT(note), COUNT(DISTINCT currency_code) FROM orders
-- # c034 ordered
SELECT id, name FROM products ORDER BY price DESC, id LIMIT 3
-- # c035 ordered
SELECT id, name FROM products ORDER BY id LIMIT 3 OFFSET 2
-- # c036 ordered
SELECT id FROM orders ORDER BY placed_at DESC, id OFFSET 1 ROWS FETCH FIRST 4 ROWS ONLY
-- # c037 ordered
SELECT id, email FROM customers ORDER BY id FETCH FIRST 2 ROWS ONLY
-- # c038 ordered params=2|1
SELECT id FROM products ORDER BY id LIMIT ? OFFSET ?
-- # c039
SELECT customer_id FROM orders WHERE status = 'new' UNION SELECT customer_id FROM orders WHERE total > 100
-- # c040
SELECT country_code FROM customers UNION ALL SELECT code FROM countries
-- # c041
SELECT customer_id FROM orders INTERSECT SELECT id FROM customers WHERE vip = TRUE
-- # c042
SELECT code FROM countries EXCEPT SELECT country_code FROM customers
-- # c043
SELECT id, CASE status WHEN 'new' THEN 'open' WHEN 'shipped' THEN 'open' ELSE 'closed' END AS state FROM orders
-- # c044
SELECT id, CASE WHEN total >= 100 THEN 'large' WHEN total >= 20 THEN 'medium' ELSE 'small' END AS size FROM orders
-- # c045
SELECT id, customer_id, total, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY placed_at, id) AS rn FROM orders
-- # c046
SELECT id, total, RANK() OVER (ORDER BY total DESC) AS rnk, DENSE_RANK() OVER (ORDER BY total DESC) AS drnk FROM orders
-- # c047
SELECT id, customer_id, SUM(total) OVER (PARTITION BY customer_id ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running FROM orders
-- # c048
SELECT id, LAG(total) OVER (ORDER BY id) AS prev_total, LEAD(total, 1) OVER (ORDER BY id) AS next_total FROM orders
-- # c049
SELECT t.customer_id, t.id FROM (SELECT customer_id, id, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY total DESC, id) AS rn FROM orders) t WHERE t.rn = 1
-- # c050
SELECT category, name, price, AVG(price) OVER (PARTITION BY category) AS category_avg, COUNT(*) OVER () AS total_products FROM products
-- # c051
WITH big AS (SELECT customer_id, total FROM orders WHERE total > 50) SELECT c.name, b.total FROM big b JOIN customers c ON c.id = b.customer_id
-- # c052
WITH spent AS (SELECT customer_id, SUM(total) AS s FROM orders GROUP BY customer_id), ranked AS (SELECT customer_id, s FROM spent WHERE s > 30) SELECT c.email, r.s FROM ranked r JOIN customers c ON c.id = r.customer_id
-- # c053
WITH RECURSIVE chain (id, name, manager_id, depth) AS (
  SELECT id, name, manager_id, 0 FROM customers WHERE manager_id IS NULL
  UNION ALL
  SELECT c.id, c.name, c.manager_id, ch.depth + 1 FROM customers c JOIN chain ch ON c.manager_id = ch.id
)
SELECT id, name, depth FROM chain
-- # c054 only=postgresql,mariadb
WITH orders AS (SELECT id, name FROM customers WHERE vip = TRUE) SELECT id, name FROM orders
-- # c055 only=postgresql,mariadb
WITH order_items AS (SELECT order_id, COUNT(*) AS n FROM order_items GROUP BY order_id) SELECT o.id, x.n FROM orders o JOIN order_items x ON x.order_id = o.id
-- # c056
SELECT id, name FROM customers -- only the long-standing ones
WHERE created_at < TIMESTAMP '2024-03-01 00:00:00'
-- # c057
/* catalogue: cheap things */ SELECT name /* the label */, price FROM products WHERE price < 10
-- # c058
SELECT name FROM customers WHERE name = 'Siobhán O''Brien'
-- # c059
SELECT id FROM orders WHERE note = 'it''s fragile' OR note LIKE '%before, ring%'
-- # c060
SELECT email FROM customers WHERE email LIKE 'pct!%%' ESCAPE '!'
-- # c061
SELECT name FROM customers WHERE name LIKE '%!_%' ESCAPE '!'
-- # c062
SELECT id, CAST(total AS DECIMAL(10,1)) AS rounded, CAST(customer_id AS CHAR(4)) AS cid FROM orders
-- # c063
SELECT id, EXTRACT(YEAR FROM placed_at) AS y, EXTRACT(MONTH FROM placed_at) AS m FROM orders WHERE placed_at BETWEEN TIMESTAMP '2024-03-01 00:00:00' AND TIMESTAMP '2024-04-06 00:00:00'
-- # c064
SELECT id FROM orders WHERE placed_at >= DATE '2024-04-01' AND placed_at < CURRENT_DATE
-- # c065
SELECT id, COALESCE(note, '-') AS note, NULLIF(status, 'new') AS status FROM orders
-- # c066
SELECT UPPER(name), LOWER(sku), CHAR_LENGTH(name), SUBSTRING(sku FROM 1 FOR 2), TRIM('  x  '), CONCAT(sku, '/', category) FROM products
-- # c067
SELECT id, ROUND(total * 1.19, 2) AS gross, ABS(total - 50), MOD(id, 3) FROM orders
-- # c068 params=100
SELECT o.id, o.total * cur.rate_to_eur AS eur FROM orders o JOIN currencies cur ON cur.code = o.currency_code WHERE o.total * cur.rate_to_eur > ?
-- # c069 params=2024-04-01
SELECT id FROM orders WHERE placed_at > CAST(? AS DATE)
-- # c070
SELECT DISTINCT category FROM products
-- # c071
SELECT DISTINCT c.country_code FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.country_code IS NOT NULL
-- # c072
SELECT 1
-- # c073
SELECT COUNT(*) FROM countries
-- # c074
SELECT c.name, (SELECT MAX(o.placed_at) FROM orders o WHERE o.customer_id = c.id) AS last_order, (SELECT name FROM countries WHERE code = c.country_code) AS country FROM customers c
-- # c075
SELECT p.category, COUNT(i.order_id) FROM products p LEFT JOIN order_items i ON i.product_id = p.id LEFT JOIN orders o ON o.id = i.order_id AND o.status <> 'cancelled' GROUP BY p.category
-- # c076
SELECT a.id, b.id FROM orders a JOIN orders b ON a.customer_id = b.customer_id AND a.id < b.id
-- # c077 only=postgresql
SELECT c.id, co.code FROM customers c FULL OUTER JOIN countries co ON co.code = c.country_code
-- # c078
SELECT p.sku FROM products p WHERE p.id IN (1, 3, 5) AND p.category NOT IN ('home')
-- # c079
SELECT * FROM orders WHERE note IS NULL AND status <> 'cancelled'
-- # c080 params=ada@example.com
SELECT id, name, vip FROM customers WHERE email = ?
-- # c090
INSERT INTO customers (id, email, name, country_code, birth_date, created_at, vip) VALUES (11, 'new@example.com', 'New Customer', 'DE', DATE '1990-01-01', TIMESTAMP '2024-06-01 12:00:00', FALSE)
-- # c091 params=12|dup@example.com|Param Person
INSERT INTO customers (id, email, name, created_at) VALUES (?, ?, ?, TIMESTAMP '2024-06-02 08:00:00')
-- # c092
INSERT INTO orders (customer_id, status, total, currency_code, placed_at) VALUES (9, 'new', 15.00, 'CHF', TIMESTAMP '2024-06-03 09:00:00')
-- # c093
INSERT INTO orders (customer_id, status, total, currency_code, placed_at, note) VALUES (1, 'new', 1.00, 'EUR', TIMESTAMP '2024-06-04 10:00:00', 'a; b'), (2, 'new', 2.00, 'EUR', TIMESTAMP '2024-06-04 10:05:00', '-- not a comment')
-- # c094
INSERT INTO order_items (order_id, line_no, product_id, qty, unit_price) SELECT 3, 2, id, 1, price FROM products WHERE sku = 'HM-001'
-- # c095
INSERT INTO products (id, sku, name, price, stock, category) SELECT id + 100, CONCAT(sku, '-B'), CONCAT(name, ' (bundle)'), price * 2, 0, category FROM products WHERE category = 'books'
-- # c096
INSERT INTO order_items (order_id, line_no, product_id, qty, unit_price) VALUES (3, 5, 9, 3, 15.00)
-- # c097 params=4|5
UPDATE products SET stock = stock - ? WHERE id = ?
-- # c098
UPDATE orders SET status = 'cancelled' WHERE status = 'new' AND placed_at < TIMESTAMP '2024-03-01 00:00:00'
-- # c099
UPDATE orders SET total = (SELECT SUM(i.qty * i.unit_price) FROM order_items i WHERE i.order_id = orders.id) WHERE EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = orders.id)
-- # c100
UPDATE customers SET vip = TRUE WHERE id IN (SELECT customer_id FROM orders GROUP BY customer_id HAVING SUM(total) > 100)
-- # c101
UPDATE products SET price = CASE WHEN category = 'books' THEN price * 0.9 ELSE price END, stock = stock + 10 WHERE stock < 20
-- # c102
UPDATE orders SET note = 'converted' WHERE currency_code IN (SELECT code FROM currencies WHERE rate_to_eur > 1)
-- # c103
UPDATE customers SET country_code = NULL WHERE country_code NOT IN (SELECT code FROM countries)
-- # c104
UPDATE orders SET note = CONCAT(COALESCE(note, ''), ' [checked]')
-- # c105
DELETE FROM order_items WHERE order_id IN (SELECT id FROM orders WHERE status = 'cancelled')
-- # c106
DELETE FROM orders WHERE status = 'cancelled'
-- # c107
DELETE FROM customers WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = customers.id)
-- # c108 params=9
DELETE FROM products WHERE id = ?
-- # c109
DELETE FROM order_items WHERE qty * unit_price < 10
-- # c110
UPDATE order_items SET unit_price = (SELECT p.price FROM products p WHERE p.id = order_items.product_id) WHERE line_no = 2
-- # c111
INSERT INTO order_items VALUES (3, 9, 9, 1, 15.00)
-- # c112
INSERT INTO order_items SELECT order_id, 9, product_id, qty, unit_price FROM order_items WHERE line_no = 1 AND order_id < 3
-- # c113
SELECT orders.name FROM customers AS orders WHERE orders.vip = TRUE
-- # c114 only=h2,postgresql
UPDATE customers SET manager_id = NULL WHERE manager_id IN (SELECT id FROM customers WHERE vip = FALSE)
-- # c115 ordered
SELECT t.id, t.total FROM (SELECT id, total FROM orders ORDER BY total DESC, id LIMIT 3) t ORDER BY t.total DESC, t.id
-- # c116
INSERT INTO products (id, sku, name, price, stock, category) SELECT 200 + ROW_NUMBER() OVER (ORDER BY code), CONCAT('CUR-', code), name, rate_to_eur, 0, 'currency' FROM currencies
-- # c117 params=1|3|70
SELECT id, status FROM orders WHERE id IN (?, ?, ?)
-- # c118
SELECT c.name, COUNT(*) AS n FROM customers c JOIN orders o ON o.customer_id = c.id JOIN order_items i ON i.order_id = o.id WHERE i.product_id IN (SELECT id FROM products WHERE category = 'books') GROUP BY c.name HAVING COUNT(*) >= 1
-- # c119
SELECT o.id FROM orders o WHERE EXISTS (SELECT 1 FROM order_items o WHERE o.order_id = 3 AND o.qty = 1)
-- # c120
SELECT c.name, o.id, i.line_no FROM (customers c JOIN orders o ON o.customer_id = c.id) LEFT JOIN order_items i ON i.order_id = o.id
-- # c121
SELECT co.code, (SELECT COUNT(*) FROM customers c WHERE c.country_code = co.code) AS customers FROM countries co
-- # c122
SELECT c.name, o.total FROM customers c LEFT JOIN orders o ON o.customer_id = c.id AND o.total = (SELECT MAX(o2.total) FROM orders o2 WHERE o2.customer_id = c.id)
-- # c123
SELECT * FROM order_items NATURAL JOIN orders
-- # c124
SELECT * FROM customers c JOIN orders o ON o.customer_id = c.id WHERE o.id = 4
-- # c125
INSERT INTO customers (id, email, name, created_at) SELECT 100 + id, CONCAT('copy-', email), name, created_at FROM customers WHERE vip = TRUE UNION ALL SELECT 200, 'union@example.com', 'Union', TIMESTAMP '2024-08-01 00:00:00' FROM countries WHERE code = 'DE'
-- # c126 ordered params=0|1|1|5
SELECT customer_id, COUNT(*) + ? AS n FROM orders WHERE total > ? GROUP BY customer_id HAVING COUNT(*) >= ? ORDER BY customer_id LIMIT ?
-- # c127 only=h2,postgresql
DELETE FROM orders WHERE id IN (SELECT MAX(id) FROM orders GROUP BY customer_id HAVING COUNT(*) > 1)
-- # c128 only=h2,postgresql
INSERT INTO orders (id, customer_id, status, total, currency_code, placed_at) SELECT MAX(id) + 1, 1, 'new', 0, 'EUR', TIMESTAMP '2024-09-01 00:00:00' FROM orders
-- # c129
SELECT MAX(id), MIN(total), COUNT(*) FROM orders
-- # c130
UPDATE products SET stock = 0 WHERE id IN (SELECT product_id FROM (SELECT product_id FROM order_items WHERE qty > 1) x)
-- # c131
SELECT id FROM orders WHERE placed_at > {ts '2024-04-01 00:00:00'}
-- # c132 ordered params=1|0|10
select o1_0.id,o1_0.customer_id,o1_0.total from orders o1_0 where o1_0.customer_id=? order by o1_0.id offset ? rows fetch first ? rows only
-- # c133 params=9|2|15.00|3|2
insert into order_items (product_id,qty,unit_price,order_id,line_no) values (?,?,?,?,?)
-- # c134 params=Ada Byron|GB|1
update customers set name=?,country_code=? where id=?
-- # c135 params=4|2
delete from order_items where order_id=? and line_no=?
-- # c136 params=3
select c1_0.id,c1_0.name,o1_0.id,o1_0.total from customers c1_0 left join orders o1_0 on c1_0.id=o1_0.customer_id where c1_0.id=?
-- # c137 params=2
select count(*) from order_items oi1_0 join orders o1_0 on o1_0.id=oi1_0.order_id where o1_0.customer_id=? and oi1_0.qty>1
-- # c138 ordered
SELECT o.*, c.name FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY o.id
-- # c139 ordered
SELECT * FROM customers c LEFT JOIN countries k ON k.code = c.country_code LEFT JOIN orders o ON o.customer_id = c.id AND o.status = 'new' ORDER BY c.id, o.id
-- # c140
SELECT * FROM order_items JOIN products ON products.id = order_items.product_id WHERE order_items.qty > 1
-- # c141
SELECT c.name, x.* FROM customers c JOIN (SELECT * FROM orders WHERE status = 'new') x ON x.customer_id = c.id
-- # c142
SELECT * FROM orders JOIN (SELECT id AS customer_id, email FROM customers) c USING (customer_id) WHERE total > 50
-- # c143
SELECT * FROM products p WHERE EXISTS (SELECT * FROM order_items i WHERE i.product_id = p.id AND i.qty > 2)
