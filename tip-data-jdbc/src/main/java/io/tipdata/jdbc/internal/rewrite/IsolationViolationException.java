package io.tipdata.jdbc.internal.rewrite;

import io.tipdata.jdbc.RefusedStatementException;

/**
 * A refusal because the rewrite of a statement failed the independent isolation check: the rewriter
 * produced SQL that would not have stayed in the run's partitions. Whoever catches it quarantines the run.
 * SQLState {@value RefusedStatementException#REFUSED}; nothing was sent. {@link #shape()} is the statement with
 * its literals masked, for logs.
 */
public final class IsolationViolationException extends RefusedStatementException {

    private static final long serialVersionUID = 1L;

    private final String shape;

    /** A violation with the verifier's message (no shape known). */
    public IsolationViolationException(String message) {
        this(message, "(unknown)");
    }

    /** A violation with the verifier's message and the statement's shape (its literals masked). */
    public IsolationViolationException(String message, String shape) {
        super(message, REFUSED);
        this.shape = shape;
    }

    /** The statement as rewritten, with every literal masked as {@code ?}: safe to log. */
    public String shape() {
        return shape;
    }
}
