package io.tipdata.jdbc.internal.rewrite.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * Every node type of the parser in use, listed by reflection from its jar, is either in the check's catalogue of
 * accepted types or in its reviewed list of refused ones: a parser upgrade that adds node types fails here until
 * each new type is reviewed. The lists name only types the parser has, and no type is in both.
 */
class NodeCatalogCompletenessTest {

    private static final String AST = "net.sf.jsqlparser.";

    @Test
    void everyNodeTypeOfTheParserIsReviewed() throws Exception {
        List<String> unreviewed = new ArrayList<>();
        for (String type : nodeTypes()) {
            if (!NodeCatalog.isKnown(type) && !NodeCatalog.REFUSED.contains(type)) {
                unreviewed.add(type);
            }
        }
        assertThat(unreviewed).as("node types neither accepted nor refused by NodeCatalog"
                + " (add each to KNOWN with its text fields, or to refused-node-types.txt)").isEmpty();
    }

    @Test
    void theListsNameOnlyTypesOfTheParserAndNoTypeTwice() throws Exception {
        Set<String> types = nodeTypes();
        assertThat(NodeCatalog.REFUSED).as("refused types the parser does not have").isSubsetOf(types);
        assertThat(NodeCatalog.REFUSED).noneMatch(NodeCatalog::isKnown);
        assertThat(NodeCatalog.known()).as("accepted types the parser does not have").isSubsetOf(types);
    }

    @Test
    void aRefusedTypeIsRefused() {
        assertThat(NodeCatalog.REFUSED).contains("statement.drop.Drop", "expression.VariableAssignment");
    }

    /**
     * The concrete classes of the parser's model (expressions, schema, statements; no visitors, deparsers or parser
     * internals), as names after {@code net.sf.jsqlparser.}.
     */
    static Set<String> nodeTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path jar = Path.of(net.sf.jsqlparser.statement.Statement.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        Set<String> out = new TreeSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (!name.endsWith(".class") || !name.startsWith("net/sf/jsqlparser/")) {
                    continue;
                }
                String cls = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                String rest = cls.substring(AST.length());
                if (!(rest.startsWith("expression.") || rest.startsWith("schema.") || rest.startsWith("statement."))) {
                    continue;
                }
                Class<?> c = Class.forName(cls, false, NodeCatalogCompletenessTest.class.getClassLoader());
                if (c.isInterface() || c.isEnum() || c.isAnonymousClass() || c.isSynthetic()
                        || Modifier.isAbstract(c.getModifiers()) || Throwable.class.isAssignableFrom(c)
                        || c.getSimpleName().endsWith("Adapter") || c.getSimpleName().endsWith("Visitor")
                        || c.getSimpleName().endsWith("Finder") || c.getSimpleName().endsWith("Builder")) {
                    continue;
                }
                out.add(rest);
            }
        }
        return out;
    }
}
