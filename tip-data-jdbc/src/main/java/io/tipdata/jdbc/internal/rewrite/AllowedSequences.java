package io.tipdata.jdbc.internal.rewrite;

import io.tipdata.jdbc.Dialect;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The sequences a statement in test context may draw from or read ({@code nextval}, {@code currval},
 * {@code lastval(seq)}, {@code NEXT VALUE FOR}): those the columns of ISOLATED tables take their ids from (read by
 * the start-up check) and those the user declared with {@code allowSequence}. Any other sequence is refused: drawing
 * from it moves a counter production relies on, and reading its current value shows what another request drew on
 * the pooled connection.
 *
 * <p>Names are kept as the database stores them: unqualified for a sequence of the production schema, {@code
 * schema.name} for one elsewhere. {@code existing} are all sequences of the production schema as stored, which H2
 * needs to tell which sequence a name given as a string resolves to (H2 looks a name up as written first, then in
 * upper case); {@code null} when not known, and then a string naming a sequence only by its upper-case match is
 * refused.
 */
public final class AllowedSequences {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]+\"");

    private static final AllowedSequences NONE = new AllowedSequences(null, Set.of(), Set.of());

    private final String productionSchema;
    private final Set<String> allowed;
    private final Set<String> existing;

    private AllowedSequences(String productionSchema, Set<String> allowed, Set<String> existing) {
        this.productionSchema = productionSchema;
        this.allowed = allowed;
        this.existing = existing;
    }

    /** No sequence may be drawn from. */
    public static AllowedSequences none() {
        return NONE;
    }

    /**
     * The sequences found behind ISOLATED tables ({@code found}, stored spelling, {@code schema.name} outside the
     * production schema) and the declared names (as given to {@code allowSequence}, folded as the dialect folds an
     * unquoted identifier, kept as written when double-quoted).
     */
    public static AllowedSequences of(Dialect dialect, String productionSchema, Set<String> found, Set<String> declared,
                                      Set<String> existing) {
        Objects.requireNonNull(dialect, "dialect");
        java.util.Set<String> all = new java.util.HashSet<>(found);
        for (String d : declared) {
            checkDeclared(d);
            List<String> parts = splitDeclared(d);
            List<String> folded = parts.stream().map(p -> p.startsWith("\"") ? p.substring(1, p.length() - 1)
                    : fold(dialect, p)).toList();
            if (folded.size() == 2 && !folded.get(0).equals(productionSchema)) {
                all.add(folded.get(0) + "." + folded.get(1));
            } else {
                all.add(folded.get(folded.size() - 1));
            }
        }
        return new AllowedSequences(productionSchema, Set.copyOf(all), existing == null ? null : Set.copyOf(existing));
    }

    /** Throws naming the value if it is no sequence name {@code allowSequence} accepts. */
    public static void checkDeclared(String name) {
        List<String> parts = name == null ? List.of() : splitDeclared(name);
        if (parts.isEmpty() || parts.size() > 2 || parts.stream().anyMatch(p -> !PLAIN.matcher(p).matches()
                && !QUOTED.matcher(p).matches())) {
            throw new IllegalArgumentException("invalid sequence name '" + name + "' for allowSequence: give a"
                    + " plain name such as orders_seq, schema.orders_seq, or a part in double quotes to keep its case");
        }
    }

    private static List<String> splitDeclared(String name) {
        int dot = name.startsWith("\"") ? name.indexOf('.', name.indexOf('"', 1) + 1) : name.indexOf('.');
        return dot < 0 ? List.of(name) : List.of(name.substring(0, dot), name.substring(dot + 1));
    }

    static String fold(Dialect dialect, String unquoted) {
        return switch (dialect) {
            case POSTGRESQL -> unquoted.toLowerCase(Locale.ROOT);
            case H2 -> unquoted.toUpperCase(Locale.ROOT);
            case MARIADB -> unquoted;
        };
    }

    /**
     * Whether the sequence, named by its schema ({@code null}: unqualified) and name as the database resolves
     * them, may be used.
     */
    boolean allows(String schema, String name) {
        if (schema == null || schema.equals(productionSchema)) {
            return allowed.contains(name);
        }
        return allowed.contains(schema + "." + name);
    }

    /**
     * H2: the name a string argument resolves to in the production schema (as written if such a sequence exists,
     * else upper case), or {@code null} if that cannot be told.
     */
    String h2Resolve(String written) {
        if (existing == null) {
            return allowed.contains(written) ? written : null;
        }
        return existing.contains(written) ? written : written.toUpperCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AllowedSequences a && Objects.equals(productionSchema, a.productionSchema)
                && allowed.equals(a.allowed) && Objects.equals(existing, a.existing);
    }

    @Override
    public int hashCode() {
        return Objects.hash(productionSchema, allowed, existing);
    }

    @Override
    public String toString() {
        return "sequences " + allowed;
    }
}
