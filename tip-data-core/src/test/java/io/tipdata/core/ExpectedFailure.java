package io.tipdata.core;

/**
 * An exception a test throws on purpose to see that tip-data survives it. It has no stack trace, so
 * that tip-data's log line about it (which prints the exception) stays one line in the build output.
 */
public final class ExpectedFailure extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** An expected failure with the message. */
    public ExpectedFailure(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
