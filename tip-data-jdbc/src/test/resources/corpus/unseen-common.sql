-- More statements in the shapes applications send: Hibernate 6/7, Spring Data, MyBatis and hand-written
-- reports. They run on H2, PostgreSQL and MariaDB unless a header says otherwise. Header format as in common.sql.
-- # u001 params=2
select o1_0.id,o1_0.currency_code,o1_0.customer_id,o1_0.note,o1_0.placed_at,o1_0.status,o1_0.total from orders o1_0 where o1_0.id=?
-- # u002 params=ada@example.com
select c1_0.id,c1_0.birth_date,c1_0.country_code,c1_0.created_at,c1_0.email,c1_0.manager_id,c1_0.name,c1_0.vip from customers c1_0 where c1_0.email=?
-- # u003 ordered params=2|3
select p1_0.id,p1_0.category,p1_0.name,p1_0.price,p1_0.sku,p1_0.stock from products p1_0 order by p1_0.price desc,p1_0.id offset ? rows fetch first ? rows only
-- # u004 ordered params=3
select p1_0.id,p1_0.name from products p1_0 order by p1_0.id fetch first ? rows only
-- # u005 params=EUR|3|hibernate|new|12.50|500
insert into orders (currency_code,customer_id,note,placed_at,status,total,id) values (?,?,?,timestamp '2024-06-01 10:00:00',?,?,?)
-- # u006 params=Desk Lamp Pro|26.00|11|7|12
update products set name=?,price=?,stock=? where id=? and stock=?
-- # u007 params=shipped|26.00|1|25.00
update orders set status=?,total=? where id=? and total=?
-- # u008 params=8
delete from order_items where order_id=?
-- # u009 params=10
delete from customers where id=?
-- # u010 ordered params=US
select o1_0.id,c1_0.id,c1_0.email,c1_0.name,o1_0.status,o1_0.total from orders o1_0 join customers c1_0 on c1_0.id=o1_0.customer_id where c1_0.country_code=? order by o1_0.id
-- # u011 params=100
select c1_0.id,c1_0.name from customers c1_0 where exists(select 1 from orders o1_0 where o1_0.customer_id=c1_0.id and o1_0.total>?)
-- # u012 params=new
select count(o1_0.id) from orders o1_0 where o1_0.status=?
-- # u013 ordered params=GB
select c1_0.id,c1_0.name,o1_0.customer_id,o1_0.id,o1_0.total from customers c1_0 left join orders o1_0 on c1_0.id=o1_0.customer_id where c1_0.country_code=? order by c1_0.id,o1_0.id
-- # u014 params=4
select oi1_0.order_id,oi1_0.line_no,oi1_0.product_id,p1_0.id,p1_0.name,oi1_0.qty,oi1_0.unit_price from order_items oi1_0 join products p1_0 on p1_0.id=oi1_0.product_id where oi1_0.order_id=?
-- # u015 params=1|2|3|99
select p1_0.id,p1_0.sku from products p1_0 where p1_0.id in (?,?,?,?)
-- # u016 params=shipped|5|new
update orders set status=? where customer_id=? and status=?
-- # u017 params=home
delete from order_items where product_id in (select p1_0.id from products p1_0 where p1_0.category=?)
-- # u018 params=1
select c1_0.country_code,count(o1_0.id),sum(o1_0.total) from orders o1_0 join customers c1_0 on c1_0.id=o1_0.customer_id group by c1_0.country_code having count(o1_0.id)>?
-- # u019 params=50
select o1_0.id,case when o1_0.total>=? then 'big' else 'small' end from orders o1_0
-- # u020
select c1_0.id,(select max(o1_0.total) from orders o1_0 where o1_0.customer_id=c1_0.id) from customers c1_0
-- # u021 only=h2,postgresql params=%ada%
select c1_0.id from customers c1_0 where lower(c1_0.name) like lower(?) escape '\'
-- # u022 ordered
select c1_0.id,c1_0.email from customers c1_0 where c1_0.vip=true and c1_0.created_at>=timestamp '2024-02-01 00:00:00' order by c1_0.created_at desc
-- # u023 params=ken@example.com|1
select c1_0.id from customers c1_0 where c1_0.email=? fetch first ? rows only
-- # u024 ordered params=US
SELECT id, email, name FROM customers WHERE 1=1 AND country_code = ? AND vip = FALSE ORDER BY id
-- # u025 ordered
SELECT id, status, total
  FROM orders
 WHERE status IN ('new', 'shipped')
   AND customer_id IN (1, 2, 3)
 ORDER BY id
-- # u026 params=5|13.00|BK-001
UPDATE products SET stock = stock + ?, price = ? WHERE sku = ?
-- # u027
SELECT customer_id, id, total, total - AVG(total) OVER (PARTITION BY customer_id) AS diff, NTILE(3) OVER (ORDER BY total, id) AS bucket FROM orders
-- # u028
SELECT id, placed_at, FIRST_VALUE(id) OVER (PARTITION BY customer_id ORDER BY placed_at) AS first_order, COUNT(*) OVER (PARTITION BY currency_code) AS same_ccy FROM orders
-- # u029
SELECT category, name, price, PERCENT_RANK() OVER (PARTITION BY category ORDER BY price) AS pr, CUME_DIST() OVER (ORDER BY price) AS cd FROM products
-- # u030
SELECT category, name, price FROM (SELECT p.*, ROW_NUMBER() OVER (PARTITION BY category ORDER BY price DESC, id) AS rn FROM products p) ranked WHERE rn <= 2
-- # u031 ordered
SELECT EXTRACT(YEAR FROM o.placed_at) AS y, EXTRACT(MONTH FROM o.placed_at) AS m, COUNT(*) AS n, SUM(o.total * cur.rate_to_eur) AS eur
FROM orders o JOIN currencies cur ON cur.code = o.currency_code
WHERE o.status <> 'cancelled'
GROUP BY EXTRACT(YEAR FROM o.placed_at), EXTRACT(MONTH FROM o.placed_at)
HAVING SUM(o.total) > 10
ORDER BY y, m
-- # u032
SELECT CASE WHEN total < 20 THEN 'S' WHEN total < 100 THEN 'M' ELSE 'L' END AS band, COUNT(*) FROM orders GROUP BY CASE WHEN total < 20 THEN 'S' WHEN total < 100 THEN 'M' ELSE 'L' END
-- # u033
SELECT name FROM customers WHERE id IN (SELECT customer_id FROM orders WHERE id IN (SELECT order_id FROM order_items WHERE product_id IN (SELECT id FROM products WHERE category = 'electronics')))
-- # u034
SELECT p.id FROM products p WHERE p.id NOT IN (SELECT i.product_id FROM order_items i JOIN orders o ON o.id = i.order_id WHERE o.status = 'delivered')
-- # u035
SELECT c.id, c.name FROM customers c WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.status IN ('new', 'shipped')) AND c.manager_id IS NOT NULL
-- # u036
SELECT c.id, COALESCE((SELECT SUM(o.total) FROM orders o WHERE o.customer_id = c.id), 0) AS lifetime, (SELECT COUNT(*) FROM order_items i JOIN orders o2 ON o2.id = i.order_id WHERE o2.customer_id = c.id) AS items FROM customers c
-- # u037
SELECT AVG(t.n) FROM (SELECT customer_id, COUNT(*) AS n FROM orders GROUP BY customer_id) t
-- # u038
SELECT co.name, s.revenue FROM (SELECT c.country_code, SUM(o.total) AS revenue FROM orders o JOIN customers c ON c.id = o.customer_id GROUP BY c.country_code) s LEFT JOIN countries co ON co.code = s.country_code
-- # u039
WITH per_customer AS (SELECT customer_id, COUNT(*) AS n, SUM(total) AS s FROM orders GROUP BY customer_id),
     top_buyers AS (SELECT customer_id FROM per_customer WHERE s > 50)
SELECT c.name, p.n, p.s FROM per_customer p JOIN customers c ON c.id = p.customer_id WHERE p.customer_id IN (SELECT customer_id FROM top_buyers)
-- # u040
WITH t AS (SELECT id, customer_id, total FROM orders) SELECT a.id, b.id FROM t a JOIN t b ON a.customer_id = b.customer_id AND a.id < b.id
-- # u041
WITH RECURSIVE team (id, root) AS (
  SELECT id, id FROM customers WHERE manager_id IS NULL
  UNION ALL
  SELECT c.id, t.root FROM customers c JOIN team t ON c.manager_id = t.id
)
SELECT t.root, COUNT(o.id) FROM team t LEFT JOIN orders o ON o.customer_id = t.id GROUP BY t.root
-- # u042
WITH RECURSIVE d (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM d WHERE n < 12) SELECT d.n, COUNT(o.id) FROM d LEFT JOIN orders o ON o.id = d.n GROUP BY d.n
-- # u043
SELECT product_id FROM order_items WHERE qty > 1 INTERSECT SELECT id FROM products WHERE category = 'books'
-- # u044
SELECT id FROM customers EXCEPT SELECT customer_id FROM orders
-- # u045 ordered
SELECT id, 'order' AS kind FROM orders WHERE total > 100 UNION ALL SELECT id, 'product' FROM products WHERE price > 100 ORDER BY 1, 2
-- # u046
SELECT u.k, COUNT(*) FROM (SELECT country_code AS k FROM customers UNION ALL SELECT code FROM countries) u GROUP BY u.k
-- # u047
SELECT c.id FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.total > 200 UNION SELECT 1 FROM customers m WHERE m.id = c.manager_id AND m.vip = TRUE)
-- # u048 ordered
SELECT id, placed_at FROM orders WHERE placed_at > TIMESTAMP '2024-03-01 00:00:00' OR (placed_at = TIMESTAMP '2024-03-01 00:00:00' AND id > 3) ORDER BY placed_at, id LIMIT 5
-- # u049 ordered
SELECT o.id, c.name, COUNT(*) OVER () AS total_rows FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY o.id LIMIT 4 OFFSET 4
-- # u050 ordered only=h2,postgresql
SELECT id FROM products ORDER BY id OFFSET 6 ROWS
-- # u051 ordered
SELECT DISTINCT o.customer_id FROM orders o JOIN order_items i ON i.order_id = o.id WHERE i.qty >= 1 ORDER BY o.customer_id
-- # u052
SELECT o.status, COUNT(DISTINCT o.customer_id), SUM(CASE WHEN i.qty > 1 THEN 1 ELSE 0 END) FROM orders o LEFT JOIN order_items i ON i.order_id = o.id GROUP BY o.status
-- # u053
SELECT c.id FROM customers c LEFT JOIN countries co ON co.code = c.country_code WHERE co.code IS NULL
-- # u054
SELECT o.id, cur.code FROM orders o RIGHT JOIN currencies cur ON cur.code = o.currency_code AND o.status = 'new'
-- # u055
SELECT e.name, m.name FROM customers e LEFT JOIN customers m ON m.id = e.manager_id
-- # u056
SELECT c.id, x.cnt FROM customers c LEFT JOIN (SELECT customer_id, COUNT(*) AS cnt FROM orders GROUP BY customer_id) x ON x.customer_id = c.id
-- # u057
SELECT p.id, p.price - s.avg_price FROM products p CROSS JOIN (SELECT AVG(price) AS avg_price FROM products) s
-- # u058
SELECT o.id, c.name, cur.name FROM orders o, customers c, currencies cur WHERE c.id = o.customer_id AND cur.code = o.currency_code AND o.total > 50
-- # u059
SELECT id FROM products WHERE price BETWEEN 10 AND 50 AND name LIKE '%a%' AND attrs IS NOT NULL
-- # u060
SELECT customer_id, SUM(total) FROM orders GROUP BY customer_id HAVING SUM(total) > (SELECT AVG(total) FROM orders)
-- # u061 ordered
SELECT c.id FROM customers c ORDER BY (SELECT COUNT(*) FROM orders o WHERE o.customer_id = c.id) DESC, c.id
-- # u062
SELECT id, GREATEST(stock, 10), LEAST(price, 20) FROM products
-- # u063
SELECT COUNT(*) FROM orders o WHERE o.customer_id IN (SELECT c.id FROM customers c WHERE c.country_code IN (SELECT code FROM countries WHERE name LIKE 'United%'))
-- # u064
SELECT o.id FROM orders o WHERE o.total >= ALL (SELECT o2.total FROM orders o2 WHERE o2.customer_id = o.customer_id)
-- # u065
UPDATE orders SET total = total * (SELECT rate_to_eur FROM currencies WHERE code = orders.currency_code), currency_code = 'EUR' WHERE currency_code <> 'EUR'
-- # u066
INSERT INTO products (id, sku, name, price, stock, category) VALUES (21, 'BK-021', 'Graph Theory', 44.00, 3, 'books'), (22, 'BK-022', 'Compilers', 61.50, 2, 'books'), (23, 'HM-023', 'Teapot', 19.90, 10, 'home')
-- # u067
INSERT INTO order_items (order_id, line_no, product_id, qty, unit_price) SELECT o.id, 9, p.id, 1, p.price FROM orders o JOIN products p ON p.sku = 'EL-001' WHERE o.status = 'new'
-- # u068
INSERT INTO customers (id, email, name, created_at) WITH src AS (SELECT id, email, name FROM customers WHERE vip = TRUE) SELECT id + 500, CONCAT('vip-', email), name, TIMESTAMP '2024-09-01 00:00:00' FROM src
-- # u069 params=3|7|2|1|2
INSERT INTO order_items (order_id, line_no, product_id, qty, unit_price) VALUES (?, ?, ?, ?, (SELECT price FROM products WHERE id = ?))
-- # u070
INSERT INTO customers (id, email, name, created_at) SELECT 60, 'guard@example.com', 'Guarded', TIMESTAMP '2024-09-02 00:00:00' FROM countries WHERE code = 'DE' AND NOT EXISTS (SELECT 1 FROM customers WHERE email = 'guard@example.com')
-- # u071
UPDATE orders SET status = CASE WHEN total > 100 THEN 'review' ELSE status END, note = COALESCE(note, 'auto') WHERE customer_id IN (SELECT id FROM customers WHERE vip = FALSE)
-- # u072
UPDATE products SET stock = stock - COALESCE((SELECT SUM(i.qty) FROM order_items i JOIN orders o ON o.id = i.order_id WHERE i.product_id = products.id AND o.status = 'new'), 0)
-- # u073
UPDATE customers SET vip = TRUE WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = customers.id AND EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id AND i.unit_price > 50))
-- # u074
DELETE FROM products WHERE NOT EXISTS (SELECT 1 FROM order_items i WHERE i.product_id = products.id)
-- # u075
DELETE FROM order_items WHERE order_id IN (SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.country_code = 'US')
-- # u076 params=3|10|new
DELETE FROM orders WHERE id IN (?, ?) AND status = ?
-- # u077 params=by email|grace@example.com
UPDATE orders SET note = ? WHERE customer_id = (SELECT id FROM customers WHERE email = ?)
-- # u078 params=4
select p1_0.id,p1_0.stock from products p1_0 where p1_0.id=? for update
-- # u079
SELECT COUNT(*) FROM (SELECT DISTINCT customer_id, currency_code FROM orders) x
-- # u080
SELECT c.id, COALESCE(c.country_code, 'XX'), COALESCE(c.birth_date, DATE '1970-01-01') FROM customers c
-- # u081
SELECT id FROM customers WHERE UPPER(SUBSTRING(email FROM 1 FOR 1)) IN ('A', 'G') OR LOWER(name) LIKE '%wirth%'
-- # u082
SELECT order_id, line_no, qty FROM order_items WHERE (order_id, line_no) IN ((4, 2), (8, 1), (11, 2))
-- # u083
SELECT z.c FROM (SELECT y.customer_id AS c, y.n FROM (SELECT customer_id, COUNT(*) AS n FROM orders GROUP BY customer_id) y WHERE y.n > 1) z
-- # u084
SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id AND c.country_code IN (SELECT code FROM countries WHERE code <> 'JP')
-- # u085
SELECT c.id, o.id FROM customers c LEFT JOIN orders o ON o.customer_id = c.id AND o.total = (SELECT MAX(total) FROM orders)
-- # u086
SELECT name FROM customers WHERE id = (SELECT customer_id FROM orders ORDER BY total DESC, id LIMIT 1)
-- # u087
SELECT p.id FROM products p WHERE EXISTS (SELECT 1 FROM order_items i JOIN orders o ON o.id = i.order_id JOIN currencies cur ON cur.code = o.currency_code WHERE i.product_id = p.id AND cur.rate_to_eur > 1)
-- # u088
SELECT c.id, o.id, i.line_no FROM customers c LEFT JOIN orders o ON o.customer_id = c.id LEFT JOIN order_items i ON i.order_id = o.id WHERE i.qty IS NULL OR i.qty > 1
-- # u089
UPDATE order_items SET qty = qty * 2, unit_price = unit_price / 2 WHERE order_id = 10
-- # u090 params=6|9
delete from products where id in (?,?)
-- # u091 ordered
select c1_0.name,sum(o1_0.total) from customers c1_0 join orders o1_0 on c1_0.id=o1_0.customer_id group by c1_0.id,c1_0.name order by sum(o1_0.total) desc,c1_0.id
-- # u092
SELECT o.customer_id, o.id FROM orders o WHERE o.placed_at = (SELECT MAX(o2.placed_at) FROM orders o2 WHERE o2.customer_id = o.customer_id)
-- # u093
SELECT * FROM currencies WHERE code IN (SELECT currency_code FROM orders)
-- # u094
SELECT o.*, (SELECT COUNT(*) FROM order_items i WHERE i.order_id = o.id) AS line_count FROM orders o WHERE o.status = 'shipped'
-- # u095
SELECT c.*, co.name AS country FROM customers c JOIN countries co ON co.code = c.country_code WHERE c.vip = TRUE
-- # u096
INSERT INTO customers (id, email, name, country_code, birth_date, created_at, vip, manager_id) VALUES (70, 'nulls@example.com', 'Null Person', NULL, NULL, TIMESTAMP '2024-10-01 00:00:00', DEFAULT, NULL)
-- # u097
INSERT INTO orders (customer_id, status, total, currency_code, placed_at) SELECT id, 'new', 0, 'EUR', TIMESTAMP '2024-10-02 00:00:00' FROM customers WHERE vip = TRUE
-- # u098
UPDATE products SET stock = stock + 1
-- # u099
DELETE FROM order_items
-- # u100
SELECT o.id FROM orders o LEFT JOIN customers c ON c.id = o.customer_id WHERE c.vip = TRUE OR o.total > 100
-- # u101 ordered
SELECT id, name FROM products WHERE id IN (SELECT product_id FROM order_items GROUP BY product_id HAVING SUM(qty) >= 2) ORDER BY id
-- # u102
SELECT products.order_id, products.line_no FROM order_items products JOIN orders customers ON customers.id = products.order_id WHERE customers.status = 'new'
-- # u103 only=h2,postgresql
SELECT O.ID, O.Total FROM Orders O WHERE O.Status = 'new'
-- # u104 params=1
/* load Order#1 */ select o1_0.id from orders o1_0 where o1_0.id=? -- by id
-- # u105
SELECT customer_id, SUM(total) AS s, RANK() OVER (ORDER BY SUM(total) DESC) AS r FROM orders GROUP BY customer_id
-- # u106 only=postgresql
WITH vip AS (SELECT id FROM customers WHERE vip = TRUE) UPDATE orders SET note = 'vip' WHERE customer_id IN (SELECT id FROM vip)
-- # u107 ordered
SELECT id FROM orders WHERE note IS NOT NULL AND note <> '' ORDER BY CHAR_LENGTH(note), id
-- # u108 params=5
SELECT COUNT(*) AS n, MAX(placed_at) AS last_at FROM orders WHERE customer_id = ? GROUP BY customer_id
-- # u109 params=3
SELECT EXISTS (SELECT 1 FROM orders WHERE customer_id = ?)
-- # u110
SELECT c.name, o.id FROM customers c JOIN orders o ON o.customer_id = c.id WHERE o.id IN (SELECT i.order_id FROM order_items i WHERE i.unit_price > 40) AND c.id NOT IN (SELECT o3.customer_id FROM orders o3 WHERE o3.status = 'cancelled')
-- # u111
UPDATE order_items SET unit_price = unit_price * 1.1 WHERE product_id IN (SELECT id FROM products WHERE category = 'books') AND order_id IN (SELECT id FROM orders WHERE status = 'new')
-- # u112
INSERT INTO order_items (order_id, line_no, product_id, qty, unit_price) SELECT i.order_id, i.line_no + 10, i.product_id, i.qty, i.unit_price FROM order_items i JOIN orders o ON o.id = i.order_id WHERE o.status = 'shipped' UNION ALL SELECT 3, 20, id, 1, price FROM products WHERE id = 9
-- # u113 ordered
SELECT c.country_code, co.name, COUNT(c.id) FROM countries co LEFT JOIN customers c ON c.country_code = co.code GROUP BY c.country_code, co.name ORDER BY co.name
-- # u114
SELECT id FROM orders WHERE customer_id IN (SELECT id FROM customers WHERE manager_id IN (SELECT id FROM customers WHERE vip = TRUE))
-- # u115 params=2|1
select o1_0.id from orders o1_0 where o1_0.customer_id=? and not exists(select 1 from order_items oi1_0 where oi1_0.order_id=o1_0.id and oi1_0.qty>?)
-- # u116
SELECT c.id, (SELECT COUNT(*) FROM orders WHERE orders.customer_id = c.id AND orders.total > (SELECT AVG(total) FROM orders)) AS above_avg FROM customers c
-- # u117
SELECT orders.id, orders.total FROM orders WHERE orders.total > (SELECT AVG(orders.total) FROM orders WHERE orders.currency_code = 'USD')
-- # u118
INSERT INTO products (id, sku, name, price, stock, category) SELECT DISTINCT 400 + product_id, CONCAT('RE-', product_id), 'Reorder', MAX(unit_price), 0, 'reorder' FROM order_items GROUP BY product_id HAVING SUM(qty) > 1
