package io.tipdata.jdbc.internal.purge;

import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries database work with exponential backoff while the failure may pass (connection lost, server
 * restarting, lock timeout, deadlock), for at most a total time; errors that cannot pass by waiting (syntax,
 * missing table or privilege, bad data, a refused login: SQLState classes 42, 22 and 28, and H2's
 * {@code 90096} and {@code 90040}, not enough rights and admin rights required) are thrown at once.
 */
public final class Retrier {

    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    /** Work that may fail with a database error. */
    public interface Work<T> {
        /** Does the work. */
        T run() throws SQLException;
    }

    private final Duration initial;
    private final Duration max;
    private final Duration giveUpAfter;

    /** Backoff from {@code initial}, doubling up to {@code max}, giving up after {@code giveUpAfter}. */
    public Retrier(Duration initial, Duration max, Duration giveUpAfter) {
        this.initial = initial;
        this.max = max;
        this.giveUpAfter = giveUpAfter;
    }

    /** Runs the work until it succeeds, fails for good, or the time is up (then the last failure is thrown). */
    public <T> T call(String what, Work<T> work) throws SQLException {
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        long backoff = initial.toMillis();
        int attempt = 0;
        while (true) {
            try {
                return work.run();
            } catch (SQLException e) {
                attempt++;
                if (!mayPass(e) || System.nanoTime() + backoff * 1_000_000L > deadline) {
                    throw e;
                }
                LOG.warn("tip-data purge: {} failed (attempt {}, SQLState {}): {}; retrying in {} ms", what, attempt,
                        e.getSQLState(), e.getMessage(), backoff);
                sleep(backoff);
                backoff = Math.min(max.toMillis(), backoff * 2);
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof SQLException cause)) {
                    throw e;
                }
                attempt++;
                if (!mayPass(cause) || System.nanoTime() + backoff * 1_000_000L > deadline) {
                    throw cause;
                }
                LOG.warn("tip-data purge: {} failed (attempt {}): {}; retrying in {} ms", what, attempt,
                        e.getMessage(), backoff);
                sleep(backoff);
                backoff = Math.min(max.toMillis(), backoff * 2);
            }
        }
    }

    /** Tells whether waiting may make the failure go away. */
    static boolean mayPass(SQLException e) {
        String state = e.getSQLState();
        return state == null || !(state.startsWith("42") || state.startsWith("22") || state.startsWith("28")
                || state.equals("90096") || state.equals("90040"));
    }

    private static void sleep(long millis) throws SQLException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting to retry", "57014", ie);
        }
    }
}
