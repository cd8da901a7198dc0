package io.tipdata.jdbc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The policy of every table, by exact name and by pattern; any other table is {@link TablePolicy#DENIED}.
 *
 * <p>Names are matched without regard to case (a table name is lower-cased before matching). An exact
 * name wins over a pattern; among patterns the first one declared wins. A pattern uses {@code *} for
 * any run of characters and {@code ?} for one character. Immutable.
 */
public final class TablePolicies {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    private final Map<String, TablePolicy> exact;
    private final List<Map.Entry<Pattern, TablePolicy>> patterns;
    private final List<String> patternTexts;

    private TablePolicies(Builder b) {
        this.exact = Collections.unmodifiableMap(new LinkedHashMap<>(b.exact));
        this.patterns = List.copyOf(b.patterns);
        this.patternTexts = List.copyOf(b.patternTexts);
    }

    /** A builder with no tables: everything is denied until declared. */
    public static Builder builder() {
        return new Builder();
    }

    /** The policy of the table with that (unqualified) name. */
    public TablePolicy policyOf(String tableName) {
        String key = tableName.toLowerCase(Locale.ROOT);
        TablePolicy p = exact.get(key);
        if (p != null) {
            return p;
        }
        for (Map.Entry<Pattern, TablePolicy> e : patterns) {
            if (e.getKey().matcher(key).matches()) {
                return e.getValue();
            }
        }
        return TablePolicy.DENIED;
    }

    /** The tables declared by exact name, lower-cased, with their policies, in declaration order. */
    public Map<String, TablePolicy> exactNames() {
        return exact;
    }

    /** The declared patterns, as written, in declaration order. */
    public List<String> patterns() {
        return patternTexts;
    }

    @Override
    public String toString() {
        return "TablePolicies" + exact + (patternTexts.isEmpty() ? "" : " patterns " + patternTexts);
    }

    /** Collects policies; {@link #build()} checks them. */
    public static final class Builder {
        private final Map<String, TablePolicy> exact = new LinkedHashMap<>();
        private final List<Map.Entry<Pattern, TablePolicy>> patterns = new ArrayList<>();
        private final List<String> patternTexts = new ArrayList<>();

        private Builder() {
        }

        /** Gives the named tables the policy. */
        public Builder table(TablePolicy policy, String... tableNames) {
            Objects.requireNonNull(policy, "policy");
            for (String name : tableNames) {
                if (name == null || !NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("invalid table name '" + name + "' for policy " + policy
                            + ": give an unqualified, unquoted name such as orders (use pattern(...) for wildcards)");
                }
                String key = name.toLowerCase(Locale.ROOT);
                TablePolicy old = exact.putIfAbsent(key, policy);
                if (old != null && old != policy) {
                    throw new IllegalArgumentException("table '" + name + "' is declared both " + old + " and "
                            + policy + ": give each table one policy");
                }
            }
            return this;
        }

        /** Gives every table whose name matches the pattern the policy, unless an exact name says otherwise. */
        public Builder pattern(TablePolicy policy, String pattern) {
            Objects.requireNonNull(policy, "policy");
            if (pattern == null || !pattern.matches("[A-Za-z0-9_$*?]+")) {
                throw new IllegalArgumentException("invalid table pattern '" + pattern + "' for policy " + policy
                        + ": use letters, digits, _ and $, with * for any run of characters and ? for one");
            }
            StringBuilder re = new StringBuilder();
            for (char c : pattern.toLowerCase(Locale.ROOT).toCharArray()) {
                re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
            }
            patterns.add(Map.entry(Pattern.compile(re.toString()), policy));
            patternTexts.add(pattern);
            return this;
        }

        /** The immutable policies. */
        public TablePolicies build() {
            return new TablePolicies(this);
        }
    }
}
