package io.tipdata.hibernate.internal;

import io.tipdata.hibernate.TipHibernate;
import io.tipdata.hibernate.TipTenants;
import io.tipdata.jdbc.TipDataSource;
import java.util.Locale;
import java.util.Map;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cache.internal.SimpleCacheKeysFactory;
import org.hibernate.cfg.CacheSettings;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.MultiTenancySettings;
import org.hibernate.cfg.QuerySettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;
import org.hibernate.query.sqm.mutation.internal.inline.InlineMutationStrategy;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.service.spi.ServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Found through {@code META-INF/services}: when Hibernate's data source is a {@link TipDataSource}, installs
 * the run tenants (resolver and connection provider), composed with the application's own tenant resolver if it
 * has one, and refuses settings that would let caches cross.
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
        Object ownProvider = settings.get(MultiTenancySettings.MULTI_TENANT_CONNECTION_PROVIDER);
        if (ownProvider instanceof TipConnectionProvider) {
            ownProvider = null;
        }
        Object tipTenants = settings.get(TipTenants.SETTING);
        if (ownProvider != null || tipTenants != null) {
            if (tipTenants == null && dataSource == null && !enabled.equals("true")) {
                return; // the application's own multi-tenancy, without tip-data
            }
            composeWithOwnProvider(builder, settings, ownProvider, tipTenants);
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
        CurrentTenantIdentifierResolver<Object> appResolver = appResolver(settings);
        RunTenants tenants = commonSetup(builder, settings, appResolver);
        builder.applySetting(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, new TipTenantResolver(tenants));
        builder.applySetting(MultiTenancySettings.MULTI_TENANT_CONNECTION_PROVIDER,
                new TipConnectionProvider(dataSource, tenants));
        LOG.debug("tip-data: Hibernate sessions pinned to their run over {}", dataSource);
    }

    /** The refusals and settings of both kinds of set-up; the run tenants of the session factory. */
    private static RunTenants commonSetup(StandardServiceRegistryBuilder builder, Map<String, Object> settings,
            CurrentTenantIdentifierResolver<Object> appResolver) {
        refuseSchemaMappers(settings);
        refuseTenantlessCacheKeys(settings.get(CacheSettings.CACHE_KEYS_FACTORY));
        if (!settings.containsKey(QuerySettings.QUERY_MULTI_TABLE_MUTATION_STRATEGY)) {
            // bulk update/delete of JOINED hierarchies and secondary tables: select the ids, then one statement per
            // table with the ids inline, instead of HTE_ temporary tables or data-modifying CTEs (refused in a run)
            builder.applySetting(QuerySettings.QUERY_MULTI_TABLE_MUTATION_STRATEGY, InlineMutationStrategy.class.getName());
        }
        return new RunTenants(appResolver);
    }

    /** The application's own connection provider: one TipDataSource per application tenant (see TipTenants). */
    private static void composeWithOwnProvider(StandardServiceRegistryBuilder builder, Map<String, Object> settings,
            Object ownProvider, Object tipTenants) {
        String providerKey = MultiTenancySettings.MULTI_TENANT_CONNECTION_PROVIDER;
        if (!(tipTenants instanceof TipTenants perTenant)) {
            throw new ServiceException(tipTenants == null
                    ? "the application's own " + providerKey + " (" + ownProvider + ") hands out the connections of"
                            + " the sessions, so tip-data builds one TipDataSource per application tenant over it: set "
                            + TipTenants.SETTING + " to TipTenants.of(policies), or remove " + providerKey
                            + " to use the TipDataSource alone, or set " + TipHibernate.ENABLED + "=false"
                    : TipTenants.SETTING + " = " + tipTenants + " is not a TipTenants: give TipTenants.of(policies)");
        }
        if (ownProvider == null) {
            throw new ServiceException(TipTenants.SETTING + " is set but " + providerKey + " is not: set it to the"
                    + " application's MultiTenantConnectionProvider (schema or database per tenant), or remove "
                    + TipTenants.SETTING + " and give Hibernate a TipDataSource as its data source");
        }
        CurrentTenantIdentifierResolver<Object> appResolver = appResolver(settings);
        if (appResolver == null) {
            throw new ServiceException("the application's own " + providerKey + " needs the application's "
                    + MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER + " with tip-data: sessions take their"
                    + " tenant from it (tip-data adds the run to it), never from the session builder");
        }
        MultiTenantConnectionProvider<String> app = ownProvider(providerKey, ownProvider);
        RunTenants tenants = commonSetup(builder, settings, appResolver);
        builder.applySetting(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, new TipTenantResolver(tenants));
        builder.applySetting(providerKey, new TipConnectionProvider(app, perTenant, tenants));
        LOG.debug("tip-data: Hibernate sessions pinned to their run, one TipDataSource per tenant of {}", app);
    }

    @SuppressWarnings("unchecked")
    private static MultiTenantConnectionProvider<String> ownProvider(String key, Object own) {
        if (own instanceof MultiTenantConnectionProvider<?> p) {
            return (MultiTenantConnectionProvider<String>) p;
        }
        try {
            Class<?> type = own instanceof Class<?> c ? c : Class.forName(String.valueOf(own).trim(), true,
                    Thread.currentThread().getContextClassLoader() != null
                            ? Thread.currentThread().getContextClassLoader()
                            : TipServiceContributor.class.getClassLoader());
            if (!MultiTenantConnectionProvider.class.isAssignableFrom(type)) {
                throw new ServiceException(key + " = " + own + " is not a MultiTenantConnectionProvider");
            }
            return (MultiTenantConnectionProvider<String>) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new ServiceException("cannot make the connection provider " + key + " = " + own + " (" + e + "):"
                    + " give an instance, or a class with a public no-argument constructor", e);
        }
    }

    private static TipDataSource tipDataSource(Map<String, Object> settings) {
        for (String key : DATA_SOURCE_SETTINGS) {
            if (settings.get(key) instanceof TipDataSource tip) {
                return tip;
            }
        }
        return null;
    }

    /**
     * Hibernate's schema and credentials mappers switch the schema or login of a connection tip-data already pinned
     * to one shadow schema (and hand the mapper tip-data's composed tenant identifier): refused.
     */
    private static void refuseSchemaMappers(Map<String, Object> settings) {
        for (String key : new String[] {MultiTenancySettings.MULTI_TENANT_SCHEMA_MAPPER,
                MultiTenancySettings.MULTI_TENANT_CREDENTIALS_MAPPER}) {
            Object own = settings.get(key);
            if (own != null) {
                throw new ServiceException("tip-data-hibernate does not compose with " + key + " = " + own + ": it"
                        + " would switch the schema or login of connections tip-data has already pinned to one"
                        + " production and shadow schema. Give Hibernate a MultiTenantConnectionProvider that sets the"
                        + " tenant's schema on the connections it hands out (" + MultiTenancySettings
                        .MULTI_TENANT_CONNECTION_PROVIDER + ") and " + TipTenants.SETTING + " = TipTenants.of(policies):"
                        + " tip-data then builds one TipDataSource per tenant over it; or set " + TipHibernate.ENABLED
                        + "=false");
            }
        }
    }

    /** The application's own tenant resolver (an instance, a class or a class name), composed with tip-data's. */
    @SuppressWarnings("unchecked")
    static CurrentTenantIdentifierResolver<Object> appResolver(Map<String, Object> settings) {
        String key = MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER;
        Object own = settings.get(key);
        if (own == null || own instanceof TipTenantResolver) {
            return null;
        }
        if (own instanceof CurrentTenantIdentifierResolver<?> r) {
            return (CurrentTenantIdentifierResolver<Object>) r;
        }
        try {
            Class<?> type = own instanceof Class<?> c ? c : Class.forName(String.valueOf(own).trim(), true,
                    Thread.currentThread().getContextClassLoader() != null
                            ? Thread.currentThread().getContextClassLoader()
                            : TipServiceContributor.class.getClassLoader());
            if (!CurrentTenantIdentifierResolver.class.isAssignableFrom(type)) {
                throw new ServiceException(key + " = " + own + " is not a CurrentTenantIdentifierResolver");
            }
            return (CurrentTenantIdentifierResolver<Object>) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new ServiceException("cannot make the tenant resolver " + key + " = " + own + " (" + e + "): give"
                    + " an instance, or a class with a public no-argument constructor", e);
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
