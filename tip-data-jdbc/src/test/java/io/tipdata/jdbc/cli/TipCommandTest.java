package io.tipdata.jdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

class TipCommandTest {

    @Test
    void everyCommandHasHelpWithEveryOptionDescribedAndTheExitCodes() {
        List<CommandSpec> commands = new ArrayList<>();
        collect(new CommandLine(new RootCommand()).getCommandSpec(), commands);
        assertThat(commands).extracting(CommandSpec::qualifiedName).contains("tip-data", "tip-data mint",
                "tip-data shadow", "tip-data shadow create", "tip-data shadow check", "tip-data shadow update",
                "tip-data purge", "tip-data audit");

        for (CommandSpec command : commands) {
            String name = command.qualifiedName();
            assertThat(command.usageMessage().description()).as(name + " description").isNotEmpty();
            for (ArgSpec arg : command.args()) {
                if (!arg.hidden()) {
                    assertThat(String.join("", arg.description())).as(name + " " + arg).isNotBlank();
                }
            }
            String[] args = (name.substring("tip-data".length()).strip() + " --help").strip().split(" ");
            CliRun r = CliRun.run(Map.of(), args);
            assertThat(r.code()).as(name + " --help").isEqualTo(TipCommand.OK);
            assertThat(r.err()).isEmpty();
            assertThat(r.out()).as(name + " --help").startsWith("Usage: " + name)
                    .contains("Exit codes:", " 0   done", " 2   usage error", " 5   a class or the JDBC driver")
                    .contains("-h, --help");
            for (ArgSpec arg : command.args()) {
                if (arg.isOption() && !arg.hidden()) {
                    assertThat(r.out()).as(name).contains(((CommandLine.Model.OptionSpec) arg).longestName());
                }
            }
            assertThat(r.out()).doesNotContain("--password=", "--key=", "--secret");
        }
    }

    @Test
    void noCommandIsAUsageErrorThatListsTheCommands() {
        CliRun r = CliRun.run(Map.of());
        assertThat(r.code()).isEqualTo(TipCommand.USAGE);
        assertThat(r.err()).startsWith("error: no command given: use one of [mint, shadow, purge, audit]")
                .contains("see 'tip-data --help'");
    }

    private static void collect(CommandSpec spec, List<CommandSpec> into) {
        into.add(spec);
        spec.subcommands().values().forEach(c -> collect(c.getCommandSpec(), into));
    }
}
