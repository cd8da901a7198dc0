UPDATE products SET attrs = JSON '{"pages": 320, "tags": ["sql", "db"], "format": "paperback"}' WHERE id = 1;
UPDATE products SET attrs = JSON '{"pages": 424, "tags": ["java"], "format": "hardcover"}' WHERE id = 2;
UPDATE products SET attrs = JSON '{"color": "black", "length_m": 1}' WHERE id = 3;
UPDATE products SET attrs = JSON '{"color": "white", "layout": "de"}' WHERE id = 4;
UPDATE products SET attrs = JSON '{"color": "black", "size_in": 27}' WHERE id = 5;
UPDATE products SET attrs = JSON '{"color": "green"}' WHERE id = 7;
UPDATE products SET attrs = JSON '{"pages": 700, "tags": ["sql", "performance"]}' WHERE id = 8;
