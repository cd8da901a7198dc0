package io.tipdata.jdbc.cli;

/**
 * Exit codes of {@link PurgeCommand} and {@link AuditCommand} run through their own {@code main}, for scripts
 * and CronJobs: 0 success, 1 partial success (some runs failed; the audit found leaks), 2 configuration or usage
 * error, 3 database error. Run as {@code tip-data purge} and {@code tip-data audit} ({@link TipCommand}) they
 * exit with that tool's codes: the same, except that a configuration error is 4 and a missing driver 5.
 */
public final class ExitCodes {

    /** Everything due was done; the audit found nothing. */
    public static final int OK = 0;
    /** Some runs could not be purged (they are retried by the next pass), or the audit found leaks. */
    public static final int PARTIAL = 1;
    /** The arguments or settings cannot be used; the message says what to change. */
    public static final int CONFIGURATION = 2;
    /** The database could not be reached or refused the work. */
    public static final int DATABASE = 3;

    private ExitCodes() {
    }

    /** Runs a picocli command with these exit codes for usage errors and unexpected failures. */
    static int execute(Object command, String[] args, java.io.PrintStream out, java.io.PrintStream err) {
        picocli.CommandLine line = new picocli.CommandLine(command);
        line.setOut(new java.io.PrintWriter(out, true));
        line.setErr(new java.io.PrintWriter(err, true));
        line.setParameterExceptionHandler((ex, a) -> {
            err.println("error: " + ex.getMessage());
            ex.getCommandLine().usage(err);
            return CONFIGURATION;
        });
        line.setExecutionExceptionHandler((ex, cl, parsed) -> {
            err.println("error: " + ex.getMessage());
            if (ex instanceof CliException) {
                return CONFIGURATION;
            }
            return ex instanceof IllegalArgumentException || ex instanceof IllegalStateException
                    && !(ex.getCause() instanceof java.sql.SQLException) ? CONFIGURATION : DATABASE;
        });
        return line.execute(args);
    }
}
