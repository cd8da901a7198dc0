package io.tipdata.core.cli;

import io.tipdata.core.KeyRing;
import io.tipdata.core.KeyRingLoader;
import io.tipdata.core.TokenMinter;
import io.tipdata.core.TokenVerifier;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Mints a run token for a test harness and prints it on standard output, nothing else.
 *
 * <pre>
 * java -cp tip-data-core.jar io.tipdata.core.cli.MintTokenCommand \
 *     --run checkout-load-1 --ttl 30m --key-id k1 --key-env TIP_DATA_KEYS
 * </pre>
 *
 * <p>The key comes from an environment variable or a file only (see {@link KeyRingLoader} for the
 * format); a key on the command line would leak through the process list and the shell history.
 * Exit code 0 on success, 2 on any error (described on standard error).
 */
public final class MintTokenCommand {

    /** Exit code on success. */
    public static final int OK = 0;
    /** Exit code on a usage or key error. */
    public static final int USAGE = 2;

    static final Duration DEFAULT_VERIFIER_MAX_LIFETIME = Duration.ofHours(24);

    private static final Set<String> OPTIONS = Set.of("--run", "--ttl", "--key-id", "--key-env", "--key-file");
    private static final Set<String> SECRET_OPTIONS = Set.of("--key", "--secret", "--key-base64", "--password",
            "--hmac-key", "--signing-key");

    private static final String USAGE_TEXT = String.join(System.lineSeparator(),
            "usage: MintTokenCommand --run <run id> --ttl <duration> [--key-id <key id>]",
            "                        (--key-env <VARIABLE> | --key-file <path>)",
            "  --run       run id: 1 to 40 characters of [a-z0-9_-], starting with a letter or digit",
            "  --ttl       time to live: 90s, 30m, 2h, 1d or ISO-8601 such as PT1H30M",
            "  --key-id    id of the signing key; required when the key source holds one bare base64 key",
            "  --key-env   environment variable that holds the keys (lines of <keyId>=<base64 key>)",
            "  --key-file  file that holds the keys (lines of <keyId>=<base64 key>)",
            "Prints the token on standard output. Keys are never accepted on the command line.");

    private MintTokenCommand() {
    }

    /** Runs the command with this process's streams and environment, and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** Runs the command; returns the exit code ({@link #OK} or {@link #USAGE}). */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return run(args, out, err, env, Clock.systemUTC());
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
        try {
            if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
                out.println(USAGE_TEXT);
                return OK;
            }
            Map<String, String> options = parse(args);
            String runId = required(options, "--run");
            Duration ttl = parseTtl(required(options, "--ttl"));
            KeyRing ring = loader(options, env).signingKeyId(options.get("--key-id")).load();
            String token = TokenMinter.of(ring).mint(runId, clock.instant().plus(ttl));
            if (ttl.compareTo(DEFAULT_VERIFIER_MAX_LIFETIME) > 0) {
                err.println("note: --ttl " + ttl + " is longer than the verifier's default maxLifetime "
                        + DEFAULT_VERIFIER_MAX_LIFETIME + "; the service rejects the token unless it allows that");
            }
            out.println(token);
            out.flush();
            return OK;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        } catch (RuntimeException e) {
            err.println("error: could not mint the token (" + e.getClass().getName() + ")");
            return USAGE;
        }
    }

    private static KeyRingLoader loader(Map<String, String> options, Map<String, String> env) {
        String variable = options.get("--key-env");
        String file = options.get("--key-file");
        if (variable != null && file != null) {
            throw new IllegalArgumentException("give either --key-env or --key-file, not both");
        }
        if (variable != null) {
            return KeyRingLoader.fromEnvironment(variable, env);
        }
        if (file != null) {
            return KeyRingLoader.fromFile(Path.of(file));
        }
        throw new IllegalArgumentException("no key source: give --key-env <VARIABLE> or --key-file <path>");
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg == null || !arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument #" + (i + 1)
                        + " (not shown); options are --run, --ttl, --key-id, --key-env, --key-file");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (SECRET_OPTIONS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(name + " is refused: a key on the command line leaks through the"
                        + " process list (ps) and the shell history; put the key in an environment variable"
                        + " (--key-env) or a file readable only by you (--key-file)");
            }
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option " + printable(name)
                        + "; options are --run, --ttl, --key-id, --key-env, --key-file");
            }
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
            if (options.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException(name + " is given twice; give it once");
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return value;
    }

    /** {@code 90s}, {@code 30m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT1H}); positive. */
    static Duration parseTtl(String text) {
        Duration ttl;
        try {
            ttl = text.matches("[0-9]{1,9}[smhd]") ? simple(text) : Duration.parse(text);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("--ttl '" + printable(text) + "' is not a duration; use 90s, 30m, 2h,"
                    + " 1d or ISO-8601 such as PT1H30M");
        }
        if (ttl.isNegative() || ttl.isZero() || ttl.getSeconds() < 1) {
            throw new IllegalArgumentException("--ttl " + printable(text) + " must be at least one second");
        }
        if (ttl.compareTo(TokenVerifier.MAX_LIFETIME_LIMIT) > 0) {
            throw new IllegalArgumentException("--ttl " + printable(text) + " is longer than "
                    + TokenVerifier.MAX_LIFETIME_LIMIT + ", which no verifier accepts; use a shorter one");
        }
        return ttl;
    }

    private static Duration simple(String text) {
        long n = Long.parseLong(text.substring(0, text.length() - 1));
        switch (text.charAt(text.length() - 1)) {
            case 's':
                return Duration.ofSeconds(n);
            case 'm':
                return Duration.ofMinutes(n);
            case 'h':
                return Duration.ofHours(n);
            default:
                return Duration.ofDays(n);
        }
    }

    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        StringBuilder b = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return b.toString();
    }
}
