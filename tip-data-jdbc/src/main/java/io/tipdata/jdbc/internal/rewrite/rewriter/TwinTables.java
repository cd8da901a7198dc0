package io.tipdata.jdbc.internal.rewrite.rewriter;

import io.tipdata.jdbc.internal.rewrite.Refusal;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.TablePolicy;
import java.util.List;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.Values;

/**
 * What tip-data makes of one table reference: its resolution by policy and CTE scope, its shadow twin,
 * the run filter and the run literal stamped on inserted rows.
 */
final class TwinTables {

    static final String RUN_COLUMN = "tip_run";

    private final TableNames names;
    private final String shadowSchema;
    private final String runLiteral;
    private final java.util.Set<Object> twinTables = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    TwinTables(TableNames names, String shadowSchema, String runLiteral) {
        this.names = names;
        this.shadowSchema = shadowSchema;
        this.runLiteral = runLiteral;
    }

    /** The resolution of an unqualified table name. */
    enum Target { CTE, DUAL, REFERENCE, ISOLATED }

    /**
     * Resolves an unqualified table reference (a reference to a CTE is renamed to the CTE's generated
     * name); refuses qualified, denied and unknown tables.
     */
    Target resolve(Table t, CteScope scope) {
        String raw = t.getName();
        if (t.getNameParts().stream().anyMatch(part -> part != null && part.contains("@"))) {
            throw new Refusal("table '" + t.getFullyQualifiedName() + "' goes through a database link, which"
                    + " tip-data cannot isolate; query the table locally");
        }
        boolean production = false;
        if (t.getSchemaName() != null || t.getDatabase() != null && t.getDatabase().getDatabaseName() != null) {
            String schema = t.getSchemaName() == null ? "" : TableNames.unquote(t.getSchemaName());
            production = !schema.equalsIgnoreCase(shadowSchema) && names.isProductionQualified(t);
        }
        if (!production && (t.getSchemaName() != null
                || t.getDatabase() != null && t.getDatabase().getDatabaseName() != null)) {
            String schema = t.getSchemaName() == null ? "" : TableNames.unquote(t.getSchemaName());
            if (schema.equalsIgnoreCase(shadowSchema)) {
                throw new Refusal("table '" + t.getFullyQualifiedName() + "' names the shadow schema '" + shadowSchema
                        + "' directly; only tip-data addresses shadow twins, write the table name unqualified");
            }
            throw new Refusal("table '" + t.getFullyQualifiedName() + "' is qualified with a schema other than the"
                    + " production schema" + (names.productionSchema() == null ? "" : " '" + names.productionSchema() + "'")
                    + "; in test context tip-data refuses such a schema-qualified name because it cannot prove it names"
                    + " the declared table; write the table name unqualified or qualified with the production schema");
        }
        // a qualified name never names a CTE
        String cte = production ? null : scope.generatedNameOf(raw, names);
        if (cte != null) {
            t.setName(cte);
            if (t.getAlias() == null) {
                t.setAlias(new Alias(raw, false));
            }
            return Target.CTE;
        }
        if (!production && names.isDual(raw)) {
            return Target.DUAL;
        }
        TablePolicy policy = names.policyOf(raw);
        if (policy == TablePolicy.DENIED) {
            throw new Refusal(names.deniedReason(raw));
        }
        if (t.getAlias() != null && t.getAlias().getAliasColumns() != null && !t.getAlias().getAliasColumns().isEmpty()) {
            throw new Refusal("table '" + TableNames.unquote(raw) + "' has an alias with a column list ("
                    + t.getAlias() + "); tip-data refuses renamed table columns in test context, drop the column list");
        }
        if (t.getAlias() != null && t.getAlias().getName().contains(".")) {
            throw new Refusal("table '" + TableNames.unquote(raw) + "' has the alias " + t.getAlias().getName()
                    + ", which holds a dot; choose an alias of letters, digits and _");
        }
        return policy == TablePolicy.ISOLATED ? Target.ISOLATED : Target.REFERENCE;
    }

    /**
     * Points an ISOLATED table at its twin; returns the qualifier that names it in the statement (its alias,
     * or the twin's full name), built from name parts so quoted names keep their quotes.
     */
    Table toTwin(Table t, boolean addAlias) {
        String raw = t.getName();
        if (t.getDatabase() != null && t.getDatabase().getDatabaseName() != null) {
            t.setDatabaseName(null);
        }
        t.setSchemaName(shadowSchema);
        twinTables.add(t);
        if (t.getAlias() == null && addAlias) {
            t.setAlias(new Alias(raw, false));
        }
        return qualifierOf(t);
    }

    /** The alias of the table, or its full name when it has none. */
    static Table qualifierOf(Table t) {
        return t.getAlias() != null ? new Table(null, t.getAlias().getName()) : new Table(t.getSchemaName(), t.getName());
    }

    /** Tells whether the node is a table this rewrite pointed at its twin. */
    boolean isTwin(Object node) {
        return twinTables.contains(node);
    }

    /** The tables this rewrite pointed at their twins. */
    List<Table> all() {
        return twinTables.stream().map(Table.class::cast).toList();
    }

    /** Tells whether this rewrite pointed any table at its twin. */
    boolean anyTwin() {
        return !twinTables.isEmpty();
    }

    /** {@code qualifier.tip_run = '<run>'}. */
    Expression runFilter(Table qualifier) {
        return new EqualsTo(new Column(qualifier, RUN_COLUMN), runValue());
    }

    StringValue runValue() {
        return new StringValue(runLiteral);
    }

    /**
     * {@code (existing) AND f1 AND f2 ...}. The existing condition is parenthesized unless it is a
     * single comparison of plain values or an AND of such: besides precedence ({@code a OR b}), the parser reads
     * {@code x IN (...) AND y} as {@code x IN ((...) AND y)}, and the verifier must see the filters as
     * top-level conjuncts when it parses the rendered text again.
     */
    static Expression and(Expression existing, List<Expression> filters) {
        Expression result = existing;
        if (result != null && !filters.isEmpty() && !isPlainCondition(result)
                && !(result instanceof ParenthesedExpressionList<?> p && p.size() == 1)) {
            result = new ParenthesedExpressionList<>(result);
        }
        for (Expression f : filters) {
            result = result == null ? f : new AndExpression(result, f);
        }
        return result;
    }

    private static boolean isPlainCondition(Expression e) {
        if (e instanceof AndExpression and && !and.isUseOperator()) {
            // a AND b AND filter: AND groups from the left in every dialect, so a chain of plain comparisons
            // keeps its meaning without parentheses (not && , which PostgreSQL reads as another operator)
            return isPlainCondition(and.getLeftExpression()) && isPlainCondition(and.getRightExpression());
        }
        return e instanceof ComparisonOperator c && isPlainValue(c.getLeftExpression()) && isPlainValue(c.getRightExpression());
    }

    private static boolean isPlainValue(Expression e) {
        return e instanceof Column || e instanceof net.sf.jsqlparser.expression.JdbcParameter || e instanceof StringValue
                || e instanceof net.sf.jsqlparser.expression.LongValue || e instanceof net.sf.jsqlparser.expression.DoubleValue;
    }

    static boolean isRunColumn(Column c) {
        return TableNames.unquote(c.getColumnName()).equalsIgnoreCase(RUN_COLUMN);
    }

    /** Adds the run literal as the last projection of every branch of the query (for INSERT ... SELECT). */
    void stampProjection(Select s, int columns) {
        if (s instanceof PlainSelect ps) {
            for (SelectItem<?> item : ps.getSelectItems()) {
                if (item.getExpression() instanceof AllColumns || item.getExpression() instanceof AllTableColumns) {
                    throw new Refusal("INSERT ... SELECT " + item + " into an ISOLATED table: list the selected columns"
                            + " (the shadow twin has the extra column " + RUN_COLUMN + ")");
                }
            }
            requireWidth(ps.getSelectItems().size(), columns);
            ps.addSelectItems(runValue());
        } else if (s instanceof SetOperationList sol) {
            for (Select branch : sol.getSelects()) {
                stampProjection(branch, columns);
            }
        } else if (s instanceof ParenthesedSelect p) {
            stampProjection(p.getSelect(), columns);
        } else if (s instanceof Values v) {
            stampRows(v, columns);
        } else {
            throw new Refusal("INSERT source " + s.getClass().getSimpleName() + " is not supported in test context");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void stampRows(Values v, int columns) {
        List rows = v.getExpressions();
        boolean multiRow = !(rows instanceof ParenthesedExpressionList) && !rows.isEmpty()
                && rows.stream().allMatch(r -> r instanceof ParenthesedExpressionList);
        if (multiRow) {
            for (Object row : rows) {
                requireWidth(((List) row).size(), columns);
                ((List) row).add(runValue());
            }
        } else if (rows instanceof ParenthesedExpressionList) {
            requireWidth(rows.size(), columns);
            rows.add(runValue());
        } else {
            throw new Refusal("INSERT ... VALUES '" + v + "' has a row form tip-data cannot stamp; write VALUES (...), (...)");
        }
    }

    private static void requireWidth(int values, int columns) {
        if (values != columns) {
            throw new Refusal("the INSERT lists " + columns + " columns but a row or SELECT gives " + values
                    + " values; give one value per listed column");
        }
    }

    /** The policy of the (unqualified) table's name. */
    TablePolicy policyOf(Table t) {
        return names.policyOf(t.getName());
    }

    boolean isMariaDb() {
        return names.dialect() == Dialect.MARIADB;
    }
}
