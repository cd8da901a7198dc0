package io.tipdata.hibernate.internal;

import io.tipdata.hibernate.TipPolicy;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TablePolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import org.hibernate.boot.Metadata;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Join;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Table;

/**
 * The tables a mapping uses, the policy the mapping declares for each ({@link TipPolicy} on the entity that maps
 * it, or the setting {@value #SETTING_PREFIX}{@code <table>}), and those of them that have no policy in the
 * TipDataSource.
 */
public final class MappedTables {

    /** The prefix of the settings that declare a table's policy: {@code tip.hibernate.policy.<table>=isolated}. */
    public static final String SETTING_PREFIX = "tip.hibernate.policy.";

    private static final Map<SessionFactoryImplementor, List<String>> WITHOUT_POLICY =
            Collections.synchronizedMap(new WeakHashMap<>());

    private MappedTables() {
    }

    /** One mapped table: its name (lower-cased, unqualified), what maps it, and the policy the mapping declares. */
    public record MappedTable(String name, String mappedBy, TablePolicy declared, String declaredBy) {
    }

    /**
     * Every mapped table with the policy the mapping declares for it (annotations, then the settings, which win);
     * two annotations that give one table different policies are refused.
     */
    public static Map<String, MappedTable> declared(Metadata metadata, Map<String, ?> settings) {
        List<String> conflicts = new ArrayList<>();
        Map<String, MappedTable> tables = declared(metadata, settings, conflicts);
        if (!conflicts.isEmpty()) {
            throw new IllegalStateException(conflicts.get(0));
        }
        return tables;
    }

    /** As {@link #declared(Metadata, Map)}, with the conflicts no setting decides added to the list. */
    static Map<String, MappedTable> declared(Metadata metadata, Map<String, ?> settings, List<String> undecided) {
        Map<String, MappedTable> tables = new LinkedHashMap<>();
        Map<String, String> conflicts = new LinkedHashMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            TipPolicy policy = annotation(entity);
            String by = policy == null ? null : "@TipPolicy on " + entity.getEntityName();
            add(tables, conflicts, entity.getTable(), "entity " + entity.getEntityName(), policy, by);
            for (Join join : entity.getJoins()) {
                add(tables, conflicts, join.getTable(), "secondary table of " + entity.getEntityName(), policy, by);
            }
        }
        // the owning side of an association decides its join table; the inverse side only fills gaps
        for (boolean inverse : new boolean[] {false, true}) {
            for (Collection collection : metadata.getCollectionBindings()) {
                boolean known = tables.containsKey(collection.getCollectionTable().getName().toLowerCase(Locale.ROOT));
                if (collection.isInverse() == inverse && !(inverse && known)) {
                    TipPolicy policy = annotation(collection.getOwner());
                    add(tables, conflicts, collection.getCollectionTable(), "collection " + collection.getRole(), policy,
                            policy == null ? null : "@TipPolicy on " + collection.getOwnerEntityName());
                }
            }
        }
        for (Table table : metadata.collectTableMappings()) {
            add(tables, conflicts, table, "mapped table", null, null);
        }
        applySettings(tables, settings);
        for (Map.Entry<String, String> c : conflicts.entrySet()) {
            if (!settings.containsKey(SETTING_PREFIX + c.getKey())) {
                undecided.add(c.getValue());
            }
        }
        return tables;
    }

    private static TipPolicy annotation(PersistentClass entity) {
        if (entity == null) {
            return null;
        }
        Class<?> type;
        try {
            type = entity.getMappedClass();
        } catch (RuntimeException e) {
            return null; // dynamic-map entities have no class
        }
        return type == null ? null : type.getAnnotation(TipPolicy.class);
    }

    private static void add(Map<String, MappedTable> tables, Map<String, String> conflicts, Table table, String what, TipPolicy policy, String by) {
        if (table == null || table.isAbstractUnionTable() || table.isView() || table.getSubselect() != null) {
            return;
        }
        String name = table.getName().toLowerCase(Locale.ROOT);
        MappedTable old = tables.get(name);
        TablePolicy p = policy == null ? null : policy.value();
        if (old == null) {
            tables.put(name, new MappedTable(name, what, p, by));
        } else if (old.declared() == null && p != null) {
            tables.put(name, new MappedTable(name, old.mappedBy(), p, by));
        } else if (p != null && old.declared() != p && !old.declaredBy().equals(by)) {
            conflicts.putIfAbsent(name, "table " + name + " is declared " + old.declared() + " by "
                    + old.declaredBy() + " and " + p + " by " + by + ": give the table one policy (set "
                    + SETTING_PREFIX + name + " to decide)");
        }
    }

    private static void applySettings(Map<String, MappedTable> tables, Map<String, ?> settings) {
        for (Map.Entry<String, ?> e : settings.entrySet()) {
            if (!e.getKey().startsWith(SETTING_PREFIX)) {
                continue;
            }
            String name = e.getKey().substring(SETTING_PREFIX.length()).toLowerCase(Locale.ROOT);
            TablePolicy policy = parse(e.getKey(), e.getValue());
            MappedTable old = tables.get(name);
            tables.put(name, new MappedTable(name, old == null ? "setting " + e.getKey() : old.mappedBy(), policy,
                    "setting " + e.getKey()));
        }
    }

    private static TablePolicy parse(String key, Object value) {
        if (value instanceof TablePolicy p) {
            return p;
        }
        String text = String.valueOf(value).trim().toUpperCase(Locale.ROOT);
        for (TablePolicy p : TablePolicy.values()) {
            if (p.name().equals(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException("invalid " + key + " '" + value + "': use isolated, reference or denied");
    }

    /** The policies the mapping declares, added to the builder (which refuses a table declared twice differently). */
    public static TablePolicies.Builder addDeclared(TablePolicies.Builder builder, Metadata metadata,
            Map<String, ?> settings) {
        for (MappedTable t : declared(metadata, settings).values()) {
            if (t.declared() != null) {
                builder.table(t.declared(), t.name());
            }
        }
        return builder;
    }

    /**
     * Records, for the factory, the mapped tables with no policy in the TipDataSource (undeclared, so refused for
     * test traffic), and returns a warning for each of them and for each table whose policy in the TipDataSource
     * differs from the one the mapping declares.
     */
    static List<String> record(SessionFactoryImplementor factory, Metadata metadata, Map<String, ?> settings,
            TablePolicies policies) {
        List<String> missing = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (MappedTable t : declared(metadata, settings, warnings).values()) {
            boolean known = policies.exactNames().containsKey(t.name()) || policies.policyOf(t.name()) != TablePolicy.DENIED;
            TablePolicy actual = policies.policyOf(t.name());
            if (!known) {
                missing.add(t.name() + " (" + t.mappedBy() + ")");
                warnings.add("mapped table " + t.name() + " (" + t.mappedBy() + ") has no policy in the TipDataSource,"
                        + " so test traffic on it is refused; " + (t.declared() == null
                        ? "declare it isolated, reference or denied (@TipPolicy on the entity, or " + SETTING_PREFIX
                                + t.name() + ")"
                        : t.declaredBy() + " declares it " + t.declared() + ": build the TipDataSource with"
                                + " TipHibernate.policies(...)"));
            } else if (t.declared() != null && t.declared() != actual) {
                warnings.add("mapped table " + t.name() + " is declared " + t.declared() + " by " + t.declaredBy()
                        + " but is " + actual + " in the TipDataSource, whose policy is in force: build the"
                        + " TipDataSource with TipHibernate.policies(...)");
            }
        }
        WITHOUT_POLICY.put(factory, List.copyOf(missing));
        return warnings;
    }

    /** The mapped tables with no policy, as recorded at start-up. */
    public static List<String> withoutPolicy(SessionFactoryImplementor factory) {
        List<String> list = WITHOUT_POLICY.get(factory);
        if (list == null) {
            throw new IllegalStateException("session factory " + factory.getName() + " does not run with tip-data");
        }
        return list;
    }
}
