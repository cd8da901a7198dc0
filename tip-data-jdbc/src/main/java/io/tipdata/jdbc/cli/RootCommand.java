package io.tipdata.jdbc.cli;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/** The top-level {@code tip-data} command; a new subcommand is one more entry in {@code subcommands}. */
@Command(name = "tip-data", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = RootCommand.Version.class, sortOptions = false,
        description = "Testing in production: mint run tokens, keep the shadow schema in line with production, purge"
                + " expired test runs and audit that nothing leaked.",
        subcommands = {
            MintCommand.class,
            ShadowCommand.class,
            PurgeCommand.class,
            AuditCommand.class,
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:done, nothing wrong (warnings may be printed)",
            " 1:problems found (printed), such as a drifted shadow twin",
            " 2:usage error: the arguments cannot be used",
            " 3:database error",
            " 4:configuration error: an unset variable, an unreadable file, a bad key",
            " 5:a class or the JDBC driver for the URL is missing from the class path",
            "70:unexpected error in tip-data"})
final class RootCommand implements Runnable {

    @Spec
    CommandSpec spec;

    private Map<String, String> env = System.getenv();
    private Clock clock = Clock.systemUTC();

    static int execute(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        return execute(args, out, err, env, Clock.systemUTC());
    }

    static int execute(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock) {
        RootCommand root = new RootCommand();
        root.env = env;
        root.clock = clock;
        CommandLine cmd = new CommandLine(root);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setParameterExceptionHandler(RootCommand::usageError);
        cmd.setExecutionExceptionHandler(RootCommand::failure);
        return cmd.execute(args);
    }

    /** The environment the command runs with (the process's, or a test's). */
    static Map<String, String> env(CommandSpec spec) {
        Object root = spec.root().userObject();
        return root instanceof RootCommand r ? r.env : System.getenv();
    }

    /** The clock the command runs with. */
    static Clock clock(CommandSpec spec) {
        Object root = spec.root().userObject();
        return root instanceof RootCommand r ? r.clock : Clock.systemUTC();
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "no command given: use one of "
                + spec.subcommands().keySet().stream().filter(n -> !n.equals("help")).toList());
    }

    private static int usageError(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("error: " + message(ex));
        err.println("usage: " + cmd.getHelp().synopsis(0).strip());
        err.println("see '" + cmd.getCommandSpec().qualifiedName() + " --help'");
        return TipCommand.USAGE;
    }

    /** Picocli's message, except that unmatched arguments are never echoed: they may be a secret. */
    private static String message(ParameterException ex) {
        if (!(ex instanceof UnmatchedArgumentException u)) {
            return ex.getMessage();
        }
        List<String> unmatched = u.getUnmatched();
        Map<String, CommandLine> subcommands = u.getCommandLine().getSubcommands();
        if (!subcommands.isEmpty() && !unmatched.isEmpty() && !unmatched.get(0).startsWith("-")) {
            return "unknown command (not shown): use one of "
                    + subcommands.keySet().stream().filter(n -> !n.equals("help")).toList();
        }
        List<String> named = new ArrayList<>();
        int hidden = 0;
        for (String arg : u.getUnmatched()) {
            if (arg.startsWith("-")) {
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                if (looksSecret(name)) {
                    return name + " is refused: a secret on the command line leaks through the process list (ps)"
                            + " and the shell history; put it in an environment variable or a file readable only"
                            + " by you (see --help)";
                }
                named.add(printable(name));
            } else {
                hidden++;
            }
        }
        String text = named.isEmpty() ? "" : "unknown option " + String.join(", ", named);
        if (hidden > 0) {
            text += (text.isEmpty() ? "" : "; ") + hidden + " unexpected argument(s) (not shown)";
        }
        return text + "; see --help for the options";
    }

    private static boolean looksSecret(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return !n.endsWith("-env") && !n.endsWith("-file")
                && (n.contains("key") && !n.equals("--key-id") || n.contains("secret") || n.contains("password"));
    }

    private static int failure(Exception ex, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (ex instanceof CliException c) {
            err.println("error: " + c.getMessage());
            return c.exitCode();
        }
        if (ex instanceof SQLException s) {
            err.println("error: database error: " + s.getMessage() + " (SQLState " + s.getSQLState() + ")");
            return TipCommand.DATABASE_ERROR;
        }
        if (ex instanceof IllegalStateException && ex.getCause() instanceof SQLException s) {
            err.println("error: database error: " + ex.getMessage() + " (SQLState " + s.getSQLState() + ")");
            return TipCommand.DATABASE_ERROR;
        }
        if (ex instanceof IllegalArgumentException || ex instanceof IllegalStateException) {
            err.println("error: " + ex.getMessage());
            return TipCommand.CONFIGURATION;
        }
        err.println("error: unexpected " + ex.getClass().getName() + ": " + ex.getMessage());
        return TipCommand.INTERNAL_ERROR;
    }

    static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        StringBuilder b = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return b.toString();
    }

    /** The version from the jar's manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = RootCommand.class.getPackage().getImplementationVersion();
            return new String[] {"tip-data " + (v == null ? "(version unknown: not run from a jar)" : v)};
        }
    }
}
