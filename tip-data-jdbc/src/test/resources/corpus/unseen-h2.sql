-- More H2 statements in application shapes (Hibernate's H2 dialect, Spring Data JDBC, H2 upserts). Header format as in common.sql.
-- # uh01
MERGE INTO products (id, sku, name, price, stock, category) KEY (id) VALUES (9, 'HM-003', 'Plant Pot XL', 19.00, 40, 'home')
-- # uh02
MERGE INTO products (id, sku, name, price, stock, category) KEY (id) VALUES (26, 'HM-026', 'Rug', 80.00, 2, 'home')
-- # uh03
MERGE INTO products p USING (SELECT 27 AS id, 'HM-027' AS sku, 'Clock' AS name, 12.00 AS price) s ON p.id = s.id WHEN MATCHED THEN UPDATE SET price = s.price WHEN NOT MATCHED THEN INSERT (id, sku, name, price, stock, category) VALUES (s.id, s.sku, s.name, s.price, 0, 'home')
-- # uh04
MERGE INTO products p USING order_items i ON p.id = i.product_id AND i.order_id = 4 WHEN MATCHED THEN UPDATE SET stock = p.stock - i.qty
-- # uh05 ordered params=1|3
select o1_0.id,o1_0.total from orders o1_0 order by o1_0.id offset ? rows fetch first ? rows only
-- # uh06 ordered params=2
SELECT id FROM products ORDER BY price DESC, id FETCH FIRST ? ROWS ONLY
-- # uh07 ordered
SELECT id, name FROM customers WHERE name ILIKE '%a%' ORDER BY id
-- # uh08 ordered params=3|2
SELECT id FROM orders ORDER BY id LIMIT ? OFFSET ?
-- # uh09
SELECT id, NVL(note, '-') AS note, CASEWHEN(total > 50, 'big', 'small') AS size FROM orders
-- # uh10
SELECT id FROM orders WHERE id = ANY (ARRAY[1, 2, 3])
-- # uh11
INSERT INTO "CUSTOMERS" ("ID", "EMAIL", "NAME", "CREATED_AT") VALUES (35, 'quoted@example.com', 'Quoted', TIMESTAMP '2024-06-01 00:00:00')
-- # uh12
SELECT "O"."ID", "O"."TOTAL" FROM "ORDERS" "O" WHERE "O"."STATUS" = 'new' LIMIT 10
-- # uh13
UPDATE orders SET note = 'h2' WHERE id IN (SELECT id FROM orders WHERE total > 100)
-- # uh14
DELETE FROM orders WHERE status = 'new' AND id = (SELECT MIN(id) FROM orders WHERE status = 'new')
-- # uh15
MERGE INTO customers c USING customers s ON c.id = s.id AND s.vip = TRUE WHEN MATCHED THEN UPDATE SET c.name = CONCAT(s.name, ' *')
-- # uh16 ordered
SELECT id, total FROM orders ORDER BY total DESC, id FETCH NEXT 3 ROWS ONLY
-- # uh17
SELECT category, LISTAGG(name, '; ') WITHIN GROUP (ORDER BY name) AS names, COUNT(*) FROM products GROUP BY category HAVING COUNT(*) > 1
-- # uh18
SELECT id, total FROM orders WHERE customer_id = 3 FOR UPDATE
