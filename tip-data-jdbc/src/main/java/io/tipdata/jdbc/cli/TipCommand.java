package io.tipdata.jdbc.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Map;

/**
 * The {@code tip-data} command-line tool: {@code mint}, {@code shadow create|check|update} and their
 * {@code --help}.
 *
 * <pre>
 * java -cp tip-data-jdbc-0.1.0-SNAPSHOT-cli.jar:postgresql-42.7.8.jar io.tipdata.jdbc.cli.TipCommand \
 *     shadow check --url jdbc:postgresql://db/app --user app --password-env DB_PASSWORD --isolated orders
 * </pre>
 *
 * <p>This class names no picocli type, so that a class path without picocli (or without tip-data-core)
 * ends in a message and {@link #MISSING_CLASS_OR_DRIVER} instead of a stack trace. Every command exits
 * with one of the codes below.
 */
public final class TipCommand {

    /** Exit code: done, nothing wrong (warnings may be printed). */
    public static final int OK = 0;
    /** Exit code: the command ran and found problems (printed), such as a drifted shadow twin. */
    public static final int PROBLEMS = 1;
    /** Exit code: the arguments cannot be used; the message says what to change. */
    public static final int USAGE = 2;
    /** Exit code: the database refused or failed. */
    public static final int DATABASE_ERROR = 3;
    /** Exit code: what the arguments point to is unusable: an unset variable, an unreadable file, a bad key. */
    public static final int CONFIGURATION = 4;
    /** Exit code: a class (tip-data, picocli) or the JDBC driver for the URL is not on the class path. */
    public static final int MISSING_CLASS_OR_DRIVER = 5;
    /** Exit code: an unexpected error in tip-data itself; the message names it. */
    public static final int INTERNAL_ERROR = 70;

    private TipCommand() {
    }

    /** Runs the command with this process's streams and environment, and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** Runs the command with the given streams and environment, and returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        PrintWriter o = new PrintWriter(out, true, Charset.defaultCharset());
        PrintWriter e = new PrintWriter(err, true, Charset.defaultCharset());
        try {
            return RootCommand.execute(args, o, e, env);
        } catch (LinkageError missing) {
            e.println("error: a class is missing from the class path (" + missing.getMessage() + "): run the"
                    + " command from tip-data-jdbc-<version>-cli.jar, or put tip-data-core, picocli and slf4j-api"
                    + " beside tip-data-jdbc");
            return MISSING_CLASS_OR_DRIVER;
        } finally {
            o.flush();
            e.flush();
        }
    }
}
