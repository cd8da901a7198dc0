package io.tipdata.jdbc.internal.rewrite;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.internal.rewrite.check.IsolationVerifier;
import io.tipdata.jdbc.internal.rewrite.text.RunSlots;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;

/**
 * Hand-written SQL as the check receives it from the rewriter: the run literal {@code '<run>'} is read by
 * {@link RunSlots}, and the check parses the text with it written as a marker.
 */
final class CheckInput {

    private CheckInput() {
    }

    static void verify(IsolationVerifier verifier, Dialect dialect, String sql, String run, String ctePrefix)
            throws Exception {
        RunSlots slots = RunSlots.of(sql, "", run, dialect);
        verifier.verify(CCJSqlParserUtil.parse(slots.checkedText()), slots.markers(), slots.checked().parameterCount(),
                ctePrefix);
    }
}
