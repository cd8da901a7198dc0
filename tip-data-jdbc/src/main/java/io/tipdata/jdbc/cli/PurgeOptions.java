package io.tipdata.jdbc.cli;

import io.tipdata.jdbc.JdbcRunRegistry;
import io.tipdata.jdbc.PurgeJob;
import io.tipdata.jdbc.ShadowSchema;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TablePolicy;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The database and table options shared by {@link PurgeCommand} and {@link AuditCommand}. */
final class PurgeOptions {

    @Spec(Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--url", required = true, paramLabel = "JDBC_URL",
            description = "JDBC URL of the production database, e.g. jdbc:postgresql://db:5432/app")
    String url;

    @Option(names = "--user", description = "database user")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", description = "environment variable holding the password")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "PATH", description = "file holding only the password")
    String passwordFile;

    @Option(names = "--password", hidden = true, description = "refused: use --password-env or --password-file")
    String password;

    @Option(names = "--test-user", paramLabel = "USER", description = "the test identity: the batched deletes log in"
            + " as this user, so the database refuses them every production table (default: --user)")
    String testUser;

    @Option(names = "--test-url", paramLabel = "JDBC_URL",
            description = "JDBC URL the test identity logs in at (default --url)")
    String testUrl;

    @Option(names = "--test-password-env", paramLabel = "VAR",
            description = "environment variable holding the test identity's password")
    String testPasswordEnv;

    @Option(names = "--test-password-file", paramLabel = "PATH",
            description = "file holding only the test identity's password")
    String testPasswordFile;

    private Map<String, String> env = Map.of();

    @Option(names = "--isolated", required = true, split = ",", paramLabel = "TABLE",
            description = "isolated tables (patterns with * and ?), comma-separated, as given to TipDataSource")
    List<String> isolated;

    @Option(names = "--reference", split = ",", paramLabel = "TABLE", description = "reference tables")
    List<String> reference;

    @Option(names = {"--shadow-schema", "--schema"}, paramLabel = "SCHEMA",
            description = "shadow schema (default " + ShadowSchema.DEFAULT_SCHEMA + ")")
    String shadowSchema = ShadowSchema.DEFAULT_SCHEMA;

    @Option(names = "--registry-table", paramLabel = "TABLE",
            description = "run registry table (default " + JdbcRunRegistry.DEFAULT_TABLE + ")")
    String registryTable = JdbcRunRegistry.DEFAULT_TABLE;

    /** The data source; throws a usage error for a refused password option, a missing driver or password. */
    DriverManagerDataSource dataSource(Map<String, String> env) {
        if (password != null) {
            throw usage("--password is not accepted: a password given as an argument shows in the process list and"
                    + " shell history; use --password-env VAR or --password-file PATH");
        }
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new CliException(TipCommand.MISSING_CLASS_OR_DRIVER, "no JDBC driver on the class path accepts"
                    + " the URL '" + ConnectionOptions.redact(url) + "': put the driver jar (H2, PostgreSQL or"
                    + " MariaDB) on -cp, and check the URL");
        }
        this.env = env;
        if (testUser == null && (testUrl != null || testPasswordEnv != null || testPasswordFile != null)) {
            throw usage("--test-url, --test-password-env or --test-password-file is given without --test-user; name"
                    + " the test identity with --test-user USER");
        }
        return new DriverManagerDataSource(url, user, password(env, passwordEnv, passwordFile, ""));
    }

    TablePolicies policies() {
        TablePolicies.Builder b = TablePolicies.builder();
        add(b, TablePolicy.ISOLATED, isolated);
        if (reference != null) {
            add(b, TablePolicy.REFERENCE, reference);
        }
        return b.build();
    }

    JdbcRunRegistry registry(DriverManagerDataSource ds) {
        return JdbcRunRegistry.builder(ds).table(registryTable).build();
    }

    PurgeJob.Builder job(DriverManagerDataSource ds, JdbcRunRegistry registry) {
        PurgeJob.Builder job = PurgeJob.builder(ds, registry).policies(policies()).shadowSchema(shadowSchema);
        if (testUser != null) {
            job.testIdentity(new DriverManagerDataSource(testUrl != null ? testUrl : url, testUser, password(env, testPasswordEnv, testPasswordFile,
                    "test-")));
        }
        return job;
    }

    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private void add(TablePolicies.Builder b, TablePolicy policy, List<String> names) {
        for (String entry : names) {
            String name = entry.trim();
            if (name.isEmpty()) {
                throw usage("empty table name in '" + String.join(",", names) + "': separate names by single commas");
            }
            if (name.contains("*") || name.contains("?")) {
                b.pattern(policy, name);
            } else {
                b.table(policy, name);
            }
        }
    }

    private String password(Map<String, String> env, String variable, String file, String prefix) {
        return ConnectionOptions.password(spec, env, "--" + prefix + "password", variable,
                file == null ? null : Path.of(file));
    }
}
