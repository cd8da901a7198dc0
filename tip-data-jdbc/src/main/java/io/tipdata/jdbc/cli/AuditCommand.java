package io.tipdata.jdbc.cli;

import io.tipdata.jdbc.JdbcRunRegistry;
import io.tipdata.jdbc.PurgeAudit;
import io.tipdata.jdbc.PurgeJob;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Reports rows left behind by purged runs, runs overdue for purge, rows of runs the registry does not know, and
 * shadow drift. Each finding is printed and logged as an error.
 *
 * <p>Exit codes ({@link ExitCodes}): 0 nothing found, 1 leaks found, 2 configuration or usage error, 3 database
 * error.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Checks that no test row outlived its run and that the shadow schema matches production.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:done, nothing wrong (every due run purged or listed; nothing leaked)",
            " 1:problems found (printed): some runs failed and are retried by the next pass, or leaks",
            " 2:usage error: the arguments cannot be used",
            " 3:database error",
            " 4:configuration error: an unset variable, an unreadable file, a bad setting",
            " 5:a class or the JDBC driver for the URL is missing from the class path",
            "70:unexpected error in tip-data"})
public final class AuditCommand implements Callable<Integer> {

    @Mixin
    PurgeOptions options;

    @Option(names = "--overdue-after", paramLabel = "DURATION",
            description = "report runs unpurged this long after expiry (default PT1H)")
    Duration overdueAfter = Duration.ofHours(1);

    private PrintStream out = System.out;
    private Map<String, String> env = System.getenv();

    /** Runs the command and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** Runs the command with the given output streams and environment, and returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        AuditCommand c = new AuditCommand();
        c.out = out;
        c.env = env;
        return ExitCodes.execute(c, args, out, err);
    }

    @Override
    public Integer call() throws SQLException {
        DriverManagerDataSource ds = options.dataSource(env);
        JdbcRunRegistry registry = options.registry(ds);
        PurgeJob job = options.job(ds, registry).overdueAfter(overdueAfter).build();
        registry.now();   // an unreachable database is exit code 3 at once, not after retries
        PurgeAudit audit = job.audit();
        audit.lines().forEach(out::println);
        out.println(audit.isClean() ? "audit clean: no leak found" : audit.lines().size() + " finding(s)");
        return audit.isClean() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }
}
