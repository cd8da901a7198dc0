package io.tipdata.jdbc.internal.rewrite.text;

import io.tipdata.jdbc.internal.rewrite.AstFields;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.statement.select.PlainSelect;

/**
 * What the parser read of a text, for {@link TextAgreement} to hold against the lexer: its string
 * literals (as written, prefix upper-cased), the quoted names and the other names it keeps, and how many
 * queries. Read from every field of every node, strings held in lists and map entries included.
 */
final class ParsedText {

    private static final ConcurrentHashMap<Class<?>, List<Field>> STRING_FIELDS = new ConcurrentHashMap<>();

    final List<String> literals = new ArrayList<>();
    final Set<String> quotedNames = new LinkedHashSet<>();
    final Set<String> names = new LinkedHashSet<>();
    int queries;

    private ParsedText() {
    }

    static ParsedText of(Object tree) {
        ParsedText p = new ParsedText();
        p.walk(tree, Collections.newSetFromMap(new IdentityHashMap<>()));
        return p;
    }

    private void walk(Object v, Set<Object> seen) {
        if (v == null) {
            return;
        }
        if (v instanceof String s) {
            string(s);
        } else if (v instanceof Collection<?> c) {
            for (Object o : c) {
                walk(o, seen);
            }
        } else if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                walk(e.getKey(), seen);
                walk(e.getValue(), seen);
            }
        } else if (v instanceof Map.Entry<?, ?> e) {
            walk(e.getKey(), seen);
            walk(e.getValue(), seen);
        } else if (v instanceof Object[] a) {
            for (Object o : a) {
                walk(o, seen);
            }
        } else if (AstFields.isAstNode(v) && seen.add(v)) {
            if (v instanceof StringValue sv) {
                literals.add(normalized(sv.toString()));
                return;
            }
            if (v instanceof PlainSelect) {
                queries++;
            }
            for (Field f : STRING_FIELDS.computeIfAbsent(v.getClass(), ParsedText::stringFields)) {
                try {
                    string((String) f.get(v));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + f, e);
                }
            }
            for (Object child : AstFields.children(v)) {
                walk(child, seen);
            }
        }
    }

    private void string(String s) {
        if (s == null || s.isEmpty()) {
            return;
        }
        char c = s.charAt(0);
        if (c == '"' || c == '`' || c == '[') {
            quotedNames.add(s);
        } else if (s.length() >= 2 && s.charAt(s.length() - 1) == '\'' && s.indexOf('\'') <= 2) {
            literals.add(normalized(s));
        } else {
            names.add(s.toLowerCase(Locale.ROOT));
        }
    }

    /** The literal with the prefix before its first quote upper-cased. */
    static String normalized(String literal) {
        int q = literal.indexOf('\'');
        return q <= 0 ? literal : literal.substring(0, q).toUpperCase(Locale.ROOT) + literal.substring(q);
    }

    private static List<Field> stringFields(Class<?> type) {
        List<Field> out = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                    f.setAccessible(true);
                    out.add(f);
                }
            }
        }
        return List.copyOf(out);
    }
}
