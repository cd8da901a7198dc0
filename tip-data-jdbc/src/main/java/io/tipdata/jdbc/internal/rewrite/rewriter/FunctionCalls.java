package io.tipdata.jdbc.internal.rewrite.rewriter;

import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;

/** How many arguments a call passes, as the allow-list counts them. */
final class FunctionCalls {

    private FunctionCalls() {
    }

    static int arguments(Function f) {
        int n = f.getParameters() == null ? 0 : f.getParameters().size();
        return n + (f.getNamedParameters() == null ? 0 : f.getNamedParameters().size());
    }

    static int arguments(AnalyticExpression a) {
        int n = a.getExpression() instanceof ExpressionList<?> l ? l.size() : a.getExpression() != null || a.isAllColumns() ? 1 : 0;
        return n + (a.getOffset() != null ? 1 : 0) + (a.getDefaultValue() != null ? 1 : 0);
    }
}
