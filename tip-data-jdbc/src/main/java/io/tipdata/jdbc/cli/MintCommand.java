package io.tipdata.jdbc.cli;

import io.tipdata.core.KeyRing;
import io.tipdata.core.KeyRingLoader;
import io.tipdata.core.TestRun;
import io.tipdata.core.TokenMinter;
import io.tipdata.core.TokenVerifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code tip-data mint}: prints a run token on standard output, and nothing else. */
@Command(name = "mint", sortOptions = false,
        description = {"Mints a run token for a test harness and prints it on standard output, nothing else.",
            "The keys come from an environment variable or a file (lines of <keyId>=<base64 key>); a key on the"
                + " command line is refused, since it would leak through the process list and the shell history."})
final class MintCommand implements Callable<Integer> {

    static final Duration DEFAULT_VERIFIER_MAX_LIFETIME = Duration.ofHours(24);

    @Spec
    CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "<run id>",
            description = "Run id: 1 to 40 characters of [a-z0-9_-], starting with a letter or digit.")
    String runId;

    @Option(names = "--ttl", required = true, paramLabel = "<duration>", converter = TtlConverter.class,
            description = "Time to live of the token: 90s, 30m, 2h, 1d or ISO-8601 such as PT1H30M.")
    Duration ttl;

    @Option(names = "--key-id", paramLabel = "<key id>",
            description = "Id of the signing key; needed when the key source holds one bare base64 key."
                    + " Default: the first key of the source.")
    String keyId;

    @Option(names = "--key-env", paramLabel = "<VARIABLE>",
            description = "Environment variable that holds the keys. Give this or --key-file.")
    String keyEnv;

    @Option(names = "--key-file", paramLabel = "<path>",
            description = "File that holds the keys, readable only by you. Give this or --key-env.")
    Path keyFile;

    @Option(names = {"--key", "--secret", "--key-base64", "--hmac-key", "--signing-key", "--password"},
            hidden = true, description = "Refused: a key is never taken as an argument.")
    void refuseKey(String ignored) {
        throw new ParameterException(spec.commandLine(), "a key given as an argument is refused: a key on the"
                + " command line leaks through the process list (ps) and the shell history; put the key in an"
                + " environment variable (--key-env) or a file readable only by you (--key-file)");
    }

    @Override
    public Integer call() {
        try {
            TestRun.requireValidRunId(runId);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (keyEnv != null && keyFile != null) {
            throw new ParameterException(spec.commandLine(), "give either --key-env or --key-file, not both");
        }
        if (keyEnv == null && keyFile == null) {
            throw new ParameterException(spec.commandLine(),
                    "no key source: give --key-env <VARIABLE> or --key-file <path>");
        }
        String token;
        try {
            KeyRingLoader loader = keyEnv != null ? KeyRingLoader.fromEnvironment(keyEnv, RootCommand.env(spec))
                    : KeyRingLoader.fromFile(keyFile);
            KeyRing ring = loader.signingKeyId(keyId).load();
            token = TokenMinter.of(ring).mint(runId, RootCommand.clock(spec).instant().plus(ttl));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CliException(TipCommand.CONFIGURATION, e.getMessage());
        }
        if (ttl.compareTo(DEFAULT_VERIFIER_MAX_LIFETIME) > 0) {
            spec.commandLine().getErr().println("note: --ttl " + ttl + " is longer than the verifier's default"
                    + " maxLifetime " + DEFAULT_VERIFIER_MAX_LIFETIME + "; the service rejects the token unless it"
                    + " allows that");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(token);
        out.flush();
        return TipCommand.OK;
    }

    /** {@code 90s}, {@code 30m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT1H}); at least a second. */
    static Duration parseTtl(String text) {
        Duration ttl;
        try {
            ttl = text.matches("[0-9]{1,9}[smhd]") ? simple(text) : Duration.parse(text);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + RootCommand.printable(text) + "' is not a duration; use 90s,"
                    + " 30m, 2h, 1d or ISO-8601 such as PT1H30M");
        }
        if (ttl.isNegative() || ttl.getSeconds() < 1) {
            throw new IllegalArgumentException(RootCommand.printable(text) + " must be at least one second");
        }
        if (ttl.compareTo(TokenVerifier.MAX_LIFETIME_LIMIT) > 0) {
            throw new IllegalArgumentException(RootCommand.printable(text) + " is longer than "
                    + TokenVerifier.MAX_LIFETIME_LIMIT + ", which no verifier accepts; use a shorter one");
        }
        return ttl;
    }

    private static Duration simple(String text) {
        long n = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** Converts {@code --ttl}. */
    static final class TtlConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return parseTtl(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
