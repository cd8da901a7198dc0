package io.tipdata.jdbc.cli;

import io.tipdata.core.purge.PurgeListener;
import io.tipdata.core.purge.PurgeReport;
import io.tipdata.jdbc.JdbcRunRegistry;
import io.tipdata.jdbc.PurgeJob;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Purges expired test runs once, for cron or a Kubernetes CronJob, or one run now ({@code --run}) for a
 * harness that has finished; {@code --dry-run} tells what would be deleted. Prints a line per run and a total
 * (runs, rows, rows per second).
 *
 * <pre>
 * java -cp &lt;tip-data jars&gt;:picocli.jar:&lt;JDBC driver&gt; io.tipdata.jdbc.cli.PurgeCommand \
 *     --url jdbc:postgresql://db/app --user app --password-env DB_PASSWORD --isolated orders,order_items
 * </pre>
 *
 * <p>Exit codes ({@link ExitCodes}): 0 every due run purged, 1 some runs failed (the next pass takes them
 * again), 2 configuration or usage error, 3 database error.
 */
@Command(name = "purge", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Deletes the rows of expired test runs from the shadow twins and marks the runs purged.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:done, nothing wrong (every due run purged or listed; nothing leaked)",
            " 1:problems found (printed): some runs failed and are retried by the next pass, or leaks",
            " 2:usage error: the arguments cannot be used",
            " 3:database error",
            " 4:configuration error: an unset variable, an unreadable file, a bad setting",
            " 5:a class or the JDBC driver for the URL is missing from the class path",
            "70:unexpected error in tip-data"})
public final class PurgeCommand implements Callable<Integer> {

    @Mixin
    PurgeOptions options;

    @Option(names = "--dry-run", description = "report what would be deleted; delete nothing")
    boolean dryRun;

    @Option(names = "--run", paramLabel = "RUN_ID", description = "purge this run now, even if it is still active")
    String run;

    @Option(names = "--batch-size", description = "rows per batch, each its own transaction (default ${DEFAULT-VALUE})")
    int batchSize = PurgeJob.DEFAULT_BATCH_SIZE;

    @Option(names = "--pause", paramLabel = "DURATION", description = "pause between batches (default ${DEFAULT-VALUE})")
    Duration pause = PurgeJob.DEFAULT_PAUSE;

    @Option(names = "--lock-timeout", paramLabel = "DURATION", description = "lock timeout of a batch (default PT2S)")
    Duration lockTimeout = Duration.ofSeconds(2);

    @Option(names = "--in-flight", paramLabel = "DURATION",
            description = "with --run, wait for requests still running before deleting (default PT100S)")
    Duration inFlight = Duration.ofSeconds(100);

    private PrintStream out = System.out;
    private Map<String, String> env = System.getenv();

    /** Runs the command and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** Runs the command with the given output streams and environment, and returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        PurgeCommand c = new PurgeCommand();
        c.out = out;
        c.env = env;
        return ExitCodes.execute(c, args, out, err);
    }

    @Override
    public Integer call() {
        DriverManagerDataSource ds = options.dataSource(env);
        JdbcRunRegistry registry = options.registry(ds);
        PurgeJob job = options.job(ds, registry).batchSize(batchSize).pause(pause).lockTimeout(lockTimeout)
                .inFlightAllowance(inFlight).listener(new PurgeListener() {
                    @Override
                    public void onRunPurged(String runId, long rows, Duration d) {
                        out.println("purged run " + runId + ": " + rows + " row(s) in " + seconds(d) + " s ("
                                + rate(rows, d) + " rows/s)");
                    }

                    @Override
                    public void onRunFailed(String runId, String reason) {
                        out.println("failed run " + runId + ": " + reason);
                    }
                }).build();
        registry.now();   // a database error here is exit code 3
        if (run != null && registry.record(run).isEmpty()) {
            throw options.usage("run '" + run + "' is not in the run registry " + registry.table()
                    + "; check --run and --registry-table");
        }
        PurgeReport report = dryRun ? (run != null ? job.dryRun(run) : job.dryRun())
                : (run != null ? job.purgeNow(run) : job.purgeExpired());
        if (report.dryRun()) {
            report.purged().forEach((id, rows) -> out.println("would purge run " + id + ": " + rows + " row(s)"));
        }
        report.failed().forEach((id, why) -> {
            if (id.equals("*")) {
                out.println("failed: " + why);
            }
        });
        out.println((report.dryRun() ? "dry run: would purge " : "purged ") + report.purged().size() + " run(s), "
                + report.rows() + " row(s) in " + seconds(report.duration()) + " s ("
                + rate(report.rows(), report.duration()) + " rows/s); " + report.failed().size() + " failed, "
                + report.skipped().size() + " held by another purger");
        if (report.failed().containsKey("*")) {
            return ExitCodes.DATABASE;
        }
        return report.failed().isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f", d.toNanos() / 1e9);
    }

    private static String rate(long rows, Duration d) {
        double s = d.toNanos() / 1e9;
        return s <= 0 ? "0" : String.format(Locale.ROOT, "%.0f", rows / s);
    }
}
