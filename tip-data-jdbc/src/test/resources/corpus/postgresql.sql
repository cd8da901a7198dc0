-- PostgreSQL 15 statements. Header format as in common.sql.
-- # p001 ordered
SELECT "id", "name" FROM "customers" WHERE "vip" ORDER BY "id"
-- # p002
SELECT "C".name, o.total FROM Customers "C" JOIN ORDERS o ON o.customer_id = "C".id
-- # p003
SELECT name || ' <' || email || '>' AS display FROM customers
-- # p004
SELECT name FROM customers WHERE name ILIKE 'ada%' OR email NOT ILIKE '%EXAMPLE.COM'
-- # p005
SELECT email FROM customers WHERE email ~ '^[a-k].*@example\.com$'
-- # p006
SELECT sku FROM products WHERE sku ~* '^bk' AND name !~ 'Primer'
-- # p007
SELECT id, total::int AS whole, placed_at::date AS day, '42'::numeric + 1 AS n FROM orders
-- # p008
SELECT id, attrs -> 'tags' AS tags, attrs ->> 'color' AS color FROM products WHERE attrs IS NOT NULL
-- # p009
SELECT id FROM products WHERE attrs @> '{"color": "black"}'
-- # p010
SELECT id, (attrs ->> 'pages')::int AS pages FROM products WHERE attrs ? 'pages'
-- # p011
SELECT id, attrs #>> '{tags,0}' AS first_tag FROM products WHERE attrs -> 'tags' IS NOT NULL
-- # p012
SELECT p.id, t.tag FROM products p CROSS JOIN LATERAL jsonb_array_elements_text(p.attrs -> 'tags') AS t(tag)
-- # p013
SELECT id, jsonb_build_object('sku', sku, 'price', price) AS doc, jsonb_typeof(attrs) FROM products
-- # p014
SELECT category, jsonb_agg(sku ORDER BY sku) AS skus, string_agg(name, ', ' ORDER BY name) AS names FROM products GROUP BY category
-- # p015 ordered
SELECT id, birth_date FROM customers ORDER BY birth_date DESC NULLS LAST, id
-- # p016
SELECT id FROM customers WHERE country_code IS DISTINCT FROM 'US'
-- # p017
SELECT COUNT(*) FILTER (WHERE status = 'new') AS new_orders, SUM(total) FILTER (WHERE currency_code = 'USD') AS usd FROM orders
-- # p018
SELECT category, status, SUM(i.qty) FROM order_items i JOIN products p ON p.id = i.product_id JOIN orders o ON o.id = i.order_id GROUP BY GROUPING SETS ((category), (status), ())
-- # p019
SELECT DISTINCT ON (customer_id) customer_id, id, total FROM orders ORDER BY customer_id, total DESC, id
-- # p020
SELECT c.name, last.id FROM customers c LEFT JOIN LATERAL (SELECT o.id FROM orders o WHERE o.customer_id = c.id ORDER BY o.placed_at DESC LIMIT 1) last ON TRUE
-- # p021
SELECT v.x, p.name FROM (VALUES (1, 'one'), (3, 'three')) AS v(x, label) JOIN products p ON p.id = v.x
-- # p022
SELECT id, placed_at + INTERVAL '1 day' AS next_day, date_trunc('month', placed_at) AS month, to_char(placed_at, 'YYYY-MM-DD') AS day, age(TIMESTAMP '2024-12-31', placed_at) FROM orders
-- # p023
SELECT id FROM orders WHERE placed_at > now() - INTERVAL '100 years' AND placed_at < CURRENT_TIMESTAMP
-- # p024
SELECT c.id, co.code FROM customers c FULL JOIN countries co ON co.code = c.country_code WHERE c.id IS NULL OR co.code IS NULL
-- # p025
SELECT id, total, SUM(total) OVER w AS running, AVG(total) OVER w AS avg_so_far FROM orders WINDOW w AS (ORDER BY id ROWS UNBOUNDED PRECEDING)
-- # p026
SELECT E'tab\there', $$dollar 'quoted'$$, U&'\0041da' AS ada
-- # p027 params={new,shipped}
SELECT id FROM orders WHERE id = ANY (ARRAY[1, 2, 3]) AND status = ANY (?::text[])
-- # p028 params=3|20
SELECT id FROM orders WHERE customer_id = ? AND total > ?::numeric
-- # p029
SELECT c.name FROM customers c WHERE c.created_at < ALL (SELECT o.placed_at FROM orders o WHERE o.customer_id = c.id)
-- # p030 ordered
SELECT id FROM orders ORDER BY id OFFSET 2 FETCH NEXT 3 ROWS ONLY
-- # p031
WITH RECURSIVE chain AS (SELECT id, manager_id, ARRAY[id] AS path FROM customers WHERE manager_id IS NULL UNION ALL SELECT c.id, c.manager_id, ch.path || c.id FROM customers c JOIN chain ch ON c.manager_id = ch.id) SELECT id, path FROM chain
-- # p032
SELECT id, total FROM orders WHERE id = 4 FOR UPDATE SKIP LOCKED
-- # p033
SELECT generate_series(1, 3) AS n, (SELECT COUNT(*) FROM products)
-- # p034
INSERT INTO customers (id, email, name, created_at) VALUES (20, 'r@example.com', 'Returning', TIMESTAMP '2024-06-01 00:00:00') RETURNING id, email
-- # p035
INSERT INTO orders (customer_id, status, total, currency_code, placed_at) VALUES (4, 'new', 12.00, 'EUR', TIMESTAMP '2024-06-02 00:00:00') RETURNING *
-- # p036
INSERT INTO products (id, sku, name, price, stock, category) VALUES (9, 'HM-003', 'Plant Pot', 17.00, 45, 'home') ON CONFLICT (id) DO UPDATE SET price = EXCLUDED.price, stock = products.stock + EXCLUDED.stock
-- # p037
INSERT INTO products (id, sku, name, price, stock, category) VALUES (30, 'BK-001', 'SQL Primer 2nd', 14.00, 5, 'books') ON CONFLICT (sku) DO NOTHING
-- # p038
INSERT INTO customers (id, email, name, created_at) VALUES (1, 'ada@example.com', 'Ada L.', TIMESTAMP '2024-01-05 09:00:00') ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name WHERE customers.vip RETURNING id, name
-- # p039
INSERT INTO products (id, sku, name, price, stock, category, attrs) VALUES (41, 'EL-041', 'Hub', 19.99, 3, 'electronics', '{"ports": 4}'::jsonb)
-- # p040
UPDATE orders o SET note = 'vip order' FROM customers c WHERE c.id = o.customer_id AND c.vip
-- # p041
UPDATE order_items i SET unit_price = p.price FROM products p, orders o WHERE p.id = i.product_id AND o.id = i.order_id AND o.status = 'new' RETURNING i.order_id, i.line_no, i.unit_price
-- # p042
UPDATE products SET attrs = attrs || '{"checked": true}'::jsonb WHERE attrs ? 'color'
-- # p043
UPDATE products SET attrs = jsonb_set(attrs, '{pages}', '1000') WHERE attrs @> '{"pages": 700}'
-- # p044
DELETE FROM order_items i USING orders o WHERE o.id = i.order_id AND o.status = 'cancelled'
-- # p045
DELETE FROM orders WHERE status = 'cancelled' RETURNING id, total
-- # p046
MERGE INTO products p USING (SELECT product_id, SUM(qty) AS sold FROM order_items GROUP BY product_id) s ON p.id = s.product_id
WHEN MATCHED AND p.stock >= s.sold THEN UPDATE SET stock = p.stock - s.sold
WHEN MATCHED THEN DELETE
-- # p047
MERGE INTO customers c USING (VALUES (1, 'ada@example.com', 'Ada King'), (30, 'charles@example.com', 'Charles Babbage')) AS s(id, email, name) ON c.id = s.id
WHEN MATCHED THEN UPDATE SET name = s.name
WHEN NOT MATCHED THEN INSERT (id, email, name, created_at) VALUES (s.id, s.email, s.name, TIMESTAMP '2024-07-01 00:00:00')
-- # p048
WITH moved AS (DELETE FROM order_items WHERE order_id = 5 RETURNING order_id, qty) SELECT order_id, SUM(qty) FROM moved GROUP BY order_id
-- # p049
WITH upd AS (UPDATE products SET stock = stock + 1 WHERE category = 'home' RETURNING id) SELECT COUNT(*) FROM upd
-- # p050
INSERT INTO order_items (order_id, line_no, product_id, qty, unit_price) WITH cheap AS (SELECT id, price FROM products WHERE price < 10) SELECT 2, 1 + ROW_NUMBER() OVER (ORDER BY id), id, 1, price FROM cheap
-- # p051
SELECT id, $$it's 'quoted'$$ AS q FROM orders WHERE status = $$new$$
-- # p052
SELECT o.id, o.total FROM orders o WHERE o.total > (SELECT AVG(total) FROM orders) AND o.placed_at::date >= '2024-03-01'::date
-- # p053
SELECT id FROM orders /* outer /* nested */ still a comment in PostgreSQL */ WHERE status = 'new'
-- # p054
INSERT INTO customers (id, email, name, created_at) VALUES (40, 'ada@example.com', 'Ada again', TIMESTAMP '2024-01-05 09:00:00') ON CONFLICT ON CONSTRAINT customers_email_key DO NOTHING
-- # p055
WITH cheap AS (SELECT id FROM products WHERE price < 10) UPDATE order_items i SET qty = qty + 1 FROM cheap WHERE i.product_id = cheap.id
-- # p056
WITH done AS (SELECT id FROM orders WHERE status = 'delivered') DELETE FROM order_items WHERE order_id IN (SELECT id FROM done)
-- # p057
UPDATE orders SET note = 'checked' WHERE id = 3 RETURNING *
-- # p058
DELETE FROM order_items i USING orders o WHERE o.id = i.order_id AND o.status = 'cancelled' RETURNING *
-- # p059
UPDATE order_items i SET qty = qty + 1 FROM products p WHERE p.id = i.product_id AND p.category = 'books' RETURNING i.*, p.sku
-- # p060
UPDATE orders o SET note = co.name FROM customers c JOIN countries co ON co.code = c.country_code WHERE c.id = o.customer_id AND o.status = 'shipped'
-- # p061
UPDATE customers c SET vip = TRUE FROM orders o LEFT JOIN currencies cur ON cur.code = o.currency_code WHERE o.customer_id = c.id AND cur.code IS NULL
-- # p062
DELETE FROM order_items i USING products p, countries co WHERE p.id = i.product_id AND p.category = 'home' AND co.code = 'FR'
