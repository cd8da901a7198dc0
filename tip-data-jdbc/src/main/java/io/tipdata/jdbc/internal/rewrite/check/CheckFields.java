package io.tipdata.jdbc.internal.rewrite.check;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** The check's own reflective reading of JSqlParser nodes: every instance field that can hold a node. */
final class CheckFields {

    private static final String AST_PACKAGE = "net.sf.jsqlparser.";
    private static final String PARSER_PACKAGE = "net.sf.jsqlparser.parser.";
    private static final ConcurrentHashMap<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

    private CheckFields() {
    }

    static boolean isAstNode(Object o) {
        String name = o.getClass().getName();
        return name.startsWith(AST_PACKAGE) && !name.startsWith(PARSER_PACKAGE) && !(o instanceof Enum<?>);
    }

    static List<Object> children(Object node) {
        List<Object> out = new ArrayList<>();
        for (Field f : FIELDS.computeIfAbsent(node.getClass(), CheckFields::fieldsOf)) {
            try {
                Object v = f.get(node);
                if (v != null) {
                    out.add(v);
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + f, e);
            }
        }
        return out;
    }

    private static List<Field> fieldsOf(Class<?> type) {
        List<Field> out = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()
                        || f.getType() == String.class || f.getType().isEnum()
                        || f.getType().getName().startsWith(PARSER_PACKAGE)) {
                    continue;
                }
                f.setAccessible(true);
                out.add(f);
            }
        }
        return List.copyOf(out);
    }
}
