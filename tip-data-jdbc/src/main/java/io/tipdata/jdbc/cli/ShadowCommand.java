package io.tipdata.jdbc.cli;

import io.tipdata.jdbc.SchemaProblem;
import io.tipdata.jdbc.ShadowSchema;
import io.tipdata.jdbc.ShadowUpdate;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tip-data shadow create|check|update}: the shadow twins of the isolated tables. */
@Command(name = "shadow", sortOptions = false,
        description = "Creates, checks and updates the shadow schema: one twin per ISOLATED table.",
        subcommands = {ShadowCommand.Create.class, ShadowCommand.Check.class, ShadowCommand.Update.class})
final class ShadowCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "no shadow command given: use create, check or update");
    }

    /** {@code shadow create}. */
    @Command(name = "create", sortOptions = false,
            description = {"Creates the shadow schema if missing and each missing twin (existing twins are left as"
                + " they are; production tables are only read), then checks.",
                "Exits with 1 when the check finds errors."})
    static final class Create extends Subcommand {
        @Override
        Integer call(ShadowSchema schema, PrintWriter out) throws SQLException {
            List<String> created = schema.create();
            String name = schema.resolvedSchema();
            created.forEach(t -> out.println("created shadow twin " + name + "." + t));
            if (created.isEmpty()) {
                out.println("no shadow twin was missing");
            }
            if (options.testUser != null) {
                out.println("granted the test identity " + options.testUser + " what test traffic needs");
            }
            return report(schema, out);
        }
    }

    /** {@code shadow check}. */
    @Command(name = "check", sortOptions = false,
            description = {"Compares every isolated table with its twin and prints each difference with its fix.",
                "Exits with 1 when there are errors; a production index missing in a twin is a warning (slower,"
                    + " never less isolated) and exits with 0."})
    static final class Check extends Subcommand {
        @Override
        Integer call(ShadowSchema schema, PrintWriter out) throws SQLException {
            return report(schema, out);
        }
    }

    /** {@code shadow update}. */
    @Command(name = "update", sortOptions = false,
            description = {"Brings every twin in line with its production table without touching production,"
                + " prints what it changed, then checks.",
                "Exits with 1 when the check still finds errors (such as a change it refused)."})
    static final class Update extends Subcommand {
        @Override
        Integer call(ShadowSchema schema, PrintWriter out) throws SQLException {
            ShadowUpdate update = schema.update();
            update.applied().forEach(a -> out.println("applied: " + a));
            update.refused().forEach(r -> out.println("refused: " + r));
            if (update.applied().isEmpty() && update.refused().isEmpty()) {
                out.println("every twin was in line with production already");
            }
            return report(schema, out);
        }
    }

    /** What every shadow subcommand takes: the connection and the shadow schema's options. */
    abstract static class Subcommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConnectionOptions connection;

        @Mixin
        ShadowOptions options;

        @Override
        public final Integer call() throws SQLException {
            return call(options.shadowSchema(connection), spec.commandLine().getOut());
        }

        /** The subcommand's work on the configured shadow schema; the exit code. */
        abstract Integer call(ShadowSchema schema, PrintWriter out) throws SQLException;
    }

    static int report(ShadowSchema schema, PrintWriter out) throws SQLException {
        List<SchemaProblem> problems = schema.check();
        String name = schema.resolvedSchema();
        long errors = problems.stream().filter(SchemaProblem::isError).count();
        if (errors == 0) {
            out.println("shadow schema " + name + " matches production" + (problems.isEmpty() ? ""
                    : ", with " + problems.size() + " warning(s):"));
        } else {
            out.println(errors + " problem(s) in shadow schema " + name + (errors == problems.size()
                    ? "" : ", and " + (problems.size() - errors) + " warning(s)") + ":");
        }
        problems.forEach(p -> out.println("  " + p));
        return errors == 0 ? TipCommand.OK : TipCommand.PROBLEMS;
    }
}
