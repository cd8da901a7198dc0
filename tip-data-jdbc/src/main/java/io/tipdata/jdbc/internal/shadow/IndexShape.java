package io.tipdata.jdbc.internal.shadow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An index that a twin reproduces from its definition rather than as a key: every non-unique index, and on
 * PostgreSQL every unique index with a predicate, an expression, a sort order, an operator class or
 * included columns.
 *
 * @param name       the index name as the database spells it
 * @param unique     whether it is a unique index
 * @param method     {@code USING <method> } on PostgreSQL, empty elsewhere
 * @param parts      the key parts as the database writes them: quoted where needed, with prefix lengths,
 *                   sort order, operator class or expression
 * @param rest       what follows the key list (PostgreSQL {@code INCLUDE}, {@code WITH}, {@code WHERE}), or empty
 * @param extendable whether {@code tip_run} can join the key (false for PostgreSQL GIN, GiST, hash, BRIN)
 */
record IndexShape(String name, boolean unique, String method, List<String> parts, String rest, boolean extendable) {

    IndexShape {
        parts = List.copyOf(parts);
    }

    /**
     * The form the twin has: {@code tip_run} last in a unique index, so one run's rows never collide with
     * another's; first in any other index, since every test statement filters on it. An index
     * {@code tip_run} cannot join is reproduced as it is.
     */
    IndexShape twin(String runPart) {
        if (!extendable) {
            return this;
        }
        List<String> p = new ArrayList<>(parts);
        if (unique) {
            p.add(runPart);
        } else {
            p.add(0, runPart);
        }
        return new IndexShape(name, unique, method, p, rest, false);
    }

    /** Tells whether some key part is exactly the column {@code runPart}. */
    boolean hasPart(String runPart) {
        return parts.stream().anyMatch(runPart::equalsIgnoreCase);
    }

    /** What the index does, regardless of its name; equal signatures index alike. */
    String signature() {
        return (unique ? "unique " : "") + keyText().toLowerCase(Locale.ROOT);
    }

    /** The text after {@code ON table}, such as {@code USING btree (tip_run, code) WHERE (x > 0)}. */
    String keyText() {
        return method + "(" + String.join(", ", parts) + ")" + rest;
    }

    /** The index as a reader expects it, such as {@code unique index users_email (lower(email))}. */
    String describe() {
        return (unique ? "unique index " : "index ") + name + " " + keyText();
    }
}
