package io.tipdata.jdbc.cli;

import java.io.PrintStream;
import java.util.Map;

/**
 * The former shadow-schema command: {@code ShadowSchemaCommand create ...} runs {@code tip-data shadow create ...}.
 *
 * @deprecated use {@link TipCommand} with {@code shadow create|check|update}
 */
@Deprecated(since = "0.1.0")
public final class ShadowSchemaCommand {

    private ShadowSchemaCommand() {
    }

    /** Runs {@code tip-data shadow <args>} and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** Runs {@code tip-data shadow <args>} and returns its exit code (see {@link TipCommand}). */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        String[] shadow = new String[args.length + 1];
        shadow[0] = "shadow";
        System.arraycopy(args, 0, shadow, 1, args.length);
        return TipCommand.run(shadow, out, err, env);
    }
}
