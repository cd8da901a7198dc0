UPDATE products SET attrs = '{"pages": 320, "tags": ["sql", "db"], "format": "paperback"}' WHERE id = 1;
UPDATE products SET attrs = '{"pages": 424, "tags": ["java"], "format": "hardcover"}' WHERE id = 2;
UPDATE products SET attrs = '{"color": "black", "length_m": 1}' WHERE id = 3;
UPDATE products SET attrs = '{"color": "white", "layout": "de"}' WHERE id = 4;
UPDATE products SET attrs = '{"color": "black", "size_in": 27}' WHERE id = 5;
UPDATE products SET attrs = '{"color": "green"}' WHERE id = 7;
UPDATE products SET attrs = '{"pages": 700, "tags": ["sql", "performance"]}' WHERE id = 8;
