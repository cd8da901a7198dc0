package io.tipdata.jdbc.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The parsed arguments: a command and {@code --name value} (or {@code --name=value}) options. */
record CommandLine(String command, Map<String, String> options) {

    /** Thrown for arguments that cannot be used; the message says what to change. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static CommandLine parse(String[] args, Set<String> commands, Set<String> known) throws UsageException {
        if (args.length == 0) {
            throw new UsageException("no command given: use one of " + commands);
        }
        String command = args[0];
        if (!commands.contains(command)) {
            throw new UsageException("unknown command '" + command + "': use one of " + commands);
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (name.equals("--password")) {
                throw new UsageException("--password is not accepted: a password given as an argument shows in the"
                        + " process list and shell history; use --password-env VAR or --password-file PATH");
            }
            if (!known.contains(name)) {
                throw new UsageException("unknown option '" + name + "': use " + String.join(", ", known));
            }
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException("option " + name + " needs a value");
                }
                value = args[++i];
            }
            if (options.put(name, value) != null) {
                throw new UsageException("option " + name + " is given twice; give it once");
            }
        }
        return new CommandLine(command, options);
    }

    String option(String name) {
        return options.get(name);
    }

    String required(String name, String example) throws UsageException {
        String v = options.get(name);
        if (v == null || v.isBlank()) {
            throw new UsageException("missing " + name + ": give it, e.g. " + name + " " + example);
        }
        return v;
    }
}
