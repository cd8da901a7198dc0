-- More PostgreSQL statements in application shapes (jOOQ, Spring JDBC, hand-written). Header format as in common.sql.
-- # up01 ordered params=new|2|1
select "orders"."id", "orders"."total" from "orders" where "orders"."status" = ? order by "orders"."id" limit ? offset ?
-- # up02 params=20|USD|EUR
select count(*) from "orders" where ("orders"."total" > ? and "orders"."currency_code" in (?, ?))
-- # up03 params=2|5|3|1|5.00
insert into "order_items" ("order_id", "line_no", "product_id", "qty", "unit_price") values (?, ?, ?, ?, ?) returning "order_items"."order_id", "order_items"."line_no"
-- # up04
select "corpus"."orders"."id" from "corpus"."orders"
-- # up05 ordered
SELECT DISTINCT ON (c.id) c.id, c.name, o.id AS last_order FROM customers c JOIN orders o ON o.customer_id = c.id ORDER BY c.id, o.placed_at DESC
-- # up06 ordered params=%s%
SELECT id, name FROM products WHERE name ILIKE ? ORDER BY id
-- # up07
SELECT id::text || '-' || sku AS code, price::int AS whole, stock::numeric(10,2) / 3 AS third FROM products
-- # up08
UPDATE products SET stock = stock - 1 WHERE id = 3 RETURNING id, stock, stock * price AS value
-- # up09
INSERT INTO products (id, sku, name, price, stock, category) VALUES (1, 'BK-001', 'dup', 1, 1, 'books') ON CONFLICT DO NOTHING
-- # up10
INSERT INTO products (id, sku, name, price, stock, category) VALUES (3, 'EL-001', 'USB Cable', 4.50, 10, 'electronics'), (24, 'EL-024', 'Mouse', 19.00, 8, 'electronics') ON CONFLICT (id) DO UPDATE SET stock = products.stock + EXCLUDED.stock, price = LEAST(products.price, EXCLUDED.price)
-- # up11 params=2|alan2@example.com|Alan M. Turing
INSERT INTO customers (id, email, name, created_at) VALUES (?, ?, ?, TIMESTAMP '2024-06-01 00:00:00') ON CONFLICT (id) DO UPDATE SET email = EXCLUDED.email, name = EXCLUDED.name RETURNING id
-- # up12
UPDATE orders o SET total = s.sum FROM (SELECT order_id, SUM(qty * unit_price) AS sum FROM order_items GROUP BY order_id) s WHERE s.order_id = o.id AND o.total <> s.sum
-- # up13
UPDATE orders SET note = cur.name FROM currencies cur WHERE cur.code = orders.currency_code AND orders.status = 'new'
-- # up14
DELETE FROM order_items i USING orders o, customers c WHERE o.id = i.order_id AND c.id = o.customer_id AND c.country_code = 'GB'
-- # up15
SELECT id, attrs ->> 'format' AS format FROM products WHERE attrs ->> 'format' = 'paperback'
-- # up16
SELECT id FROM products WHERE attrs -> 'tags' @> '["sql"]'::jsonb
-- # up17
SELECT id, jsonb_array_length(attrs -> 'tags') AS n FROM products WHERE jsonb_typeof(attrs -> 'tags') = 'array'
-- # up18 ordered
SELECT id FROM orders WHERE status = 'new' ORDER BY id LIMIT 2 FOR UPDATE SKIP LOCKED
-- # up19
SELECT o.id, cur.rate_to_eur FROM orders o JOIN currencies cur ON cur.code = o.currency_code WHERE o.id = 4 FOR UPDATE OF o
-- # up20
SELECT id, stock FROM products WHERE id = 2 FOR NO KEY UPDATE
-- # up21
SELECT c.id, t.total FROM customers c CROSS JOIN LATERAL (SELECT o.total FROM orders o WHERE o.customer_id = c.id ORDER BY o.total DESC LIMIT 2) t
-- # up22
SELECT d::date AS day, COUNT(o.id) FROM generate_series(TIMESTAMP '2024-04-01', TIMESTAMP '2024-04-09', INTERVAL '1 day') d LEFT JOIN orders o ON o.placed_at::date = d::date GROUP BY d ORDER BY d
-- # up23
SELECT category, string_agg(DISTINCT sku, ',' ORDER BY sku) AS skus, array_agg(id ORDER BY id) AS ids FROM products GROUP BY category
-- # up24
SELECT date_trunc('month', placed_at) AS month, COUNT(*) FILTER (WHERE status = 'delivered') AS delivered, SUM(total) AS revenue FROM orders GROUP BY 1 ORDER BY 1
-- # up25
UPDATE products SET (price, stock) = (SELECT MIN(unit_price), SUM(qty) FROM order_items WHERE product_id = products.id) WHERE id IN (1, 2)
-- # up26
INSERT INTO products (id, sku, name, price, stock, category) SELECT id + 300, sku, name, price, 0, category FROM products WHERE category = 'home' ON CONFLICT (sku) DO NOTHING RETURNING id
-- # up27
SELECT id, total FROM orders ORDER BY currency_code FETCH FIRST 3 ROWS WITH TIES
-- # up28 params=4
SELECT EXISTS (SELECT 1 FROM orders WHERE customer_id = ? AND status = 'delivered') AS has_delivered
-- # up29
MERGE INTO products p USING order_items i ON p.id = i.product_id AND i.order_id = 4 WHEN MATCHED THEN UPDATE SET stock = p.stock - i.qty
-- # up30
MERGE INTO customers c USING (SELECT 80 AS id, 'merge@example.com' AS email, 'Merged' AS name) s ON c.id = s.id WHEN MATCHED THEN UPDATE SET name = s.name WHEN NOT MATCHED THEN INSERT (id, email, name, created_at) VALUES (s.id, s.email, s.name, TIMESTAMP '2024-07-01 00:00:00')
-- # up31
SELECT c.name FROM customers c WHERE c.name !~* '^(ada|alan)' AND c.email LIKE '%@example.com'
-- # up32
SELECT o.id, EXTRACT(EPOCH FROM o.placed_at - TIMESTAMP '2024-01-01 00:00:00') / 86400 AS days FROM orders o
-- # up33
WITH RECURSIVE chain AS (SELECT id, manager_id, 1 AS depth FROM customers WHERE id = 6 UNION ALL SELECT c.id, c.manager_id, ch.depth + 1 FROM customers c JOIN chain ch ON c.id = ch.manager_id) SELECT id, depth FROM chain
-- # up34
WITH ins AS (INSERT INTO orders (customer_id, status, total, currency_code, placed_at) VALUES (1, 'new', 1, 'EUR', TIMESTAMP '2024-06-01 00:00:00') RETURNING id) SELECT id FROM ins
-- # up35
SELECT COALESCE(c.country_code, '??')::text AS cc, COUNT(*)::int AS n FROM customers c GROUP BY 1
-- # up36
DELETE FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id) OR o.status = 'cancelled' RETURNING o.id
-- # up37
SELECT o FROM orders o WHERE o.id = 1
-- # up38
SELECT to_jsonb(c) - 'email' AS doc FROM customers c WHERE c.id = 2
-- # up39
SELECT id FROM ONLY orders WHERE id < 3
-- # up40
WITH big AS (SELECT customer_id FROM orders WHERE total > 100) UPDATE customers SET vip = TRUE WHERE id IN (SELECT customer_id FROM big) RETURNING id
-- # up41 params=7
select o1_0.id,o1_0.status from orders o1_0 join customers c1_0 on c1_0.id=o1_0.customer_id where o1_0.id=? for no key update of o1_0
