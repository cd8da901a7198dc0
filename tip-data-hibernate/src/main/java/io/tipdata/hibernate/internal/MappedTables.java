package io.tipdata.hibernate.internal;

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

/** The tables a mapping uses, and those of them that have no policy in the TipDataSource. */
public final class MappedTables {

    private static final Map<SessionFactoryImplementor, List<String>> WITHOUT_POLICY =
            Collections.synchronizedMap(new WeakHashMap<>());

    private MappedTables() {
    }

    /** Every mapped table (lower-cased, unqualified) with what maps it, in mapping order. */
    public static Map<String, String> of(Metadata metadata) {
        Map<String, String> tables = new LinkedHashMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            add(tables, entity.getTable(), "entity " + entity.getEntityName());
            for (Join join : entity.getJoins()) {
                add(tables, join.getTable(), "secondary table of " + entity.getEntityName());
            }
        }
        for (Collection collection : metadata.getCollectionBindings()) {
            add(tables, collection.getCollectionTable(), "collection " + collection.getRole());
        }
        for (Table table : metadata.collectTableMappings()) {
            add(tables, table, "mapped table");
        }
        return tables;
    }

    private static void add(Map<String, String> tables, Table table, String what) {
        if (table != null && !table.isAbstract() && !table.isView() && table.getSubselect() == null) {
            tables.putIfAbsent(table.getName().toLowerCase(Locale.ROOT), what);
        }
    }

    /** Records the mapped tables with no policy (undeclared, so refused for test traffic) for the factory. */
    static List<String> record(SessionFactoryImplementor factory, Metadata metadata, TablePolicies policies) {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> e : of(metadata).entrySet()) {
            if (policies.policyOf(e.getKey()) == TablePolicy.DENIED && !policies.exactNames().containsKey(e.getKey())) {
                missing.add(e.getKey() + " (" + e.getValue() + ")");
            }
        }
        WITHOUT_POLICY.put(factory, List.copyOf(missing));
        return missing;
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
