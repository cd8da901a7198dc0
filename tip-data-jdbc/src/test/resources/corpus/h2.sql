-- H2 2.3 statements (default mode). Header format as in common.sql.
-- # h001 ordered
SELECT "ID", "NAME" FROM "CUSTOMERS" WHERE "VIP" ORDER BY "ID"
-- # h002
SELECT "c"."NAME", o.TOTAL FROM CUSTOMERS "c" JOIN Orders o ON o.Customer_Id = "c".ID
-- # h003
SELECT name || ' <' || email || '>' AS display FROM customers
-- # h004
SELECT name FROM customers WHERE name ILIKE 'ada%'
-- # h005
SELECT email FROM customers WHERE REGEXP_LIKE(email, '^[a-k].*@example\.com$')
-- # h006
SELECT sku, REGEXP_REPLACE(sku, '-0+', '#') FROM products
-- # h007 ordered
SELECT id, birth_date FROM customers ORDER BY birth_date NULLS FIRST, id
-- # h008
SELECT id FROM customers WHERE country_code IS DISTINCT FROM 'US'
-- # h009
SELECT category, LISTAGG(sku, ',') WITHIN GROUP (ORDER BY sku) AS skus FROM products GROUP BY category
-- # h010
SELECT category, ARRAY_AGG(sku ORDER BY sku) AS skus FROM products GROUP BY category
-- # h011
SELECT COUNT(*) FILTER (WHERE status = 'new') AS new_orders, SUM(total) FILTER (WHERE currency_code = 'USD') AS usd FROM orders
-- # h012
SELECT v.x, p.name FROM (VALUES (1, 'one'), (3, 'three')) AS v(x, label) JOIN products p ON p.id = v.x
-- # h013
SELECT id, placed_at + INTERVAL '1' DAY AS next_day, DATEADD(DAY, 7, placed_at) AS week_later, DATEDIFF(DAY, TIMESTAMP '2024-01-01 00:00:00', placed_at) AS days FROM orders
-- # h014
SELECT id, FORMATDATETIME(placed_at, 'yyyy-MM') AS ym FROM orders
-- # h015
SELECT id, total FROM orders WHERE id = 4 FOR UPDATE
-- # h016
SELECT id, JSON_OBJECT('sku': sku, 'price': price) AS doc FROM products WHERE attrs IS NOT NULL
-- # h017
SELECT id FROM products WHERE attrs IS JSON OBJECT
-- # h018
SELECT customer_id, total, SUM(total) OVER (ORDER BY total RANGE BETWEEN 10 PRECEDING AND 10 FOLLOWING) AS near FROM orders
-- # h019
SELECT id FROM orders ORDER BY id DESC FETCH FIRST 50 PERCENT ROWS ONLY
-- # h020
MERGE INTO products KEY (id) VALUES (9, 'HM-003', 'Plant Pot XL', 19.00, 40, 'home', NULL)
-- # h021
MERGE INTO products KEY (id) VALUES (20, 'HM-020', 'Vase', 30.00, 5, 'home', NULL)
-- # h022
MERGE INTO products p USING (SELECT product_id, SUM(qty) AS sold FROM order_items GROUP BY product_id) s ON p.id = s.product_id
WHEN MATCHED AND p.stock >= s.sold THEN UPDATE SET stock = p.stock - s.sold
WHEN MATCHED THEN DELETE
-- # h023
MERGE INTO customers c USING (VALUES (1, 'ada@example.com', 'Ada King'), (30, 'charles@example.com', 'Charles Babbage')) AS s(id, email, name) ON c.id = s.id
WHEN MATCHED THEN UPDATE SET name = s.name
WHEN NOT MATCHED THEN INSERT (id, email, name, created_at) VALUES (s.id, s.email, s.name, TIMESTAMP '2024-07-01 00:00:00')
-- # h024
UPDATE orders o SET o.note = 'vip' WHERE o.customer_id IN (SELECT c.id FROM customers c WHERE c.vip)
-- # h025
DELETE FROM order_items oi WHERE oi.product_id = 8 AND oi.qty = 1
-- # h026
UPDATE products SET (price, stock) = (SELECT MAX(unit_price), 0 FROM order_items WHERE product_id = products.id) WHERE id IN (SELECT product_id FROM order_items)
-- # h027
INSERT INTO "ORDERS" ("CUSTOMER_ID", "STATUS", "TOTAL", "CURRENCY_CODE", "PLACED_AT") VALUES (3, 'new', 10, 'USD', TIMESTAMP '2024-06-10 10:00:00')
-- # h028
INSERT INTO products (id, sku, name, price, stock, category, attrs) VALUES (40, 'EL-040', 'Cable ''Pro''', 9.50, 1, 'electronics', JSON '{"color": "red"}')
-- # h029
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT n.i, p.name FROM n LEFT JOIN products p ON p.id = n.i
-- # h030
SELECT TOP 2 id FROM orders ORDER BY total DESC
