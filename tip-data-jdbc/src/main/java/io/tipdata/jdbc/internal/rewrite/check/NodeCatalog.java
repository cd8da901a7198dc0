package io.tipdata.jdbc.internal.rewrite.check;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The parser node types the check knows, and for each the text fields it may carry with what that text may
 * look like. A node of any other type, a text field not listed, or a text that does not have its expected
 * form (an identifier, a keyword, a number, an operator, a quoted literal) refuses the statement: the parser
 * keeps some constructs as raw text (JSON paths, interval and time keywords, hints), and a query or a call
 * hidden in such text would reach the database unchecked.
 *
 * <p>The list was built from the node types that the corpus of accepted statements produces on the three
 * dialects (see docs/FUNCTIONS.md), each reviewed; types that only carry other nodes and no text were added
 * where the grammar places expressions (signs, parentheses, array access, row constructors).
 */
final class NodeCatalog {

    private static final String AST = "net.sf.jsqlparser.";

    private enum Text {
        /** An identifier, unquoted or quoted with {@code "}, {@code `} or {@code []}. */
        NAME("[A-Za-z_][A-Za-z0-9_$]*|\"[^\"]*\"|`[^`]*`|\\[[^\\]]*\\]"),
        /** Keywords: letters, digits, underscores and spaces, optionally a parenthesized precision. */
        WORD("[A-Za-z_][A-Za-z0-9_ ]*(\\(\\s*\\d*\\s*(,\\s*\\d+\\s*)?\\))?(\\s*\\[\\s*\\])*"),
        /** A number as written. */
        NUMBER("[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?|0[xX][0-9A-Fa-f]+"),
        /** A JDBC marker character. */
        MARKER("\\?"),
        /** An operator of symbols or a keyword operator. */
        OPERATOR("[-+*/<>=!~@#&|^%?:.]{1,4}|[A-Za-z_ ]{1,30}"),
        /** A quoted string literal, without a backslash (whose reading differs between dialects). */
        LITERAL("'([^'\\\\]|'')*'"),
        /** A literal's content, read by the text check separately. */
        CONTENT(null);

        final Pattern pattern;

        Text(String regex) {
            this.pattern = regex == null ? null : Pattern.compile(regex);
        }
    }

    private static final Map<String, Map<String, Text>> KNOWN = new HashMap<>();
    private static final ConcurrentHashMap<Class<?>, List<Field>> TEXT_FIELDS = new ConcurrentHashMap<>();

    static {
        for (String type : List.of("expression.AnyComparisonExpression", "expression.ArrayConstructor",
                "expression.ArrayExpression", "expression.BooleanValue", "expression.CaseExpression",
                "expression.JsonAggregateFunction", "expression.JsonFunction", "expression.JsonFunctionExpression",
                "expression.NotExpression", "expression.NullValue", "expression.OrderByClause",
                "expression.PartitionByClause", "expression.TranscodingFunction", "expression.TrimFunction",
                "expression.WhenClause", "expression.WindowElement", "expression.WindowOffset",
                "expression.WindowRange", "expression.SignedExpression", "expression.Parenthesis",
                "expression.RowConstructor", "expression.NextValExpression", "expression.JsonExpression",
                "expression.operators.arithmetic.Addition", "expression.operators.arithmetic.BitwiseAnd",
                "expression.operators.arithmetic.BitwiseOr", "expression.operators.arithmetic.BitwiseXor",
                "expression.operators.arithmetic.BitwiseLeftShift", "expression.operators.arithmetic.BitwiseRightShift",
                "expression.operators.arithmetic.Concat", "expression.operators.arithmetic.Division",
                "expression.operators.arithmetic.IntegerDivision", "expression.operators.arithmetic.Modulo",
                "expression.operators.arithmetic.Multiplication", "expression.operators.arithmetic.Subtraction",
                "expression.operators.conditional.AndExpression", "expression.operators.conditional.OrExpression",
                "expression.operators.conditional.XorExpression",
                "expression.operators.relational.Between", "expression.operators.relational.ExistsExpression",
                "expression.operators.relational.InExpression", "expression.operators.relational.IsDistinctExpression",
                "expression.operators.relational.IsNullExpression", "expression.operators.relational.IsBooleanExpression",
                "expression.operators.relational.LikeExpression", "expression.operators.relational.RegExpMatchOperator",
                "expression.operators.relational.SimilarToExpression",
                "expression.operators.relational.ExpressionList", "expression.operators.relational.ParenthesedExpressionList",
                "expression.operators.relational.NamedExpressionList",
                "statement.delete.Delete", "statement.insert.Insert", "statement.insert.InsertConflictAction",
                "statement.merge.Merge", "statement.merge.MergeDelete", "statement.merge.MergeInsert",
                "statement.merge.MergeUpdate",                 "statement.select.Distinct", "statement.select.ExceptOp", "statement.select.MinusOp",
                "statement.select.GroupByElement", "statement.select.IntersectOp", "statement.select.Join",
                "statement.select.Limit", "statement.select.OrderByElement", "statement.select.ParenthesedFromItem",
                "statement.select.ParenthesedSelect", "statement.select.PlainSelect", "statement.select.SelectItem",
                "statement.select.SetOperationList", "statement.select.Top", "statement.select.UnionOp",
                "statement.select.Values", "statement.select.WithItem", "statement.select.Wait",
                "statement.update.Update", "statement.update.UpdateSet", "statement.upsert.Upsert",
                "statement.ReturningClause")) {
            KNOWN.put(type, Map.of());
        }
        KNOWN.put("expression.Alias", Map.of("name", Text.NAME));
        KNOWN.put("expression.Alias$AliasColumn", Map.of("name", Text.NAME, "colDataType", Text.WORD));
        KNOWN.put("expression.AnalyticExpression", Map.of("name", Text.NAME, "windowName", Text.NAME));
        KNOWN.put("expression.WindowDefinition", Map.of("windowName", Text.NAME));
        KNOWN.put("expression.CastExpression", Map.of("keyword", Text.WORD));
        // a collation by its bare name (a qualified one, other_schema."C", does not match NAME)
        KNOWN.put("expression.CollateExpression", Map.of("collate", Text.NAME));
        KNOWN.put("expression.DoubleValue", Map.of("stringValue", Text.NUMBER));
        KNOWN.put("expression.LongValue", Map.of("stringValue", Text.NUMBER));
        KNOWN.put("expression.ExtractExpression", Map.of("name", Text.WORD));
        KNOWN.put("expression.Function", Map.of("nameparts", Text.NAME));
        KNOWN.put("expression.NextValExpression", Map.of("nameList", Text.NAME));
        KNOWN.put("expression.IntervalExpression", Map.of("intervalType", Text.WORD, "parameter", Text.LITERAL));
        KNOWN.put("expression.JdbcParameter", Map.of("parameterCharacter", Text.MARKER));
        KNOWN.put("expression.JsonKeyValuePair", Map.of("key", Text.NAME));
        KNOWN.put("expression.MySQLGroupConcat", Map.of("separator", Text.LITERAL));
        KNOWN.put("expression.StringValue", Map.of("value", Text.CONTENT, "prefix", Text.NAME));
        KNOWN.put("expression.TimeKeyExpression", Map.of("stringValue", Text.WORD));
        KNOWN.put("expression.TimestampValue", Map.of("rawValue", Text.LITERAL));
        KNOWN.put("expression.DateValue", Map.of("rawValue", Text.LITERAL));
        KNOWN.put("expression.TimeValue", Map.of("rawValue", Text.LITERAL));
        KNOWN.put("expression.HexValue", Map.of("value", Text.NUMBER));
        for (String op : List.of("EqualsTo", "NotEqualsTo", "GreaterThan", "GreaterThanEquals", "MinorThan",
                "MinorThanEquals", "JsonOperator", "CosineSimilarity")) {
            KNOWN.put("expression.operators.relational." + op, Map.of("operator", Text.OPERATOR, "op", Text.OPERATOR));
        }
        KNOWN.put("schema.Column", Map.of("columnName", Text.NAME, "tableDelimiter", Text.OPERATOR));
        KNOWN.put("schema.Table", Map.of("partItems", Text.NAME, "partDelimiters", Text.OPERATOR));
        KNOWN.put("statement.create.table.ColDataType", Map.of("dataType", Text.WORD, "characterSet", Text.NAME,
                "argumentsStringList", Text.NUMBER, "arrayData", Text.NUMBER));
        KNOWN.put("statement.insert.InsertConflictTarget", Map.of("indexColumnNames", Text.NAME,
                "constraintName", Text.NAME));
        KNOWN.put("expression.MySQLIndexHint", Map.of("action", Text.WORD, "indexNames", Text.NAME,
                "indexQualifier", Text.WORD));
        KNOWN.put("statement.select.AllColumns", Map.of("exceptKeyword", Text.WORD));
        KNOWN.put("statement.select.AllTableColumns", Map.of("exceptKeyword", Text.WORD));
        KNOWN.put("statement.select.Fetch", Map.of("fetchParameters", Text.WORD));
        KNOWN.put("statement.select.Offset", Map.of("offsetParam", Text.WORD));
        KNOWN.put("statement.select.LateralSubSelect", Map.of("prefix", Text.WORD));
    }

    /**
     * The parser's other node types, each reviewed and refused wherever it appears (the resource
     * {@code refused-node-types.txt} beside this class, for the parser version in use); a test requires every node
     * type of the parser to be in {@link #KNOWN} or here, so a parser upgrade that adds types fails until they are
     * reviewed.
     */
    static final java.util.Set<String> REFUSED = loadRefused();

    private NodeCatalog() {
    }

    /** Tells whether the type (its name after {@code net.sf.jsqlparser.}) is accepted, with its text fields. */
    static boolean isKnown(String type) {
        return KNOWN.containsKey(type);
    }

    /** The accepted types, named after {@code net.sf.jsqlparser.}. */
    static java.util.Set<String> known() {
        return java.util.Set.copyOf(KNOWN.keySet());
    }

    private static java.util.Set<String> loadRefused() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        try (java.io.InputStream in = NodeCatalog.class.getResourceAsStream("refused-node-types.txt")) {
            if (in == null) {
                throw new IllegalStateException("tip-data's refused-node-types.txt is missing from the jar");
            }
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add(t);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return java.util.Collections.unmodifiableSet(out);
    }

    /** Refuses the node if its type is unknown or one of its text fields is unknown or malformed. */
    static void require(Object node) {
        String type = node.getClass().getName().substring(AST.length());
        Map<String, Text> texts = KNOWN.get(type);
        if (texts == null) {
            QueryCheck.fail("the statement holds a " + node.getClass().getSimpleName()
                    + ", a construct the check does not know");
            return;
        }
        for (Field f : TEXT_FIELDS.computeIfAbsent(node.getClass(), NodeCatalog::textFields)) {
            Object v;
            try {
                v = f.get(node);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + f, e);
            }
            List<?> values = v instanceof Collection<?> c ? new ArrayList<>(c) : v == null ? List.of() : List.of(v);
            for (Object text : values) {
                if (text == null) {
                    continue;
                }
                Text kind = texts.get(f.getName());
                if (kind == null) {
                    QueryCheck.fail("the " + node.getClass().getSimpleName() + " carries text in '" + f.getName()
                            + "', which the check does not read");
                } else if (!(text instanceof String s) || kind.pattern != null && !s.isBlank()
                        && !kind.pattern.matcher(s.strip()).matches()) {
                    QueryCheck.fail("the " + node.getClass().getSimpleName() + " carries unexpected text in '"
                            + f.getName() + "'");
                }
            }
        }
    }

    /** Applies {@link #require} to every node of the tree, in every field. */
    static void requireAll(Object v, java.util.Set<Object> seen) {
        if (v instanceof Collection<?> c) {
            c.forEach(o -> requireAll(o, seen));
        } else if (v instanceof Map<?, ?> m) {
            m.keySet().forEach(o -> requireAll(o, seen));
            m.values().forEach(o -> requireAll(o, seen));
        } else if (v instanceof Map.Entry<?, ?> e) {
            requireAll(e.getKey(), seen);
            requireAll(e.getValue(), seen);
        } else if (v instanceof Object[] a) {
            for (Object o : a) {
                requireAll(o, seen);
            }
        } else if (v != null && CheckFields.isAstNode(v) && seen.add(v)) {
            require(v);
            for (Object child : CheckFields.children(v)) {
                requireAll(child, seen);
            }
        }
    }

    /** The instance fields of the type that hold text: strings and collections of strings. */
    private static List<Field> textFields(Class<?> type) {
        List<Field> out = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                boolean text = f.getType() == String.class || Collection.class.isAssignableFrom(f.getType())
                        && f.getGenericType().getTypeName().endsWith("<java.lang.String>");
                if (text) {
                    f.setAccessible(true);
                    out.add(f);
                }
            }
        }
        return List.copyOf(out);
    }
}
