package io.tipdata.jdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipdata.core.KeyRing;
import io.tipdata.core.RejectReason;
import io.tipdata.core.TokenVerification;
import io.tipdata.core.TokenVerifier;
import java.io.IOException;
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

class MintCommandTest {

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

    @Test
    void printsOnlyAVerifiableTokenOnStdout() {
        CliRun r = mint("--run", "checkout-load-1", "--ttl", "30m", "--key-env", "TIP_KEYS");

        assertThat(r.code()).as(r.toString()).isEqualTo(TipCommand.OK);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).matches("v1\\.checkout-load-1\\.[0-9]+\\.k1\\.[A-Za-z0-9_-]{43}" + System.lineSeparator());
        TokenVerification v = verifier("k1").verify(r.out().strip());
        assertThat(v.isAccepted()).isTrue();
        assertThat(v.runId()).isEqualTo("checkout-load-1");
        assertThat(v.expires()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
    }

    @Test
    void readsBareKeyFileWithKeyIdAndEqualsForms() throws IOException {
        Path file = dir.resolve("key");
        Files.writeString(file, KEY_B64 + "\n");
        CliRun r = mint("--run=r1", "--ttl=PT1H", "--key-id=ci", "--key-file=" + file);

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(verifier("ci").verify(r.out().strip()).expires()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void aBareKeyInTheEnvironmentNeedsKeyId() {
        CliRun r = mint("--run", "r1", "--ttl", "2h", "--key-env", "TIP_BARE");
        assertThat(r.code()).isEqualTo(TipCommand.CONFIGURATION);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("holds a key without an id").doesNotContain(KEY_B64);

        r = mint("--run", "r1", "--ttl", "2h", "--key-env", "TIP_BARE", "--key-id", "k1");
        assertThat(verifier("k1").verify(r.out().strip()).isAccepted()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--key", "--secret", "--key=", "--secret=", "--KEY", "--signing-key", "--password",
        "--Hmac-Key="})
    void refusesKeysOnTheCommandLineWithoutEchoingThem(String option) {
        String[] args = option.endsWith("=")
                ? new String[] {"mint", "--run", "r1", "--ttl", "1h", option + KEY_B64}
                : new String[] {"mint", "--run", "r1", "--ttl", "1h", option, KEY_B64};
        CliRun r = CliRun.run(ENV, args);
        assertThat(r.code()).as(r.toString()).isEqualTo(TipCommand.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("is refused: a ").contains("leaks through the process list (ps)")
                .doesNotContain(KEY_B64);
    }

    @Test
    void usageAndConfigurationErrorsHaveTheirCodesAndLeaveStdoutEmpty() {
        Object[][] bad = {
            {TipCommand.USAGE, new String[] {}},
            {TipCommand.USAGE, new String[] {"--run", "r1", "--ttl", "1h"}},
            {TipCommand.USAGE, new String[] {"--run", "Bad Run", "--ttl", "1h", "--key-env", "TIP_KEYS"}},
            {TipCommand.USAGE, new String[] {"--run", "r1", "--ttl", "soon", "--key-env", "TIP_KEYS"}},
            {TipCommand.USAGE, new String[] {"--run", "r1", "--ttl", "0s", "--key-env", "TIP_KEYS"}},
            {TipCommand.USAGE, new String[] {"--run", "r1", "--ttl", "-PT1H", "--key-env", "TIP_KEYS"}},
            {TipCommand.USAGE, new String[] {"--run", "r1", "--ttl", "400d", "--key-env", "TIP_KEYS"}},
            {TipCommand.USAGE, new String[] {"--run", "r1", "--ttl", "PT99999999999999H", "--key-env", "TIP_KEYS"}},
            {TipCommand.USAGE, new String[] {"--run", "r1", "--ttl", "1h", "--key-env", "TIP_KEYS", "--key-file", "x"}},
            {TipCommand.USAGE, new String[] {"--run", "r1", "--run", "r2", "--ttl", "1h", "--key-env", "TIP_KEYS"}},
            {TipCommand.USAGE, new String[] {"--run", "r1", "--ttl", "1h", "--key-env"}},
            {TipCommand.USAGE, new String[] {"--run", "r1", "--ttl", "1h", "--key-env", "TIP_KEYS", "extra"}},
            {TipCommand.USAGE, new String[] {"--run", "r1", "--ttl", "1h", "--key-env", "TIP_KEYS", "--verbose"}},
            {TipCommand.CONFIGURATION, new String[] {"--run", "r1", "--ttl", "1h", "--key-env", "NOT_SET"}},
            {TipCommand.CONFIGURATION, new String[] {"--run", "r1", "--ttl", "1h", "--key-file", "/nonexistent/k"}},
            {TipCommand.CONFIGURATION, new String[] {"--run", "r1", "--ttl", "1h", "--key-env", "TIP_KEYS",
                "--key-id", "k2"}},
        };
        for (Object[] b : bad) {
            String[] args = (String[]) b[1];
            String[] all = new String[args.length + 1];
            all[0] = "mint";
            System.arraycopy(args, 0, all, 1, args.length);
            CliRun r = CliRun.run(ENV, all);
            assertThat(r.code()).as(String.join(" ", all) + "\n" + r).isEqualTo(b[0]);
            assertThat(r.out()).as(String.join(" ", all)).isEmpty();
            assertThat(r.err()).as(String.join(" ", all)).startsWith("error: ").doesNotContain(KEY_B64);
            if (b[0].equals(TipCommand.USAGE)) {
                assertThat(r.err()).contains("usage: tip-data mint").contains("see 'tip-data mint --help'");
            }
        }
    }

    @Test
    void errorMessagesSayWhatIsWrong() {
        assertThat(mint("--run", "r1", "--ttl", "1h").err())
                .startsWith("error: no key source: give --key-env <VARIABLE> or --key-file <path>");
        assertThat(mint("--run", "r1", "--ttl", "1h", "--key-env", "NOT_SET").err())
                .startsWith("error: environment variable NOT_SET is not set;");
        assertThat(mint("--run", "r1", "--ttl", "soon", "--key-env", "TIP_KEYS").err())
                .contains("'soon' is not a duration; use 90s, 30m, 2h, 1d or ISO-8601");
        assertThat(mint("--run", "r1", "--ttl", "1h", "--key-env", "TIP_KEYS", "s3cr3t-positional").err())
                .startsWith("error: 1 unexpected argument(s) (not shown)").doesNotContain("s3cr3t");
        assertThat(mint("--run", "r1", "--ttl", "1h", "--key-env", "TIP_KEYS", "--key-id", KEY_B64).err())
                .startsWith("error: invalid signing key id of 44 characters (not shown)").doesNotContain(KEY_B64);
        assertThat(mint("--run", "Bad", "--ttl", "1h", "--key-env", "TIP_KEYS").err())
                .startsWith("error: invalid run id 'Bad'");
    }

    @Test
    void ttlFormats() {
        assertThat(MintCommand.parseTtl("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(MintCommand.parseTtl("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(MintCommand.parseTtl("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(MintCommand.parseTtl("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(MintCommand.parseTtl("PT1H30M")).isEqualTo(Duration.ofMinutes(90));
        assertThat(MintCommand.parseTtl("P1D")).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void warnsOnStderrWhenTtlExceedsTheDefaultMaxLifetime() {
        CliRun r = mint("--run", "r1", "--ttl", "2d", "--key-env", "TIP_KEYS");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("v1.r1.");
        assertThat(r.err()).startsWith("note: --ttl PT48H is longer than the verifier's default maxLifetime PT24H");
        assertThat(verifier("k1").verify(r.out().strip()).reason()).isEqualTo(RejectReason.LIFETIME_TOO_LONG);
    }

    private static CliRun mint(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "mint";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.run(ENV, Clock.fixed(NOW, ZoneOffset.UTC), all);
    }

    private static TokenVerifier verifier(String keyId) {
        KeyRing ring = KeyRing.builder().verificationKey(keyId, SECRET).build();
        return TokenVerifier.builder(ring).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }
}
