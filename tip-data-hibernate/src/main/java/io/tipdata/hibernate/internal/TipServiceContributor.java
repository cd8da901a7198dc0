package io.tipdata.hibernate.internal;

import io.tipdata.hibernate.TipHibernate;
import io.tipdata.jdbc.TipDataSource;
import java.util.Locale;
import java.util.Map;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cache.internal.SimpleCacheKeysFactory;
import org.hibernate.cfg.CacheSettings;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.MultiTenancySettings;
import org.hibernate.cfg.QuerySettings;
import org.hibernate.query.sqm.mutation.internal.inline.InlineMutationStrategy;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.service.spi.ServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Found through {@code META-INF/services}: when Hibernate's data source is a {@link TipDataSource}, installs
 * the run tenants (resolver and connection provider) and refuses settings that would let caches cross.
 */
public final class TipServiceContributor implements ServiceContributor {

    private static final Logger LOG = LoggerFactory.getLogger(TipServiceContributor.class);
    private static final String[] DATA_SOURCE_SETTINGS = {JdbcSettings.DATASOURCE,
            JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, JdbcSettings.JPA_NON_JTA_DATASOURCE};

    @Override
    public void contribute(StandardServiceRegistryBuilder builder) {
        Map<String, Object> settings = builder.getSettings();
        String enabled = String.valueOf(settings.getOrDefault(TipHibernate.ENABLED, "auto")).trim()
                .toLowerCase(Locale.ROOT);
        if (!enabled.equals("auto") && !enabled.equals("true") && !enabled.equals("false")) {
            throw new ServiceException("invalid " + TipHibernate.ENABLED + " '" + enabled + "': use auto, true or false");
        }
        TipDataSource dataSource = tipDataSource(settings);
        if (enabled.equals("false")) {
            return;
        }
        if (dataSource == null) {
            if (enabled.equals("true")) {
                throw new ServiceException(TipHibernate.ENABLED + "=true but Hibernate's data source is not a"
                        + " TipDataSource: set " + JdbcSettings.DATASOURCE + " (or jakarta.persistence.nonJtaDataSource)"
                        + " to the TipDataSource instance");
            }
            return;
        }
        refuseOwnMultiTenancy(settings);
        refuseTenantlessCacheKeys(settings.get(CacheSettings.CACHE_KEYS_FACTORY));
        if (!settings.containsKey(QuerySettings.QUERY_MULTI_TABLE_MUTATION_STRATEGY)) {
            // bulk update/delete of JOINED hierarchies and secondary tables: select the ids, then one statement per
            // table with the ids inline, instead of HTE_ temporary tables or data-modifying CTEs (refused in a run)
            builder.applySetting(QuerySettings.QUERY_MULTI_TABLE_MUTATION_STRATEGY, InlineMutationStrategy.class.getName());
        }
        RunTenants tenants = new RunTenants();
        builder.applySetting(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, new TipTenantResolver(tenants));
        builder.applySetting(MultiTenancySettings.MULTI_TENANT_CONNECTION_PROVIDER,
                new TipConnectionProvider(dataSource, tenants));
        LOG.debug("tip-data: Hibernate sessions pinned to their run over {}", dataSource);
    }

    private static TipDataSource tipDataSource(Map<String, Object> settings) {
        for (String key : DATA_SOURCE_SETTINGS) {
            if (settings.get(key) instanceof TipDataSource tip) {
                return tip;
            }
        }
        return null;
    }

    private static void refuseOwnMultiTenancy(Map<String, Object> settings) {
        for (String key : new String[] {MultiTenancySettings.MULTI_TENANT_CONNECTION_PROVIDER,
                MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER}) {
            Object own = settings.get(key);
            if (own != null) {
                throw new ServiceException("tip-data-hibernate does not yet compose with the application's own"
                        + " multi-tenancy (" + key + " = " + own + "): tip-data uses the tenant identifier for the"
                        + " test run; remove the setting or set " + TipHibernate.ENABLED + "=false");
            }
        }
    }

    static void refuseTenantlessCacheKeys(Object keysFactory) {
        if (keysFactory == null) {
            return;
        }
        boolean simple = keysFactory instanceof SimpleCacheKeysFactory
                || keysFactory instanceof Class<?> c && SimpleCacheKeysFactory.class.isAssignableFrom(c)
                || keysFactory instanceof String s && (s.trim().equalsIgnoreCase(SimpleCacheKeysFactory.SHORT_NAME)
                        || s.trim().equals(SimpleCacheKeysFactory.class.getName()));
        if (simple) {
            throw new ServiceException(CacheSettings.CACHE_KEYS_FACTORY + " = " + keysFactory + " drops the tenant"
                    + " identifier from second-level cache keys, so test runs and production would share cache"
                    + " entries: remove the setting (Hibernate's default keys factory keeps the tenant)");
        }
    }
}
