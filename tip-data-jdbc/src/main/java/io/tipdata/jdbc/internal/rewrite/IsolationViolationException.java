package io.tipdata.jdbc.internal.rewrite;

import io.tipdata.jdbc.RefusedStatementException;

/**
 * A refusal because the rewrite of a statement failed the independent isolation check: the rewriter
 * produced SQL that would not have stayed in the run's partitions. Whoever catches it should engage the
 * kill switch. SQLState {@value RefusedStatementException#REFUSED}; nothing was sent.
 */
public final class IsolationViolationException extends RefusedStatementException {

    private static final long serialVersionUID = 1L;

    /** A violation with the verifier's message. */
    public IsolationViolationException(String message) {
        super(message, REFUSED);
    }
}
