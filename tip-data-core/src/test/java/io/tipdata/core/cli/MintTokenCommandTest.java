package io.tipdata.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipdata.core.KeyRing;
import io.tipdata.core.RejectReason;
import io.tipdata.core.TokenVerification;
import io.tipdata.core.TokenVerifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MintTokenCommandTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final byte[] SECRET = new byte[32];

    static {
        for (int i = 0; i < SECRET.length; i++) {
            SECRET[i] = (byte) (i * 7 + 3);
        }
    }

    private static final String KEY_B64 = Base64.getEncoder().encodeToString(SECRET);
    private static final Map<String, String> ENV = Map.of("TIP_KEYS", "k1=" + KEY_B64, "TIP_BARE", KEY_B64);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsOnlyAVerifiableTokenOnStdout() {
        int code = run("--run", "checkout-load-1", "--ttl", "30m", "--key-env", "TIP_KEYS");

        assertThat(code).isZero();
        assertThat(err()).isEmpty();
        assertThat(out()).matches("v1\\.checkout-load-1\\.[0-9]+\\.k1\\.[A-Za-z0-9_-]{43}" + System.lineSeparator());
        TokenVerification v = verifier().verify(out().strip());
        assertThat(v.isAccepted()).isTrue();
        assertThat(v.runId()).isEqualTo("checkout-load-1");
        assertThat(v.expires()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
    }

    @Test
    void readsBareKeyFileWithKeyIdAndEqualsForms() throws IOException {
        Path file = dir.resolve("key");
        Files.writeString(file, KEY_B64 + "\n");
        int code = run("--run=r1", "--ttl=PT1H", "--key-id=ci", "--key-file=" + file);

        assertThat(code).as(err()).isZero();
        assertThat(out()).contains(".ci.");
        KeyRing ring = KeyRing.builder().verificationKey("ci", SECRET).build();
        TokenVerification v = TokenVerifier.builder(ring).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build()
                .verify(out().strip());
        assertThat(v.expires()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void bareKeyInEnvironmentNeedsKeyId() {
        assertThat(run("--run", "r1", "--ttl", "2h", "--key-env", "TIP_BARE")).isEqualTo(2);
        assertThat(out()).isEmpty();
        assertThat(err()).contains("holds a key without an id").doesNotContain(KEY_B64);

        out.reset();
        err.reset();
        assertThat(run("--run", "r1", "--ttl", "2h", "--key-env", "TIP_BARE", "--key-id", "k1")).isZero();
        assertThat(verifier().verify(out().strip()).isAccepted()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--key", "--secret", "--key=", "--secret=", "--KEY", "--signing-key", "--password"})
    void refusesKeysOnTheCommandLineWithoutEchoingThem(String option) {
        String[] args = option.endsWith("=")
                ? new String[] {"--run", "r1", "--ttl", "1h", option + KEY_B64}
                : new String[] {"--run", "r1", "--ttl", "1h", option, KEY_B64};
        assertThat(run(args)).isEqualTo(2);
        assertThat(out()).isEmpty();
        assertThat(err()).contains("is refused: a key on the command line leaks through the process list (ps)"
                + " and the shell history").contains("--key-env").contains("--key-file").doesNotContain(KEY_B64);
    }

    @Test
    void stdoutStaysEmptyOnEveryError() {
        String[][] bad = {
            {},
            {"--run", "r1", "--ttl", "1h"},
            {"--run", "Bad Run", "--ttl", "1h", "--key-env", "TIP_KEYS"},
            {"--run", "r1", "--ttl", "soon", "--key-env", "TIP_KEYS"},
            {"--run", "r1", "--ttl", "0s", "--key-env", "TIP_KEYS"},
            {"--run", "r1", "--ttl", "-PT1H", "--key-env", "TIP_KEYS"},
            {"--run", "r1", "--ttl", "400d", "--key-env", "TIP_KEYS"},
            {"--run", "r1", "--ttl", "PT99999999999999H", "--key-env", "TIP_KEYS"},
            {"--run", "r1", "--ttl", "1h", "--key-env", "NOT_SET"},
            {"--run", "r1", "--ttl", "1h", "--key-env", "TIP_KEYS", "--key-file", "/nope"},
            {"--run", "r1", "--ttl", "1h", "--key-file", "/nonexistent/keys"},
            {"--run", "r1", "--ttl", "1h", "--key-env", "TIP_KEYS", "--key-id", "k2"},
            {"--run", "r1", "--run", "r2", "--ttl", "1h", "--key-env", "TIP_KEYS"},
            {"--run", "r1", "--ttl", "1h", "--key-env"},
            {"--run", "r1", "--ttl", "1h", "--key-env", "TIP_KEYS", "extra"},
            {"--run", "r1", "--ttl", "1h", "--key-env", "TIP_KEYS", "--verbose"},
        };
        for (String[] args : bad) {
            out.reset();
            err.reset();
            assertThat(run(args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(out()).as(String.join(" ", args)).isEmpty();
            assertThat(err()).as(String.join(" ", args)).startsWith("error: ").contains("usage: MintTokenCommand")
                    .doesNotContain(KEY_B64);
        }
    }

    @Test
    void errorMessagesSayWhatIsWrong() {
        run("--run", "r1", "--ttl", "1h");
        assertThat(err()).startsWith("error: no key source: give --key-env <VARIABLE> or --key-file <path>");
        err.reset();
        run("--run", "r1", "--ttl", "1h", "--key-env", "NOT_SET");
        assertThat(err()).startsWith("error: environment variable NOT_SET is not set;");
        err.reset();
        run("--run", "r1", "--ttl", "soon", "--key-env", "TIP_KEYS");
        assertThat(err()).startsWith("error: --ttl 'soon' is not a duration; use 90s, 30m, 2h, 1d or ISO-8601");
        err.reset();
        run("--run", "r1", "--ttl", "1h", "--key-env", "TIP_KEYS", "s3cr3t-positional");
        assertThat(err()).startsWith("error: unexpected argument #7 (not shown)").doesNotContain("s3cr3t");
        err.reset();
        run("--run", "r1", "--ttl", "1h", "--key-env", "TIP_KEYS", "--key-id", KEY_B64);
        assertThat(err()).startsWith("error: invalid signing key id of 44 characters (not shown)")
                .doesNotContain(KEY_B64);
        err.reset();
        run("--run", "Bad", "--ttl", "1h", "--key-env", "TIP_KEYS");
        assertThat(err()).startsWith("error: invalid run id 'Bad'");
    }

    @Test
    void ttlFormats() {
        assertThat(MintTokenCommand.parseTtl("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(MintTokenCommand.parseTtl("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(MintTokenCommand.parseTtl("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(MintTokenCommand.parseTtl("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(MintTokenCommand.parseTtl("PT1H30M")).isEqualTo(Duration.ofMinutes(90));
        assertThat(MintTokenCommand.parseTtl("P1D")).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void warnsOnStderrWhenTtlExceedsTheDefaultMaxLifetime() {
        assertThat(run("--run", "r1", "--ttl", "2d", "--key-env", "TIP_KEYS")).isZero();
        assertThat(out()).startsWith("v1.r1.");
        assertThat(err()).startsWith("note: --ttl PT48H is longer than the verifier's default maxLifetime PT24H");
        assertThat(verifier().verify(out().strip()).reason()).isEqualTo(RejectReason.LIFETIME_TOO_LONG);
    }

    @Test
    void helpGoesToStdout() {
        assertThat(run("--help")).isZero();
        assertThat(out()).startsWith("usage: MintTokenCommand");
    }

    private int run(String... args) {
        return MintTokenCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), ENV, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static TokenVerifier verifier() {
        KeyRing ring = KeyRing.builder().verificationKey("k1", SECRET).build();
        return TokenVerifier.builder(ring).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }
}
