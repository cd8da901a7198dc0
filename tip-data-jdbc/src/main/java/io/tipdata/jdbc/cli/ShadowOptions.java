package io.tipdata.jdbc.cli;

import io.tipdata.jdbc.ShadowSchema;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TablePolicy;
import javax.sql.DataSource;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options of the {@code shadow} subcommands besides the connection: the tables and the shadow schema. */
final class ShadowOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--isolated", required = true, paramLabel = "<tables>",
            description = "Comma-separated ISOLATED tables (their twins are made and checked); entries with * or ?"
                    + " are patterns, e.g. orders,order_*.")
    String isolated;

    @Option(names = "--reference", paramLabel = "<tables>",
            description = "Comma-separated REFERENCE tables (test traffic reads them, never writes); patterns"
                    + " allowed.")
    String reference;

    @Option(names = "--schema", paramLabel = "<schema>",
            description = "The shadow schema. Default: " + ShadowSchema.DEFAULT_SCHEMA + "; on MariaDB, where it is a"
                    + " database, <database>_" + ShadowSchema.DEFAULT_SCHEMA + " after the URL's database.")
    String schema;

    @Option(names = "--partition-by-run",
            description = "PostgreSQL only: new twins are PARTITION BY LIST (tip_run) with a DEFAULT partition;"
                    + " the run registry (JdbcRunRegistry.Builder.runPartitions) adds a partition per run and the purge"
                    + " drops it. Check warns of twins that are not partitioned.")
    boolean partitionByRun;

    @Option(names = "--test-user", paramLabel = "<login>",
            description = "The test identity's login (user@host on MariaDB): create grants it what test traffic"
                    + " needs (the --user login must be allowed to grant), check logs in as it and reports each"
                    + " privilege it lacks or has in excess.")
    String testUser;

    @Option(names = "--test-url", paramLabel = "<JDBC URL>",
            description = "JDBC URL the test identity logs in at. Default: --url.")
    String testUrl;

    @Option(names = "--test-password-env", paramLabel = "<VARIABLE>",
            description = "Environment variable that holds the test identity's password.")
    String testPasswordEnv;

    @Option(names = "--test-password-file", paramLabel = "<path>",
            description = "File that holds only the test identity's password, readable only by you.")
    java.nio.file.Path testPasswordFile;

    private TablePolicies policies;
    private ConnectionOptions connection;

    /** The shadow schema over a new data source; usage errors are reported as such. */
    ShadowSchema shadowSchema(ConnectionOptions connection) {
        policies = policies();
        this.connection = null;
        if (testUser == null && (testUrl != null || testPasswordEnv != null || testPasswordFile != null)) {
            throw new ParameterException(spec.commandLine(), "--test-url or --test-password-* is given without"
                    + " --test-user: name the test identity's login");
        }
        try {
            builder(connectionless()).build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        this.connection = connection;
        return builder(connection.dataSource()).build();
    }

    private ShadowSchema.Builder builder(DataSource ds) {
        ShadowSchema.Builder b = ShadowSchema.builder(ds).policies(policies).partitionByRun(partitionByRun);
        if (schema != null) {
            b.shadowSchema(schema);
        }
        if (testUser != null && connection != null) {
            String login = testUser.contains("@") ? testUser.substring(0, testUser.lastIndexOf('@')) : testUser;
            b.testLogin(testUser).testIdentity(new DriverManagerDataSource(testUrl != null ? testUrl : connection.url,
                    login, connection.password(RootCommand.env(spec), "--test-password",
                    testPasswordEnv, testPasswordFile)));
        }
        return b;
    }

    /** Validates the settings before any connection is attempted. */
    private static DataSource connectionless() {
        return new DriverManagerDataSource("jdbc:none:", null, null);
    }

    private TablePolicies policies() {
        try {
            TablePolicies.Builder b = TablePolicies.builder();
            add(b, TablePolicy.ISOLATED, isolated);
            if (reference != null) {
                add(b, TablePolicy.REFERENCE, reference);
            }
            return b.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void add(TablePolicies.Builder b, TablePolicy policy, String list) {
        for (String entry : list.split(",", -1)) {
            String name = entry.trim();
            if (name.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "empty table name in '" + list
                        + "': separate names by single commas");
            }
            if (name.contains("*") || name.contains("?")) {
                b.pattern(policy, name);
            } else {
                b.table(policy, name);
            }
        }
    }
}
