package io.tipdata.hibernate.internal;

import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.SessionFactoryObserver;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.cache.spi.access.EntityDataAccess;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.service.spi.ServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Found through {@code META-INF/services}: at start-up of a session factory that runs with tip-data, warns of
 * each mapped table without a policy and refuses a cache keys factory whose keys do not depend on the tenant.
 */
public final class TipIntegrator implements Integrator {

    private static final Logger LOG = LoggerFactory.getLogger(TipIntegrator.class);
    /** The names {@code allowSequence} takes: a plain or double-quoted part, optionally after a schema. */
    private static final java.util.regex.Pattern SEQUENCE_NAME = java.util.regex.Pattern.compile(
            "(?:(?:[A-Za-z_][A-Za-z0-9_$]*|\"[^\"]+\")\\.)?(?:[A-Za-z_][A-Za-z0-9_$]*|\"[^\"]+\")");

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor factory) {
        if (!(factory.getServiceRegistry().getService(MultiTenantConnectionProvider.class)
                instanceof TipConnectionProvider provider)) {
            return;
        }
        Map<String, Object> settings = bootstrapContext.getServiceRegistry().requireService(ConfigurationService.class)
                .getSettings();
        for (String warning : MappedTables.record(factory, metadata, settings, provider.policies())) {
            LOG.warn("tip-data: {}", warning);
        }
        java.util.Set<String> sequences = mappedSequences(metadata);
        if (!sequences.isEmpty()) {
            LOG.debug("tip-data: test statements may draw ids from the mapping's sequences {}", sequences);
            provider.allowSequences(sequences);
        }
        if (factory.getSessionFactoryOptions().isSecondLevelCacheEnabled()) {
            factory.addObserver(new SessionFactoryObserver() {
                private static final long serialVersionUID = 1L;

                @Override
                public void sessionFactoryCreated(SessionFactory created) {
                    factory.getMappingMetamodel().forEachEntityDescriptor(TipIntegrator::refuseTenantlessKeys);
                }
            });
        }
    }

    /**
     * The sequences of the mapping (the generators' and any declared as auxiliary objects), as
     * {@code allowSequence} takes names: the generators of test statements draw their ids from them. A name
     * tip-data cannot take is logged and left out, so its statements are refused.
     */
    static java.util.Set<String> mappedSequences(Metadata metadata) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (org.hibernate.boot.model.relational.Namespace ns : metadata.getDatabase().getNamespaces()) {
            for (org.hibernate.boot.model.relational.Sequence s : ns.getSequences()) {
                org.hibernate.boot.model.relational.QualifiedSequenceName q = s.getName();
                String name = part(q.getSequenceName());
                if (q.getSchemaName() != null) {
                    name = part(q.getSchemaName()) + "." + name;
                }
                if (SEQUENCE_NAME.matcher(name).matches()) {
                    out.add(name);
                } else {
                    LOG.warn("tip-data: sequence {} of the mapping is not a name TipDataSource.Builder.allowSequence"
                            + " takes; test statements drawing from it are refused", name);
                }
            }
        }
        return out;
    }

    private static String part(org.hibernate.boot.model.naming.Identifier id) {
        return id.isQuoted() ? "\"" + id.getText() + "\"" : id.getText();
    }

    /** Two tenants must never produce equal cache keys, whatever the keys factory. */
    private static void refuseTenantlessKeys(EntityPersister persister) {
        EntityDataAccess access = persister.getCacheAccessStrategy();
        if (access == null || persister.getIdentifierType().getReturnedClass() == null) {
            return;
        }
        Object id = sampleId(persister.getIdentifierType().getReturnedClass());
        if (id == null) {
            return;
        }
        SessionFactoryImplementor factory = persister.getFactory();
        Object production = access.generateCacheKey(id, persister, factory, RunTenants.PRODUCTION);
        Object run = access.generateCacheKey(id, persister, factory, RunTenants.RUN_PREFIX + "key-check");
        if (production.equals(run)) {
            throw new ServiceException("the second-level cache keys of " + persister.getEntityName() + " do not"
                    + " contain the tenant identifier (hibernate.cache.keys_factory), so test runs and production"
                    + " would share cache entries: use Hibernate's default cache keys factory");
        }
    }

    private static Object sampleId(Class<?> type) {
        if (type == Long.class || type == long.class) {
            return 1L;
        }
        if (type == Integer.class || type == int.class) {
            return 1;
        }
        if (type == String.class) {
            return "1";
        }
        return null;
    }
}
