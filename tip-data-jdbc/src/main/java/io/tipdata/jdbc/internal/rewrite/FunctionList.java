package io.tipdata.jdbc.internal.rewrite;

import io.tipdata.jdbc.Dialect;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The functions a statement may call in test context: the dialect's allow-list of built-ins (the resource
 * {@code functions-<dialect>.txt} beside this class, by name and, where arguments change what a function
 * does, by argument count) plus the names the user declared with {@code allowFunction}. Shared data that the
 * rewriter and the independent check both consult, each for itself.
 */
public final class FunctionList {

    private static final Pattern LINE = Pattern.compile("([a-z_][a-z0-9_]*)(?:\\((\\d+)(\\.\\.(\\d*))?\\))?");
    private static final Pattern DECLARED = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");
    private static final Map<Dialect, Map<String, int[]>> BUILT_INS = new EnumMap<>(Dialect.class);

    private final Dialect dialect;
    private final Map<String, int[]> builtIns;
    private final Set<String> declared;

    private FunctionList(Dialect dialect, Set<String> declared) {
        this.dialect = dialect;
        this.builtIns = builtIns(dialect);
        this.declared = declared;
    }

    /** The dialect's built-ins plus the declared names (matched ignoring case; qualified only if declared so). */
    public static FunctionList of(Dialect dialect, Set<String> declared) {
        Objects.requireNonNull(dialect, "dialect");
        for (String d : declared) {
            checkDeclared(d);
        }
        return new FunctionList(dialect, Set.copyOf(declared.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList()));
    }

    /** Throws naming the value if it is no function name {@code allowFunction} accepts. */
    public static void checkDeclared(String name) {
        if (name == null || !DECLARED.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid function name '" + name + "' for allowFunction: give a"
                    + " plain name such as my_func, or schema.my_func");
        }
    }

    /**
     * Why a call of the function (its name parts as written, quotes included) with that many arguments is
     * refused, or {@code null} if it is accepted.
     */
    public String refusal(List<String> nameParts, int arguments) {
        if (nameParts == null || nameParts.isEmpty() || nameParts.stream().anyMatch(Objects::isNull)) {
            return "a function call without a name is refused";
        }
        StringBuilder full = new StringBuilder();
        for (String part : nameParts) {
            String bare = bare(part);
            if (bare == null) {
                return "function " + String.join(".", nameParts) + " is quoted in another case than " + dialect
                        + " stores built-in names, so it names no built-in";
            }
            full.append(full.length() == 0 ? "" : ".").append(bare);
        }
        String name = full.toString();
        if (declared.contains(name)) {
            return null;
        }
        if (nameParts.size() > 1) {
            return "function " + String.join(".", nameParts) + " is qualified with a schema, so it is no built-in"
                    + " tip-data knows";
        }
        int[] range = builtIns.get(name);
        if (range == null) {
            return "function " + name + " is not on tip-data's list of " + dialect + " built-ins that have no"
                    + " effect beyond the statement (user-defined functions run with the caller's rights)";
        }
        if (arguments < range[0] || arguments > range[1]) {
            return "function " + name + " with " + arguments + " argument" + (arguments == 1 ? "" : "s")
                    + " is refused (only " + describe(range) + " is free of effects beyond the statement)";
        }
        return null;
    }

    /** The lower-case name of a part, or {@code null} for a quoted part that no built-in name can match. */
    private String bare(String part) {
        if (part.length() >= 2 && (part.charAt(0) == '"' || part.charAt(0) == '`')) {
            String inner = part.substring(1, part.length() - 1);
            boolean literalCase = part.charAt(0) == '"';
            if (literalCase && dialect == Dialect.POSTGRESQL && !inner.equals(inner.toLowerCase(Locale.ROOT))
                    || literalCase && dialect == Dialect.H2 && !inner.equals(inner.toUpperCase(Locale.ROOT))) {
                return null;
            }
            return inner.toLowerCase(Locale.ROOT);
        }
        return part.toLowerCase(Locale.ROOT);
    }

    private static String describe(int[] range) {
        if (range[0] == range[1]) {
            return "the form with " + range[0] + " argument" + (range[0] == 1 ? "" : "s");
        }
        return range[1] == Integer.MAX_VALUE ? "the forms with " + range[0] + " or more arguments"
                : "the forms with " + range[0] + " to " + range[1] + " arguments";
    }

    private static synchronized Map<String, int[]> builtIns(Dialect dialect) {
        return BUILT_INS.computeIfAbsent(dialect, FunctionList::load);
    }

    private static Map<String, int[]> load(Dialect dialect) {
        String resource = "functions-" + dialect.name().toLowerCase(Locale.ROOT) + ".txt";
        Map<String, int[]> out = new HashMap<>();
        try (InputStream in = FunctionList.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("tip-data's function list " + resource + " is missing from the jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int n = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                n++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                Matcher m = LINE.matcher(t);
                if (!m.matches() || out.containsKey(m.group(1))) {
                    throw new IllegalStateException(resource + " line " + n + " is malformed or repeated: " + t);
                }
                int min = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
                int max = m.group(2) == null ? Integer.MAX_VALUE : m.group(3) == null ? min
                        : m.group(4).isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(m.group(4));
                out.put(m.group(1), new int[] {min, max});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(out);
    }
}
