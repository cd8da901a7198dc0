package io.tipdata.jdbc.cli;

import io.tipdata.jdbc.SchemaProblem;
import io.tipdata.jdbc.ShadowSchema;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TablePolicy;
import io.tipdata.jdbc.cli.CommandLine.UsageException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Creates or checks the shadow schema from the command line, e.g. before a deployment or from a CI job.
 *
 * <pre>
 * java -cp tip-data-jdbc.jar:tip-data-core.jar:slf4j-api.jar:&lt;JDBC driver jar&gt; \
 *     io.tipdata.jdbc.cli.ShadowSchemaCommand create|check --url JDBC_URL [--user USER] \
 *     [--password-env VAR | --password-file PATH] --isolated orders,order_*,... \
 *     [--reference countries,...] [--schema tip_shadow]
 * </pre>
 *
 * <p>The JDBC driver of the database (H2, PostgreSQL or MariaDB) must be on the class path. A password is
 * never taken as an argument. Entries of {@code --isolated} and {@code --reference} with {@code *} or
 * {@code ?} are patterns. {@code create} creates each missing twin (existing twins are left as they are),
 * then checks. Exit codes: 0 all well, or only warnings (a production index missing in a twin makes test
 * statements slower, never less isolated; the warnings are printed), 1 errors found (printed; the same that
 * make {@code TipDataSource.build()} refuse to start), 2 usage error (the message says what to change),
 * 3 database error.
 */
public final class ShadowSchemaCommand {

    /** Exit code: the shadow schema matches production, apart from any warnings printed. */
    public static final int OK = 0;
    /** Exit code: the check found errors; they are printed, with any warnings. */
    public static final int PROBLEMS = 1;
    /** Exit code: the arguments cannot be used. */
    public static final int USAGE = 2;
    /** Exit code: the database refused or failed. */
    public static final int DATABASE_ERROR = 3;

    static final String USAGE_TEXT = "usage: java -cp <tip-data jars>:<JDBC driver jar> "
            + ShadowSchemaCommand.class.getName() + " create|check --url JDBC_URL [--user USER]"
            + " [--password-env VAR | --password-file PATH] --isolated t1,t2,pattern_* [--reference t3,...]"
            + " [--schema " + ShadowSchema.DEFAULT_SCHEMA + "]";

    private static final Set<String> COMMANDS = new TreeSet<>(Set.of("create", "check"));
    private static final Set<String> OPTIONS = new TreeSet<>(Set.of("--url", "--user", "--password-env",
            "--password-file", "--isolated", "--reference", "--schema"));

    private ShadowSchemaCommand() {
    }

    /** Runs the command and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** Runs the command with the given output streams and environment, and returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        CommandLine line;
        ShadowSchema schema;
        TablePolicies policies;
        DriverManagerDataSource dataSource;
        try {
            line = CommandLine.parse(args, COMMANDS, OPTIONS);
            String url = line.required("--url", "jdbc:postgresql://db:5432/app");
            dataSource = new DriverManagerDataSource(url, line.option("--user"), password(line, env));
            requireDriver(url);
            policies = policies(line);
            ShadowSchema.Builder b = ShadowSchema.builder(dataSource).policies(policies);
            if (line.options().containsKey("--schema")) {
                b.shadowSchema(line.options().get("--schema"));
            }
            schema = b.build();
        } catch (UsageException | IllegalArgumentException | IllegalStateException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        try {
            if (line.command().equals("create")) {
                create(dataSource, schema, policies, out);
            }
            List<SchemaProblem> problems = schema.check();
            long errors = problems.stream().filter(SchemaProblem::isError).count();
            if (errors == 0) {
                out.println("shadow schema " + schema.resolvedSchema() + " matches production" + (problems.isEmpty() ? ""
                        : ", with " + problems.size() + " warning(s):"));
            } else {
                out.println(errors + " problem(s) in shadow schema " + schema.resolvedSchema() + (errors == problems.size()
                        ? "" : ", and " + (problems.size() - errors) + " warning(s)") + ":");
            }
            problems.forEach(p -> out.println("  " + p));
            return errors == 0 ? OK : PROBLEMS;
        } catch (SQLException e) {
            err.println("error: database error: " + e.getMessage() + " (SQLState " + e.getSQLState() + ")");
            return DATABASE_ERROR;
        }
    }

    private static void create(DriverManagerDataSource dataSource, ShadowSchema schema, TablePolicies policies,
            PrintStream out) throws SQLException {
        List<String> created = schema.create();
        String name = schema.resolvedSchema();
        created.forEach(t -> out.println("created shadow twin " + name + "." + t));
        if (created.isEmpty()) {
            out.println("no shadow twin was missing");
        }
    }

    private static TablePolicies policies(CommandLine line) throws UsageException {
        TablePolicies.Builder b = TablePolicies.builder();
        add(b, TablePolicy.ISOLATED, line.required("--isolated", "orders,order_lines"));
        String reference = line.option("--reference");
        if (reference != null) {
            add(b, TablePolicy.REFERENCE, reference);
        }
        return b.build();
    }

    private static void add(TablePolicies.Builder b, TablePolicy policy, String list) throws UsageException {
        for (String entry : list.split(",", -1)) {
            String name = entry.trim();
            if (name.isEmpty()) {
                throw new UsageException("empty table name in '" + list + "': separate names by single commas");
            }
            if (name.contains("*") || name.contains("?")) {
                b.pattern(policy, name);
            } else {
                b.table(policy, name);
            }
        }
    }

    private static String password(CommandLine line, Map<String, String> env) throws UsageException {
        String var = line.option("--password-env");
        String file = line.option("--password-file");
        if (var != null && file != null) {
            throw new UsageException("both --password-env and --password-file are given; give one of them");
        }
        if (var != null) {
            String value = env.get(var);
            if (value == null) {
                throw new UsageException("environment variable " + var + " (from --password-env) is not set;"
                        + " export it or use --password-file PATH");
            }
            return value;
        }
        if (file != null) {
            try {
                return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            } catch (IOException | RuntimeException e) {
                throw new UsageException("cannot read the password file " + file + " (from --password-file): "
                        + e.getClass().getSimpleName() + "; give a readable file that holds only the password");
            }
        }
        return null;
    }

    private static void requireDriver(String url) throws UsageException {
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new UsageException("no JDBC driver on the class path accepts the URL '" + redact(url)
                    + "': put the driver jar (H2, PostgreSQL or MariaDB) on -cp, and check the URL");
        }
    }

    /** The URL without its parameters, which may hold credentials. */
    static String redact(String url) {
        int cut = url.length();
        for (char c : new char[] {'?', ';', '&'}) {
            int at = url.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return cut < url.length() ? url.substring(0, cut) + "..." : url;
    }
}
