package io.tipdata.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipdata.core.KeyRingLoader;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README works as written. Every {@code ```java} block is compiled, each as the body of a method of a subclass
 * of {@link ReadmeGivens} (the preamble: the application's objects and what earlier snippets made), with its own
 * imports plus those below, against this module's test class path, which has every module of the project and the
 * optional libraries the snippets use (the agent, Flyway, Micrometer, Hibernate). Every {@code ```sh}
 * block is run with bash unless its first line is {@code # not run: <why>}; {@code mvn} lines are never run
 * but their modules are checked; the command-line jar must have its real name and runs here from the test
 * class path; {@code localhost:8080} is a running example service, and {@code --url} an H2 database.
 */
class ReadmeSnippetsTest {

    private static final Path README = Path.of("..", "README.md");
    private static final String CLI_JAR = "tip-data-jdbc/target/tip-data-jdbc-"
            + System.getProperty("tip.version", "0.1.0-SNAPSHOT") + "-cli.jar";
    private static final List<String> IMPORTS = List.of("io.tipdata.core.*", "io.tipdata.core.servlet.*",
            "io.tipdata.core.http.*", "io.tipdata.jdbc.*", "java.util.*", "java.util.concurrent.*",
            "java.net.http.HttpRequest", "javax.sql.DataSource");

    @TempDir
    static Path work;
    private static ExampleService service;
    private static String h2Url;

    /** A fenced block of the README: its language, the line of its first content line, its lines. */
    record Snippet(String language, int line, List<String> lines) {
        String where() {
            return "README.md line " + line + " (" + language + " block)";
        }
    }

    @BeforeAll
    static void startTheExample() throws Exception {
        Path keys = DemoKeys.ensureFile(work.resolve("target").resolve("tip-demo.keys"));
        service = ExampleService.start(0, KeyRingLoader.fromFile(keys).load(),
                "jdbc:h2:mem:readme-example;DB_CLOSE_DELAY=-1");
        h2Url = "jdbc:h2:" + work.resolve("app").toAbsolutePath();
        try (Connection c = DriverManager.getConnection(h2Url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, sku VARCHAR(20))");
            s.execute("CREATE TABLE order_items (order_id BIGINT, line_no INT, qty INT, PRIMARY KEY (order_id, line_no))");
        }
    }

    @AfterAll
    static void stopTheExample() throws Exception {
        service.stop();
    }

    @Test
    void everyJavaSnippetCompiles() throws IOException {
        List<Snippet> java = snippets("java");
        assertThat(java).hasSizeGreaterThanOrEqualTo(12);
        List<Unit> units = new ArrayList<>();
        for (Snippet s : java) {
            units.add(unit(s));
        }
        assertThat(compile(units)).as("README Java snippets that do not compile").isEmpty();
    }

    @Test
    void everyShellSnippetRuns() throws Exception {
        List<Snippet> sh = snippets("sh");
        assertThat(sh).hasSizeGreaterThanOrEqualTo(4);
        List<String> failures = new ArrayList<>();
        for (Snippet s : sh) {
            String script = script(s, failures);
            if (script != null && !s.lines().get(0).startsWith("# not run:")) {
                run(s, script, failures);
            }
        }
        assertThat(failures).as("README shell snippets that fail").isEmpty();
    }

    static List<Snippet> snippets(String language) throws IOException {
        List<String> all = Files.readAllLines(README, StandardCharsets.UTF_8);
        List<Snippet> found = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).startsWith("```")) {
                String lang = all.get(i).substring(3).trim();
                int start = i + 1;
                int end = start;
                while (end < all.size() && !all.get(end).startsWith("```")) {
                    end++;
                }
                if (lang.equals(language)) {
                    found.add(new Snippet(lang, start + 1, List.copyOf(all.subList(start, end))));
                }
                i = end;
            }
        }
        return found;
    }

    /** One snippet as a compilation unit, and the README line of each line of its method body. */
    record Unit(Snippet snippet, JavaFileObject file, int bodyStart, List<Integer> lineOf) {
    }

    private static Unit unit(Snippet s) {
        StringBuilder src = new StringBuilder("package readme;\n");
        IMPORTS.forEach(i -> src.append("import ").append(i).append(";\n"));
        StringBuilder body = new StringBuilder();
        List<Integer> lineOf = new ArrayList<>();
        for (int i = 0; i < s.lines().size(); i++) {
            String l = s.lines().get(i);
            if (l.startsWith("import ")) {
                src.append(l).append('\n');
            } else {
                body.append(l).append('\n');
                lineOf.add(s.line() + i);
            }
        }
        String cls = "Snippet" + s.line();
        src.append("@SuppressWarnings(\"unused\") class ").append(cls)
                .append(" extends io.tipdata.examples.ReadmeGivens {\n  void snippet() throws Exception {\n");
        int bodyStart = (int) src.chars().filter(c -> c == '\n').count() + 1;
        src.append(body).append("  }\n}\n");
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///readme/" + cls + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return src;
            }
        };
        return new Unit(s, file, bodyStart, lineOf);
    }

    /** Compiles the units in one javac run; each error as "README.md line N: message". */
    private static List<String> compile(List<Unit> units) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> failures = new ArrayList<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            Path out = Files.createTempDirectory(work, "javac");
            javac.getTask(null, files, diagnostics, List.of("-proc:none", "-d", out.toString(), "-classpath",
                    classPath()), null, units.stream().map(Unit::file).toList()).call();
        }
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            Unit u = units.stream().filter(x -> x.file() == d.getSource()).findFirst().orElse(null);
            if (u == null) {
                failures.add(d.getMessage(Locale.ROOT));
                continue;
            }
            int at = (int) d.getLineNumber() - u.bodyStart();
            String where = at >= 0 && at < u.lineOf().size() ? "README.md line " + u.lineOf().get(at)
                    : u.snippet().where() + " (its imports)";
            failures.add(where + ": " + d.getMessage(Locale.ROOT));
        }
        return failures;
    }

    /** The block as a bash script with this machine's substitutions, or null when it is not run. */
    private static String script(Snippet s, List<String> failures) {
        StringBuilder script = new StringBuilder();
        String joined = String.join("\n", s.lines()).replace("\\\n", " ");
        int n = 0;
        for (String line : joined.split("\n")) {
            n++;
            String command = line.strip();
            if (command.startsWith("mvn ")) {
                checkMaven(s, command, failures);
                continue;
            }
            Matcher jar = Pattern.compile("java (?:-jar (\\S+)|-cp (\\S+?)(?::\\S+)? io\\.tipdata\\.jdbc\\.cli\\.TipCommand)")
                    .matcher(command);
            while (jar.find()) {
                String named = jar.group(1) != null ? jar.group(1) : jar.group(2);
                if (!named.equals(CLI_JAR)) {
                    failures.add(s.where() + ": the jar is called " + CLI_JAR + ", not " + named);
                }
            }
            command = jar.replaceAll(Matcher.quoteReplacement("java -cp '" + classPath() + "' "
                    + "io.tipdata.jdbc.cli.TipCommand"));
            command = command.replace("localhost:8080", "localhost:" + service.port())
                    .replaceAll("--url \\S+", Matcher.quoteReplacement("--url " + h2Url))
                    .replaceAll("--user \\S+", "--user sa");
            script.append(command).append('\n');
        }
        return script.toString();
    }

    private static void checkMaven(Snippet s, String command, List<String> failures) {
        Matcher pl = Pattern.compile("-pl (\\S+)").matcher(command);
        while (pl.find()) {
            for (String module : pl.group(1).split(",")) {
                if (!Files.exists(Path.of("..", module, "pom.xml"))) {
                    failures.add(s.where() + ": no module " + module + " in: " + command);
                }
            }
        }
        if (command.contains("exec:java") && !command.contains("-pl examples")) {
            failures.add(s.where() + ": only the examples module runs exec:java: " + command);
        }
    }

    private static void run(Snippet s, String script, List<String> failures) throws Exception {
        Path out = work.resolve("out-" + s.line());
        Path err = work.resolve("err-" + s.line());
        ProcessBuilder pb = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).directory(work.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("TIP_DATA_KEYS", Files.readString(work.resolve("target").resolve("tip-demo.keys"))
                .replace("demo=", "k1="));
        pb.environment().put("DB_PASSWORD", "");
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            failures.add(s.where() + ": timed out");
            return;
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        if (p.exitValue() != 0 || stderr.contains("error:")) {
            failures.add(s.where() + ": exit " + p.exitValue() + "\n" + script + "--- out:\n"
                    + Files.readString(out, StandardCharsets.UTF_8) + "--- err:\n" + stderr);
        }
    }

    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                .replace(File.pathSeparator + File.pathSeparator, File.pathSeparator);
    }
}
