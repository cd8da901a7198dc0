package io.tipdata.jdbc.corpus;

import io.tipdata.jdbc.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates statements for the rewrite fuzz test: corpus statements mutated and recombined, and statements
 * from a small grammar (queries, writes, upserts, joins of every kind, subqueries, CTEs, set operations,
 * quoted and mixed-case names, comments, awkward literals, locking clauses, window functions, RETURNING).
 * Deterministic for a seed.
 */
final class StatementFuzzer {

    static final Map<String, List<String>> COLUMNS = Map.of(
            "customers", List.of("id", "email", "name", "country_code", "birth_date", "created_at", "vip", "manager_id"),
            "products", List.of("id", "sku", "name", "price", "stock", "category"),
            "orders", List.of("id", "customer_id", "status", "total", "currency_code", "placed_at", "note"),
            "order_items", List.of("order_id", "line_no", "product_id", "qty", "unit_price"),
            "countries", List.of("code", "name"),
            "currencies", List.of("code", "name", "rate_to_eur"),
            "audit_log", List.of("id", "note"));
    private static final List<String> ISOLATED = List.of("customers", "products", "orders", "order_items");
    private static final List<String> TABLES = List.of("customers", "products", "orders", "order_items",
            "countries", "currencies", "customers", "orders", "order_items", "audit_log");
    private static final Pattern TABLE_WORD = Pattern.compile(
            "\\b(customers|products|orders|order_items|countries|currencies)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern LITERAL = Pattern.compile("'[^']*'|\\b\\d+\\b");
    private static final Pattern JOIN = Pattern.compile("\\b(LEFT OUTER JOIN|LEFT JOIN|RIGHT JOIN|INNER JOIN|JOIN)\\b",
            Pattern.CASE_INSENSITIVE);

    private final Dialect dialect;
    private final Random rnd;
    private final List<String> corpus;
    private final List<String> corpusQueries;

    StatementFuzzer(Dialect dialect, long seed, List<String> corpus) {
        this.dialect = dialect;
        this.rnd = new Random(seed);
        this.corpus = corpus;
        this.corpusQueries = corpus.stream()
                .filter(s -> Corpus.stripLeadingComments(s).regionMatches(true, 0, "SELECT", 0, 6)).toList();
    }

    /** The next statement: a mutated corpus statement or a generated one. */
    String next() {
        return rnd.nextInt(5) < 2 ? mutate(pick(corpus), 1 + rnd.nextInt(3)) : statement();
    }

    // ---- mutation and recombination of corpus statements

    String mutate(String sql, int times) {
        String s = sql;
        for (int i = 0; i < times; i++) {
            s = switch (rnd.nextInt(12)) {
                case 0 -> replaceOne(s, TABLE_WORD, m -> tableVariant(m.group(1).toLowerCase()));
                case 1 -> replaceOne(s, LITERAL, m -> literal());
                case 2 -> replaceOne(s, JOIN, m -> joinKind());
                case 3 -> insertAtSpace(s, comment());
                case 4 -> isQuery(s) ? "SELECT * FROM (" + s + ") " + pick("sub", "orders", "x") : s;
                case 5 -> isQuery(s) ? s + " " + setOp() + " " + pick(corpusQueries) : s;
                case 6 -> isQuery(s) && !s.regionMatches(true, 0, "WITH", 0, 4)
                        ? "WITH " + cteName() + " AS (" + select(1) + ") " + s : s;
                case 7 -> isQuery(s) ? s + " " + lock() : s;
                case 8 -> replaceOne(s, Pattern.compile("\\bFROM (customers|orders|products|order_items)\\b",
                        Pattern.CASE_INSENSITIVE), m -> "FROM (" + pick(corpusQueries) + ") " + m.group(1));
                case 9 -> replaceOne(s, Pattern.compile("\\bWHERE\\b", Pattern.CASE_INSENSITIVE),
                        m -> "WHERE " + condition(1, "x", "orders") + " AND");
                case 10 -> s.regionMatches(true, 0, "SELECT", 0, 6) ? "SELECT count(*) OVER (), x.* FROM ("
                        + s + ") x" : s;
                default -> s + (rnd.nextBoolean() ? " -- trailing" : "\n/* end */");
            };
        }
        return s;
    }

    private static boolean isQuery(String s) {
        String h = Corpus.stripLeadingComments(s);
        return (h.regionMatches(true, 0, "SELECT", 0, 6) || h.regionMatches(true, 0, "WITH", 0, 4))
                && !h.matches("(?is).*\\b(insert|update|delete|merge)\\b.*");
    }

    private String replaceOne(String s, Pattern p, java.util.function.Function<Matcher, String> with) {
        Matcher m = p.matcher(s);
        List<int[]> hits = new ArrayList<>();
        while (m.find()) {
            hits.add(new int[] {m.start(), m.end()});
        }
        if (hits.isEmpty()) {
            return s;
        }
        int[] h = hits.get(rnd.nextInt(hits.size()));
        m = p.matcher(s);
        m.find(h[0]);
        return s.substring(0, h[0]) + with.apply(m) + s.substring(h[1]);
    }

    private String insertAtSpace(String s, String what) {
        int at = s.indexOf(' ', rnd.nextInt(Math.max(1, s.length())));
        return at < 0 ? s + " " + what : s.substring(0, at) + " " + what + " " + s.substring(at + 1);
    }

    // ---- grammar

    String statement() {
        return switch (rnd.nextInt(10)) {
            case 0, 1, 2, 3 -> query(2);
            case 4, 5 -> insert();
            case 6, 7 -> update();
            case 8 -> delete();
            default -> upsert();
        };
    }

    String query(int depth) {
        String s = switch (rnd.nextInt(12)) {
            case 0 -> "WITH RECURSIVE " + pick("r", "orders") + "(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM "
                    + "r WHERE n < 3) SELECT n FROM r";
            case 1 -> "VALUES (1, " + literal() + ")";
            case 2 -> "(" + select(depth) + ") " + setOp() + " (" + select(depth - 1) + ") ORDER BY 1";
            case 3 -> "WITH " + cteName() + " (a, b) AS (SELECT 1, 2) " + select(depth);
            case 4 -> select(depth) + " OFFSET 5 ROWS FETCH FIRST 10 ROWS ONLY";
            default -> select(depth);
        };
        if (rnd.nextInt(5) == 0) {
            s = s + " " + setOp() + " " + select(depth - 1);
        }
        if (rnd.nextInt(4) == 0) {
            s = "WITH " + cteName() + " AS (" + select(depth - 1) + ") " + s;
        }
        return s;
    }

    String select(int depth) {
        String t = pick(TABLES);
        String a = alias(t);
        StringBuilder b = new StringBuilder("SELECT ");
        if (rnd.nextInt(8) == 0) {
            b.append("DISTINCT ");
        }
        b.append(selectItems(depth, t, a)).append(" FROM ").append(tableRef(t, a));
        String j = "";
        int joins = rnd.nextInt(3);
        String lastAlias = a;
        String lastTable = t;
        for (int i = 0; i < joins; i++) {
            String t2 = pick(TABLES);
            String a2 = alias(t2) + (rnd.nextBoolean() ? i : "");
            boolean derived = depth > 0 && rnd.nextInt(5) == 0;
            String item = derived ? "(" + select(depth - 1) + ") " + a2 : tableRef(t2, a2);
            String kind = derived && dialect != Dialect.H2 && rnd.nextInt(3) == 0 ? "LEFT JOIN LATERAL" : joinKind();
            if (kind.startsWith("CROSS") || kind.startsWith("NATURAL")) {
                j += " " + kind + " " + item;
            } else if (rnd.nextInt(6) == 0) {
                j += " " + kind + " " + item + " USING (id)";
            } else if (rnd.nextInt(8) == 0) {
                j += ", " + item;
            } else {
                j += " " + kind + " " + item + " ON " + col(a2, t2) + " = " + col(lastAlias, lastTable)
                        + (rnd.nextInt(3) == 0 ? " AND " + condition(depth - 1, a2, t2) : "");
            }
            lastAlias = a2;
            lastTable = t2;
        }
        b.append(j);
        if (rnd.nextInt(3) > 0) {
            b.append(" WHERE ").append(condition(depth, a, t));
        }
        if (rnd.nextInt(6) == 0) {
            b.append(" GROUP BY ").append(col(a, t));
            if (rnd.nextInt(5) == 0) {
                b.append(", ").append(col(a, t));
            }
            if (rnd.nextBoolean()) {
                b.append(" HAVING count(*) > ").append(rnd.nextInt(3));
            }
        }
        if (rnd.nextInt(4) == 0) {
            b.append(" ORDER BY ").append(rnd.nextInt(4) == 0 && depth > 0 ? "(" + select(0) + ")" : col(a, t))
                    .append(rnd.nextBoolean() ? " DESC" : "");
        }
        if (rnd.nextInt(5) == 0) {
            b.append(" LIMIT ").append(rnd.nextBoolean() ? "?" : "10");
        }
        if (rnd.nextInt(8) == 0) {
            b.append(" ").append(lock());
        }
        return b.toString();
    }

    private String selectItems(int depth, String t, String a) {
        List<String> items = new ArrayList<>();
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            items.add(switch (rnd.nextInt(10)) {
                case 0 -> "*";
                case 1 -> a + ".*";
                case 2 -> "count(*) OVER (PARTITION BY " + col(a, t) + " ORDER BY " + col(a, t) + ")";
                case 3 -> depth > 0 ? "(" + select(depth - 1) + ") AS " + pick("sub", "orders", "x") : "1";
                case 4 -> "CASE WHEN " + condition(0, a, t) + " THEN " + literal() + " ELSE NULL END AS c" + i;
                case 5 -> literal() + " AS " + quote(pick("label", "Label", "tip_run"));
                case 6 -> "row_number() OVER (ORDER BY " + col(a, t) + ") AS rn";
                default -> col(a, t);
            });
        }
        return String.join(", ", items);
    }

    String condition(int depth, String a, String t) {
        return switch (rnd.nextInt(depth > 0 ? 12 : 6)) {
            case 0 -> col(a, t) + " = " + literal();
            case 1 -> col(a, t) + " IS NULL";
            case 2 -> col(a, t) + " LIKE 'x%'";
            case 3 -> col(a, t) + " IN (1, 2, 3)";
            case 4 -> col(a, t) + " = ?";
            case 5 -> switch (rnd.nextInt(5)) {
                case 0 -> "NOT (" + col(a, t) + " <> " + literal() + ")";
                case 1 -> col(a, t) + " IS NOT DISTINCT FROM " + literal();
                case 2 -> "CAST(" + col(a, t) + " AS VARCHAR(20)) = " + literal();
                case 3 -> dialect == Dialect.POSTGRESQL ? col(a, t) + "::text ILIKE " + literal()
                        : "COALESCE(" + col(a, t) + ", " + literal() + ") BETWEEN 1 AND 2";
                default -> "/* c */ " + col(a, t) + " -- x\n = " + literal();
            };
            case 6 -> col(a, t) + " IN (" + select(depth - 1) + ")";
            case 7 -> "EXISTS (" + select(depth - 1) + ")";
            case 8 -> col(a, t) + " = (" + select(depth - 1) + ")";
            case 9 -> "(" + condition(depth - 1, a, t) + " OR " + condition(depth - 1, a, t) + ")";
            case 10 -> condition(depth - 1, a, t) + " AND " + condition(depth - 1, a, t);
            default -> "NOT EXISTS (" + select(depth - 1) + ")";
        };
    }

    String insert() {
        String t = pick(ISOLATED, TABLES);
        List<String> cols = columns(t, 1 + rnd.nextInt(3));
        StringBuilder b = new StringBuilder();
        if (rnd.nextInt(6) == 0) {
            b.append("WITH ").append(cteName()).append(" AS (").append(select(1)).append(") ");
        }
        b.append("INSERT INTO ").append(tableRef(t, null)).append(" (").append(String.join(", ", cols)).append(") ");
        if (rnd.nextBoolean()) {
            b.append("VALUES ").append(row(cols.size()));
            if (rnd.nextBoolean()) {
                b.append(", ").append(row(cols.size()));
            }
        } else {
            String s = pick(TABLES);
            String a = alias(s);
            List<String> items = new ArrayList<>();
            for (int i = 0; i < cols.size(); i++) {
                items.add(rnd.nextBoolean() ? col(a, s) : literal());
            }
            b.append("SELECT ").append(String.join(", ", items)).append(" FROM ").append(tableRef(s, a));
            if (rnd.nextBoolean()) {
                b.append(" WHERE ").append(condition(1, a, s));
            }
            if (rnd.nextInt(5) == 0) {
                List<String> more = new ArrayList<>();
                for (int i = 0; i < cols.size(); i++) {
                    more.add(literal());
                }
                b.append(" UNION ALL SELECT ").append(String.join(", ", more));
            }
        }
        if (rnd.nextInt(3) == 0) {
            b.append(conflictClause(cols));
        }
        if (rnd.nextInt(4) == 0 && dialect != Dialect.H2) {
            b.append(" RETURNING ").append(pick("*", "id", cols.get(0)));
        }
        return b.toString();
    }

    private String conflictClause(List<String> cols) {
        String c = cols.get(0);
        return switch (dialect) {
            case MARIADB -> " ON DUPLICATE KEY UPDATE " + c + " = VALUES(" + c + ")";
            case POSTGRESQL -> rnd.nextBoolean() ? " ON CONFLICT DO NOTHING"
                    : " ON CONFLICT (" + c + ") DO UPDATE SET " + c + " = EXCLUDED." + c
                    + (rnd.nextBoolean() ? " WHERE " + c + " IS NOT NULL" : "");
            default -> "";
        };
    }

    String update() {
        String t = pick(ISOLATED, TABLES);
        String a = rnd.nextBoolean() ? alias(t) : null;
        String q = a == null ? t : a;
        StringBuilder b = new StringBuilder();
        if (rnd.nextInt(6) == 0) {
            b.append("WITH ").append(cteName()).append(" AS (").append(select(1)).append(") ");
        }
        b.append("UPDATE ").append(tableRef(t, a)).append(" SET ");
        List<String> cols = columns(t, 1 + rnd.nextInt(2));
        List<String> sets = new ArrayList<>();
        for (String c : cols) {
            sets.add(c + " = " + switch (rnd.nextInt(4)) {
                case 0 -> "(" + select(1) + ")";
                case 1 -> c + " + 1";
                default -> literal();
            });
        }
        b.append(String.join(", ", sets));
        if (dialect == Dialect.POSTGRESQL && rnd.nextInt(4) == 0) {
            String s = pick(TABLES);
            String sa = rnd.nextBoolean() ? alias(s) + "2" : alias(s);
            b.append(" FROM ").append(tableRef(s, sa)).append(" WHERE ").append(col(sa, s)).append(" = ")
                    .append(col(q, t));
        } else if (rnd.nextInt(5) > 0) {
            b.append(" WHERE ").append(condition(2, q, t));
        }
        if (dialect == Dialect.POSTGRESQL && rnd.nextInt(4) == 0) {
            b.append(" RETURNING ").append(pick("*", q + ".*", col(q, t)));
        }
        return b.toString();
    }

    String delete() {
        String t = pick(ISOLATED, TABLES);
        String a = rnd.nextBoolean() && dialect != Dialect.MARIADB ? alias(t) : null;
        String q = a == null ? t : a;
        StringBuilder b = new StringBuilder();
        if (rnd.nextInt(6) == 0) {
            b.append("WITH ").append(cteName()).append(" AS (").append(select(1)).append(") ");
        }
        b.append("DELETE FROM ").append(tableRef(t, a));
        if (dialect == Dialect.POSTGRESQL && rnd.nextInt(4) == 0) {
            String s = pick(TABLES);
            String sa = rnd.nextBoolean() ? alias(s) + "2" : alias(s);
            b.append(" USING ").append(tableRef(s, sa)).append(" WHERE ").append(col(sa, s)).append(" = ")
                    .append(col(q, t));
        } else if (rnd.nextInt(5) > 0) {
            b.append(" WHERE ").append(condition(2, q, t));
        }
        if (dialect != Dialect.H2 && rnd.nextInt(4) == 0) {
            b.append(" RETURNING ").append(pick("*", col(q, t)));
        }
        return b.toString();
    }

    String upsert() {
        String t = pick(ISOLATED);
        List<String> cols = columns(t, 2);
        String c0 = cols.get(0);
        String c1 = cols.get(1);
        return switch (dialect) {
            case MARIADB -> rnd.nextBoolean()
                    ? "REPLACE INTO " + tableRef(t, null) + " (" + c0 + ", " + c1 + ") VALUES " + row(2)
                    : "INSERT INTO " + tableRef(t, null) + " (" + c0 + ", " + c1 + ") VALUES " + row(2)
                    + " ON DUPLICATE KEY UPDATE " + c1 + " = " + pick("VALUES(" + c1 + ")", literal(), c1);
            case POSTGRESQL -> rnd.nextBoolean()
                    ? "INSERT INTO " + tableRef(t, null) + " AS " + alias(t) + " (" + c0 + ", " + c1 + ") VALUES "
                    + row(2) + " ON CONFLICT (" + c0 + ") DO UPDATE SET " + c1 + " = EXCLUDED." + c1
                    : merge(t, c0, c1);
            default -> rnd.nextBoolean() ? merge(t, c0, c1)
                    : "MERGE INTO " + tableRef(t, null) + " KEY (" + c0 + ") VALUES " + row(2);
        };
    }

    private String merge(String t, String c0, String c1) {
        String src = rnd.nextBoolean() ? "(SELECT " + literal() + " AS " + c0 + ", " + literal() + " AS " + c1 + ") s"
                : tableRef(pick(TABLES), "s");
        return "MERGE INTO " + tableRef(t, "d") + " USING " + src + " ON d." + c0 + " = s." + c0
                + " WHEN MATCHED THEN UPDATE SET " + c1 + " = s." + c1
                + (rnd.nextBoolean() ? " WHEN NOT MATCHED THEN INSERT (" + c0 + ", " + c1 + ") VALUES (s." + c0
                + ", s." + c1 + ")" : "");
    }

    // ---- pieces

    private String row(int n) {
        List<String> v = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            v.add(rnd.nextInt(4) == 0 ? "?" : literal());
        }
        return "(" + String.join(", ", v) + ")";
    }

    private List<String> columns(String t, int n) {
        List<String> all = new ArrayList<>(COLUMNS.get(t));
        java.util.Collections.shuffle(all, rnd);
        List<String> out = new ArrayList<>(all.subList(0, Math.min(n, all.size())));
        if (rnd.nextInt(10) == 0) {
            out.set(0, quote(out.get(0)));
        }
        return out;
    }

    private String col(String alias, String t) {
        String c = pick(COLUMNS.get(t));
        return switch (rnd.nextInt(6)) {
            case 0 -> c;
            case 1 -> quote(alias) + "." + c;
            default -> alias + "." + c;
        };
    }

    private String alias(String t) {
        return switch (rnd.nextInt(6)) {
            case 0 -> t;
            case 1 -> pick(ISOLATED);
            case 2 -> t.substring(0, 1).toUpperCase() + t.substring(1, 2);
            default -> t.substring(0, 1);
        };
    }

    private String tableRef(String t, String alias) {
        String name = tableVariant(t);
        if (alias == null) {
            return name;
        }
        return name + (rnd.nextBoolean() ? " AS " : " ") + alias;
    }

    private String tableVariant(String t) {
        return switch (rnd.nextInt(12)) {
            case 0 -> t.toUpperCase();
            case 1 -> t.substring(0, 1).toUpperCase() + t.substring(1);
            case 2 -> quote(t);
            case 3 -> quote(t.toUpperCase());
            case 4 -> "public." + t;
            case 5 -> "tip_shadow." + t;
            default -> t;
        };
    }

    private String quote(String name) {
        return dialect == Dialect.MARIADB && rnd.nextBoolean() ? "`" + name + "`" : "\"" + name + "\"";
    }

    private String cteName() {
        return rnd.nextBoolean() ? pick(TABLES) : pick("recent", "Orders", "\"orders\"", "x");
    }

    private String literal() {
        return switch (rnd.nextInt(12)) {
            case 0 -> "'it''s'";
            case 1 -> "'back\\slash'";
            case 2 -> dialect == Dialect.POSTGRESQL ? "$$dollar 'quoted'$$" : "'dollar'";
            case 3 -> dialect == Dialect.POSTGRESQL ? "E'esc\\'aped'" : "'plain'";
            case 4 -> "NULL";
            case 5 -> "TRUE";
            case 6 -> "1.5";
            case 7 -> "'tip_run'";
            case 8 -> "'-- not a comment'";
            case 9 -> "'/* nor this */'";
            case 10 -> "?";
            default -> String.valueOf(rnd.nextInt(100));
        };
    }

    private String comment() {
        return switch (rnd.nextInt(4)) {
            case 0 -> "/* note */";
            case 1 -> "/* select * from orders */";
            case 2 -> "-- line\n";
            default -> dialect == Dialect.MARIADB ? "# hash\n" : "/* a */";
        };
    }

    private String joinKind() {
        return dialect == Dialect.MARIADB && rnd.nextInt(10) == 0 ? "STRAIGHT_JOIN"
                : pick("JOIN", "INNER JOIN", "LEFT JOIN", "LEFT OUTER JOIN", "RIGHT JOIN", "FULL JOIN", "CROSS JOIN",
                "NATURAL JOIN");
    }

    private String setOp() {
        return pick("UNION", "UNION ALL", "INTERSECT", "EXCEPT");
    }

    private String lock() {
        return switch (dialect) {
            case MARIADB -> pick("FOR UPDATE", "LOCK IN SHARE MODE", "FOR UPDATE NOWAIT");
            case POSTGRESQL -> pick("FOR UPDATE", "FOR SHARE", "FOR NO KEY UPDATE", "FOR UPDATE OF o",
                    "FOR UPDATE SKIP LOCKED");
            default -> "FOR UPDATE";
        };
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[rnd.nextInt(options.length)];
    }

    private <T> T pick(List<T> options) {
        return options.get(rnd.nextInt(options.size()));
    }

    private <T> T pick(List<T> often, List<T> sometimes) {
        return rnd.nextInt(4) > 0 ? pick(often) : pick(sometimes);
    }
}
