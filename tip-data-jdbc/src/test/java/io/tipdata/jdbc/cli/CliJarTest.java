package io.tipdata.jdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged {@code tip-data-jdbc-<version>-cli.jar} in forked JVMs, as a user would (run by the
 * build after {@code package}, with the jar's path in {@code tip.cli.jar}).
 */
class CliJarTest {

    static final Path JAR = Path.of(System.getProperty("tip.cli.jar", "target/missing-cli.jar"));

    @BeforeAll
    static void onlyAfterPackage() {
        assumeTrue(System.getProperty("tip.cli.jar") != null, "runs in the build's cli-jar execution, after package");
    }

    @TempDir
    Path dir;

    @Test
    void javaJarRunsTheToolWithItsHelp() throws Exception {
        Forked r = fork(List.of("-jar", JAR.toString(), "--help"));
        assertThat(r.code).as(r.toString()).isZero();
        assertThat(r.out).startsWith("Usage: tip-data").contains("mint", "shadow", "Exit codes:");
        assertThat(r.err).isEmpty();

        Forked version = fork(List.of("-jar", JAR.toString(), "--version"));
        assertThat(version.out.strip()).isEqualTo("tip-data " + System.getProperty("tip.version", "0.1.0-SNAPSHOT"));
    }

    @Test
    void theJarNeedsOnlyAJdbcDriverBesideIt() throws Exception {
        String url = "jdbc:h2:" + dir.resolve("db").toAbsolutePath() + ";MODE=Regular";
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, sku VARCHAR(20))");
        }
        String cp = JAR + File.pathSeparator + jarOf(org.h2.Driver.class);
        Forked r = fork(List.of("-cp", cp, TipCommand.class.getName(), "shadow", "create", "--url", url,
                "--user", "sa", "--isolated", "orders"));
        assertThat(r.code).as(r.toString()).isZero();
        assertThat(r.out).contains("created shadow twin tip_shadow.ORDERS", "shadow schema tip_shadow matches production");
        assertThat(r.err).as("no logging provider complaint, no warnings").isEmpty();
    }

    @Test
    void aMissingDriverOrClassIsAMessageWithItsOwnExitCode() throws Exception {
        Forked noDriver = fork(List.of("-cp", JAR.toString(), TipCommand.class.getName(), "shadow", "check",
                "--url", "jdbc:h2:mem:x", "--isolated", "orders"));
        assertThat(noDriver.code).as(noDriver.toString()).isEqualTo(TipCommand.MISSING_CLASS_OR_DRIVER);
        assertThat(noDriver.err).startsWith("error: no JDBC driver on the class path accepts the URL 'jdbc:h2:mem:x'")
                .doesNotContain("\tat ");

        Path classes = JAR.resolveSibling("classes");
        Forked noPicocli = fork(List.of("-cp", classes.toString(), TipCommand.class.getName(), "--help"));
        assertThat(noPicocli.code).as(noPicocli.toString()).isEqualTo(TipCommand.MISSING_CLASS_OR_DRIVER);
        assertThat(noPicocli.err).startsWith("error: a class is missing from the class path (picocli/CommandLine")
                .doesNotContain("\tat ");
    }

    @Test
    void thePublishedJarsHaveTheirModuleNameSourcesAndJavadoc() throws IOException {
        String base = JAR.getFileName().toString().replace("-cli.jar", "");
        try (JarFile main = new JarFile(JAR.resolveSibling(base + ".jar").toFile())) {
            assertThat(main.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
                    .isEqualTo("io.tipdata.jdbc");
            assertThat(main.getEntry("io/tipdata/jdbc/TipDataSource.class")).isNotNull();
            assertThat(main.getEntry("picocli/CommandLine.class")).as("picocli stays out of the library jar").isNull();
        }
        try (JarFile sources = new JarFile(JAR.resolveSibling(base + "-sources.jar").toFile())) {
            assertThat(sources.getEntry("io/tipdata/jdbc/TipDataSource.java")).isNotNull();
        }
        try (JarFile javadoc = new JarFile(JAR.resolveSibling(base + "-javadoc.jar").toFile())) {
            assertThat(javadoc.stream().map(e -> e.getName()).filter(n -> n.endsWith("io/tipdata/jdbc/TipDataSource.html")))
                    .isNotEmpty();
            assertThat(javadoc.stream().map(e -> e.getName()).filter(n -> n.contains("/internal/")))
                    .as("internal packages are not documented").isEmpty();
        }
        try (JarFile cli = new JarFile(JAR.toFile())) {
            assertThat(cli.getEntry("picocli/CommandLine.class")).isNotNull();
            assertThat(cli.getEntry("org/slf4j/simple/SimpleLogger.class")).isNotNull();
            assertThat(cli.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("org/openjdk/jmh/") || n.startsWith("joptsimple/")
                            || n.startsWith("org/apache/commons/math3/")))
                    .as("JSqlParser's benchmark dependencies are not carried").isEmpty();
        }
    }

    private static String jarOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    static Forked fork(List<String> args) throws IOException, InterruptedException {
        assertThat(JAR).as("the -cli jar (run this test with mvn verify)").exists();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(args);
        Path out = Files.createTempFile("tip-cli", ".out");
        Path err = Files.createTempFile("tip-cli", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new Forked(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    record Forked(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }

}
