package io.tipdata.jdbc.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;

/** One in-process run of the {@code tip-data} command: its exit code and what it printed. */
record CliRun(int code, String out, String err) {

    static CliRun run(Map<String, String> env, Clock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RootCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), env, clock);
        return new CliRun(code, out.toString(), err.toString());
    }

    static CliRun run(Map<String, String> env, String... args) {
        return run(env, Clock.systemUTC(), args);
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- out:\n" + out + "--- err:\n" + err;
    }
}
