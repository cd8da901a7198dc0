package io.tipdata.jdbc.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options of a command that connects to the database ({@code @Mixin} it); a password is never an argument. */
final class ConnectionOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--url", required = true, paramLabel = "<JDBC URL>",
            description = "JDBC URL of the production database, e.g. jdbc:postgresql://db:5432/app. Its driver"
                    + " must be on the class path.")
    String url;

    @Option(names = "--user", paramLabel = "<user>", description = "Database user. Default: the driver's.")
    String user;

    @Option(names = "--password-env", paramLabel = "<VARIABLE>",
            description = "Environment variable that holds the password.")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "<path>",
            description = "File that holds only the password, readable only by you.")
    Path passwordFile;

    @Option(names = "--password", hidden = true, description = "Refused: a password is never taken as an argument.")
    void refusePassword(String ignored) {
        throw new ParameterException(spec.commandLine(), "--password is not accepted: a password given as an"
                + " argument shows in the process list and shell history; use --password-env VAR or"
                + " --password-file PATH");
    }

    /** A data source over the driver for {@code --url}; fails with the exit code for what is wrong. */
    DataSource dataSource() {
        String password = password(RootCommand.env(spec));
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new CliException(TipCommand.MISSING_CLASS_OR_DRIVER, "no JDBC driver on the class path accepts"
                    + " the URL '" + redact(url) + "': put the driver jar (H2, PostgreSQL or MariaDB) beside the"
                    + " tip-data jar on -cp, and check the URL");
        }
        return new DriverManagerDataSource(url, user, password);
    }

    private String password(Map<String, String> env) {
        return password(env, "--password", passwordEnv, passwordFile);
    }

    /** A password from the {@code <prefix>-env} variable or the {@code <prefix>-file} file (neither: {@code null}). */
    String password(Map<String, String> env, String prefix, String passwordEnv, Path passwordFile) {
        return password(spec, env, prefix, passwordEnv, passwordFile);
    }

    /**
     * A password from the {@code <prefix>-env} variable or the {@code <prefix>-file} file (neither: {@code null}),
     * for every command that takes one: both given is a usage error, an unset variable or unreadable file a
     * configuration error.
     */
    static String password(CommandSpec spec, Map<String, String> env, String prefix, String passwordEnv,
            Path passwordFile) {
        if (passwordEnv != null && passwordFile != null) {
            throw new ParameterException(spec.commandLine(),
                    "both " + prefix + "-env and " + prefix + "-file are given; give one of them");
        }
        if (passwordEnv != null) {
            String value = env.get(passwordEnv);
            if (value == null) {
                throw new CliException(TipCommand.CONFIGURATION, "environment variable " + passwordEnv
                        + " (from " + prefix + "-env) is not set; export it or use " + prefix + "-file PATH");
            }
            return value;
        }
        if (passwordFile != null) {
            try {
                return Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
            } catch (IOException | RuntimeException e) {
                throw new CliException(TipCommand.CONFIGURATION, "cannot read the password file " + passwordFile
                        + " (from " + prefix + "-file): " + e.getClass().getSimpleName()
                        + "; give a readable file that holds only the password");
            }
        }
        return null;
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
