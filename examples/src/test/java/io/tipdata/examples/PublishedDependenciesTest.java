package io.tipdata.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What each published module brings to an application (its compile and runtime dependencies, transitive,
 * without {@code optional} and {@code provided} ones) is exactly the list in the README. The lists come
 * from {@code dependency:list}, which each module writes to {@code target/runtime-dependencies.txt}.
 */
class PublishedDependenciesTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern RESOLVED = Pattern.compile(
            "^\\s+([^:\\s]+):([^:\\s]+):[^:\\s]+(?::[^:\\s]+)?:[^:\\s]+:(compile|runtime)(.*)$");

    @Test
    void everyPublishedModuleBringsExactlyTheDependenciesTheReadmeLists() throws IOException {
        Map<String, Set<String>> documented = documented();
        assertThat(documented.keySet()).containsExactly("tip-data-core", "tip-data-jdbc", "tip-data-hibernate");
        for (Map.Entry<String, Set<String>> e : documented.entrySet()) {
            assertThat(resolved(e.getKey())).as("runtime dependencies of " + e.getKey() + " (README.md, the"
                    + " block after 'What each published module brings'); update the README or the POM")
                    .isEqualTo(e.getValue());
        }
    }

    static Set<String> resolved(String module) throws IOException {
        Path list = ROOT.resolve(module).resolve("target").resolve("runtime-dependencies.txt");
        assertThat(list).as(list + " is written by dependency:list in the module's build; build it with the"
                + " reactor (mvn -am ...)").exists();
        Set<String> found = new TreeSet<>();
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            Matcher m = RESOLVED.matcher(line);
            if (m.matches() && !m.group(4).contains("(optional)")) {
                found.add(m.group(1) + ":" + m.group(2));
            }
        }
        return found;
    }

    static Map<String, Set<String>> documented() throws IOException {
        List<String> readme = Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        int at = 0;
        while (at < readme.size() && !readme.get(at).startsWith("What each published module brings")) {
            at++;
        }
        while (at < readme.size() && !readme.get(at).equals("```text")) {
            at++;
        }
        assertThat(at).as("README.md has the ```text block of the runtime dependencies").isLessThan(readme.size());
        Map<String, Set<String>> modules = new LinkedHashMap<>();
        for (int i = at + 1; i < readme.size() && !readme.get(i).equals("```"); i++) {
            String[] parts = readme.get(i).split(":\\s+", 2);
            modules.put(parts[0], new TreeSet<>(Arrays.asList(parts[1].trim().split("\\s+"))));
        }
        return modules;
    }
}
