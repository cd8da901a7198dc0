package io.tipdata.jdbc.internal.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipdata.jdbc.internal.rewrite.check.IsolationVerifier;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the three parts of the rewrite apart, read from the compiled classes (every class a class file
 * names is in its constant pool, so imports, fully qualified names and signatures are all seen): the
 * independent check uses nothing of the rewriter or of the text reading, and of the shared package only
 * {@code Refusal} and the declared data both sides consult ({@link #SHARED_WITH_THE_CHECK}); the rewriter and
 * the text reading use nothing of the check.
 */
class RewriteLayoutTest {

    private static final String ROOT = "io/tipdata/jdbc/internal/rewrite/";
    /** Shared types the check may use: the refusal it throws and the function list declared by the user. */
    private static final String SHARED_WITH_THE_CHECK = "Refusal|FunctionList";
    private static final Pattern REFERENCE = Pattern.compile(Pattern.quote(ROOT) + "([A-Za-z0-9_$/]+)");

    @Test
    void theCheckUsesNothingOfTheRewriterNorOfTheTextReading() throws Exception {
        Set<String> used = references("check");
        assertThat(used).as("classes used by the check").isNotEmpty()
                .allSatisfy(name -> assertThat(name).matches("check/.*|" + SHARED_WITH_THE_CHECK));
    }

    @Test
    void theRewriterAndTheTextReadingUseNothingOfTheCheck() throws Exception {
        assertThat(references("rewriter")).noneMatch(name -> name.startsWith("check/"));
        assertThat(references("text")).noneMatch(name -> name.startsWith("check/") || name.startsWith("rewriter/"));
    }

    @Test
    void eachPartHoldsClasses() throws Exception {
        for (String part : List.of("text", "rewriter", "check")) {
            assertThat(classFiles(part)).as(part).isNotEmpty();
        }
    }

    /** The rewrite classes named by the class files of that part, other than the part's own. */
    private static Set<String> references(String part) throws IOException, URISyntaxException {
        Set<String> out = new TreeSet<>();
        for (Path file : classFiles(part)) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            Matcher m = REFERENCE.matcher(text);
            while (m.find()) {
                String name = m.group(1).replaceAll("\\$.*", "");
                if (!name.startsWith(part + "/")) {
                    out.add(name);
                }
            }
            if (part.equals("check")) {
                out.add("check/" + file.getFileName());
            }
        }
        return out;
    }

    private static List<Path> classFiles(String part) throws IOException, URISyntaxException {
        Path classes = Path.of(IsolationVerifier.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = classes.resolve(ROOT + part);
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.toString().endsWith(".class")).forEach(out::add);
        }
        return out;
    }
}
