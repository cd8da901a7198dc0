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

    private TablePolicies policies;

    /** The shadow schema over a new data source; usage errors are reported as such. */
    ShadowSchema shadowSchema(ConnectionOptions connection) {
        policies = policies();
        try {
            builder(connectionless()).build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return builder(connection.dataSource()).build();
    }

    private ShadowSchema.Builder builder(DataSource ds) {
        ShadowSchema.Builder b = ShadowSchema.builder(ds).policies(policies);
        return schema == null ? b : b.shadowSchema(schema);
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
