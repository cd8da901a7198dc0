package io.tipdata.hibernate;

import io.tipdata.core.purge.PurgeListener;
import io.tipdata.hibernate.internal.MappedTables;
import io.tipdata.hibernate.internal.OfflineMapping;
import io.tipdata.hibernate.internal.PurgedRunEviction;
import io.tipdata.hibernate.internal.RunCacheEviction;
import io.tipdata.hibernate.internal.RunTenants;
import io.tipdata.hibernate.internal.TipTenantResolver;
import io.tipdata.jdbc.TablePolicies;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.SharedSessionContract;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * The Hibernate ORM 7 integration of tip-data.
 *
 * <p><b>Turning it on.</b> Give Hibernate a {@code TipDataSource} as its data source
 * ({@code hibernate.connection.datasource}, {@code jakarta.persistence.nonJtaDataSource}); a service
 * contributor found on the class path does the rest. {@value #ENABLED}{@code =false} turns it off,
 * {@code =true} makes a missing {@code TipDataSource} a start-up error.
 *
 * <p><b>A session belongs to the run it was opened in.</b> Each session's tenant identifier is the context
 * current when it is opened ({@code tip:production} or {@code tip:run:<runId>}). A run's session works for
 * that run wherever and whenever its SQL runs: a flush after the {@code TipContext} scope closed, a lazy load
 * on another thread, a commit in a {@code CompletableFuture}, id generation and {@code StatelessSession} work.
 * A production session stays production: used while a test run is bound on the thread it refuses to send SQL
 * ({@code TD003}) rather than run test work against production rows.
 *
 * <p><b>Caches never cross.</b> Hibernate keys every second-level, collection, query and natural-id cache
 * entry with the tenant identifier, so an entry loaded under one run is never served to production or to
 * another run. A cache keys factory that drops the tenant ({@code hibernate.cache.keys_factory=simple}) is
 * refused at start-up. {@link #evictRun(SessionFactory, String)} removes a purged run's entries; give
 * {@link #evictOnPurge(SessionFactory)} to the {@code PurgeJob} and that happens whenever it purges a run.
 *
 * <p><b>Schema (database) per tenant.</b> With the application's own {@code MultiTenantConnectionProvider} and
 * tenant resolver, {@link TipTenants} (setting {@value TipTenants#SETTING}) makes one {@code TipDataSource} per
 * application tenant over the provider's connections; a {@code TenantSchemaMapper} is refused at start-up.
 *
 * <p><b>Policies from the mapping.</b> {@link TipPolicy} on entities and {@value #POLICY_SETTING_PREFIX}{@code <table>}
 * settings declare the policies of the tables they map; {@link #policies(Map, Class[])} makes the one
 * {@code TablePolicies} object for the {@code TipDataSource}, the {@code ShadowSchema} and the {@code PurgeJob}.
 * At start-up each mapped table without a policy in the TipDataSource is logged as a warning.
 */
public final class TipHibernate {

    /** {@code auto} (default: on when the data source is a TipDataSource), {@code true} or {@code false}. */
    public static final String ENABLED = "tip.hibernate.enabled";

    /** The prefix of the settings that declare a table's policy: {@code tip.hibernate.policy.orders=isolated}. */
    public static final String POLICY_SETTING_PREFIX = MappedTables.SETTING_PREFIX;

    private TipHibernate() {
    }

    /** Tells whether the session factory runs with tip-data. */
    public static boolean isActive(SessionFactory sessionFactory) {
        Object resolver = sessionFactory.unwrap(SessionFactoryImplementor.class).getCurrentTenantIdentifierResolver();
        return resolver instanceof TipTenantResolver;
    }

    /** The run id a session works for, or {@code null} for a production session. */
    public static String runIdOf(SharedSessionContract session) {
        return RunTenants.runIdOf(session.getTenantIdentifierValue());
    }

    /**
     * Removes a purged run's entries from the second-level caches (entity, collection, natural-id; the query
     * caches are cleared as a whole) and forgets the run, so that a session opened for it later starts cold.
     */
    public static void evictRun(SessionFactory sessionFactory, String runId) {
        SessionFactoryImplementor factory = sessionFactory.unwrap(SessionFactoryImplementor.class);
        Object r = factory.getCurrentTenantIdentifierResolver();
        if (!(r instanceof TipTenantResolver resolver)) {
            throw new IllegalStateException("session factory " + factory.getName() + " does not run with tip-data"
                    + " (its data source is not a TipDataSource, or " + ENABLED + "=false); nothing to evict");
        }
        String tenant = RunTenants.of(runId);
        resolver.tenants().forget(runId);
        RunCacheEviction.evict(factory, tenant);
    }

    /**
     * The mapped tables (entities, joined and secondary tables, collection and join tables) that have no policy
     * in the session factory's TipDataSource, each as "{@code table (what maps it)}": test traffic is refused on
     * them. The same list is logged as a warning at start-up.
     */
    public static List<String> tablesWithoutPolicy(SessionFactory sessionFactory) {
        return MappedTables.withoutPolicy(sessionFactory.unwrap(SessionFactoryImplementor.class));
    }

    /**
     * The policies the mapping declares: {@link TipPolicy} on the entities (their tables, secondary tables, joined
     * subclass tables, collection and join tables) and the {@value #POLICY_SETTING_PREFIX}{@code <table>} settings
     * (which win over annotations). Read from Hibernate's metadata of the classes under the given settings (naming
     * strategies included), without a database. Build the TipDataSource, the ShadowSchema and the PurgeJob with it.
     *
     * @throws IllegalStateException    when two entities give one table different policies
     * @throws IllegalArgumentException when a setting's value is not a policy
     */
    public static TablePolicies policies(Map<String, ?> settings, Class<?>... entities) {
        return policies(TablePolicies.builder(), settings, entities);
    }

    /**
     * The policies the mapping declares (see {@link #policies(Map, Class[])}) added to a builder that holds the
     * application's other tables; a table declared by both with different policies is refused.
     */
    public static TablePolicies policies(TablePolicies.Builder builder, Map<String, ?> settings, Class<?>... entities) {
        return OfflineMapping.read(settings, entities, m -> MappedTables.addDeclared(builder, m, settings)).build();
    }

    /**
     * A purge listener that calls {@link #evictRun(SessionFactory, String)} for each run the purge job purged:
     * {@code PurgeJob.builder(raw, registry).listener(TipHibernate.evictOnPurge(sessionFactory))}.
     */
    public static PurgeListener evictOnPurge(SessionFactory sessionFactory) {
        if (!isActive(sessionFactory)) {
            throw new IllegalStateException("session factory " + sessionFactory + " does not run with tip-data (its data"
                    + " source is not a TipDataSource, or " + ENABLED + "=false); it has no run caches to evict");
        }
        return new PurgedRunEviction(sessionFactory);
    }
}
