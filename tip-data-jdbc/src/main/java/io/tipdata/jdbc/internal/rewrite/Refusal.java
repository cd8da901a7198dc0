package io.tipdata.jdbc.internal.rewrite;

import io.tipdata.jdbc.RefusedStatementException;

/** Why a statement is refused; thrown inside the rewrite and turned into a {@link RefusedStatementException}. */
final class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    Refusal(String message) {
        super(message, null, false, false);
    }

    Refusal(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    RefusedStatementException toException() {
        return getCause() == null
                ? new RefusedStatementException(getMessage(), RefusedStatementException.REFUSED)
                : new RefusedStatementException(getMessage(), RefusedStatementException.REFUSED, getCause());
    }
}
