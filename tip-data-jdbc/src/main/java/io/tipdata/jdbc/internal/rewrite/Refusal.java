package io.tipdata.jdbc.internal.rewrite;

import io.tipdata.jdbc.RefusedStatementException;

/** Why a statement is refused; thrown inside the rewrite and turned into a {@link RefusedStatementException}. */
public final class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public Refusal(String message) {
        super(message, null, false, false);
    }

    public Refusal(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    public RefusedStatementException toException() {
        return getCause() == null
                ? new RefusedStatementException(getMessage(), RefusedStatementException.REFUSED)
                : new RefusedStatementException(getMessage(), RefusedStatementException.REFUSED, getCause());
    }
}
