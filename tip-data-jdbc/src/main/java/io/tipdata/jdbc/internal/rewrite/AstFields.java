package io.tipdata.jdbc.internal.rewrite;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The instance fields of JSqlParser AST classes that can hold other AST nodes, found by reflection so
 * that no part of a statement is missed when the parser grows new node types.
 */
public final class AstFields {

    private static final String AST_PACKAGE = "net.sf.jsqlparser.";
    private static final String PARSER_PACKAGE = "net.sf.jsqlparser.parser.";
    private static final ConcurrentHashMap<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

    private AstFields() {
    }

    /** Tells whether the object is a node of the parser's AST (not a token or a parser internal). */
    public static boolean isAstNode(Object o) {
        String name = o.getClass().getName();
        return name.startsWith(AST_PACKAGE) && !name.startsWith(PARSER_PACKAGE) && !(o instanceof Enum<?>);
    }

    /** The values of the node's fields that may contain further nodes (nodes, collections, arrays). */
    public static List<Object> children(Object node) {
        List<Object> out = new ArrayList<>();
        for (Field f : FIELDS.computeIfAbsent(node.getClass(), AstFields::fieldsOf)) {
            Object v;
            try {
                v = f.get(node);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read " + f, e);
            }
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    /** The field of that name on the node's class or its superclasses, read reflectively. */
    public static Object field(Object node, String name) {
        for (Field f : FIELDS.computeIfAbsent(node.getClass(), AstFields::fieldsOf)) {
            if (f.getName().equals(name)) {
                try {
                    return f.get(node);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + f, e);
                }
            }
        }
        return null;
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
