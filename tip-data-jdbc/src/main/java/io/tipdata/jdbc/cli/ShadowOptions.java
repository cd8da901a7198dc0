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

    @Option(names = "--schema", paramLabel = "<schema>", defaultValue = ShadowSchema.DEFAULT_SCHEMA,
            description = "The shadow schema (a database on MariaDB). Default: ${DEFAULT-VALUE}.")
    String schema;

    private DataSource dataSource;
    private TablePolicies policies;

    /** The shadow schema over a new data source; usage errors are reported as such. */
    ShadowSchema shadowSchema(ConnectionOptions connection) {
        policies = policies();
        ShadowSchema built;
        try {
            built = ShadowSchema.builder(connectionless()).policies(policies).schema(schema).build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        dataSource = connection.dataSource();
        return ShadowSchema.builder(dataSource).policies(policies).schema(schema).build();
    }

    DataSource dataSource() {
        return dataSource;
    }

    TablePolicies tablePolicies() {
        return policies;
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
