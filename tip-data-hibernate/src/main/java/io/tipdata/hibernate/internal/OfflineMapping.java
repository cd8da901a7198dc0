package io.tipdata.hibernate.internal;

import io.tipdata.hibernate.TipHibernate;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.SchemaToolingSettings;

/**
 * Reads a mapping without a database: Hibernate's metadata of the given entity classes under the application's
 * settings (naming strategies included), with no connection and no tip-data integration.
 */
public final class OfflineMapping {

    private static final String DEFAULT_DIALECT = "org.hibernate.dialect.H2Dialect";

    private OfflineMapping() {
    }

    /** Builds the metadata, hands it to the reader, and releases it. */
    public static <T> T read(Map<String, ?> settings, Class<?>[] entities, java.util.function.Function<Metadata, T> reader) {
        if (entities == null || entities.length == 0) {
            throw new IllegalArgumentException("no entity classes given: pass the annotated entity classes of the"
                    + " persistence unit");
        }
        Map<String, Object> s = new HashMap<>();
        settings.forEach((k, v) -> {
            if (v != null && !isConnectionSetting(k)) {
                s.put(k, v);
            }
        });
        s.put(TipHibernate.ENABLED, "false");
        s.put(JdbcSettings.ALLOW_METADATA_ON_BOOT, "false");
        s.putIfAbsent(JdbcSettings.DIALECT, DEFAULT_DIALECT); // the dialect only decides how names would be quoted
        s.put("hibernate.cache.use_second_level_cache", "false");
        s.put(SchemaToolingSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "none");
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(s).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            for (Class<?> entity : entities) {
                sources.addAnnotatedClass(entity);
            }
            return reader.apply(sources.buildMetadata());
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    private static boolean isConnectionSetting(String key) {
        return key.startsWith("hibernate.connection.") || key.startsWith("jakarta.persistence.jdbc.")
                || key.startsWith("javax.persistence.jdbc.") || key.equals("jakarta.persistence.nonJtaDataSource")
                || key.equals("jakarta.persistence.jtaDataSource") || key.equals("javax.persistence.nonJtaDataSource")
                || key.equals("javax.persistence.jtaDataSource") || key.startsWith("hibernate.hbm2ddl.")
                || key.startsWith("jakarta.persistence.schema-generation.") || key.startsWith("hibernate.cache.")
                || key.startsWith("hibernate.javax.cache.") || key.startsWith("jakarta.persistence.sharedCache.");
    }
}
