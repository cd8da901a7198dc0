package io.tipdata.hibernate.internal;

import java.util.ArrayList;
import java.util.List;
import javax.cache.Cache;
import org.hibernate.cache.internal.CacheKeyImplementation;
import org.hibernate.cache.internal.NaturalIdCacheKey;
import org.hibernate.cache.jcache.internal.JCacheAccessImpl;
import org.hibernate.cache.spi.Region;
import org.hibernate.cache.spi.support.DomainDataRegionTemplate;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes one tenant's entries from the second-level caches. JCache regions (hibernate-jcache) are scanned and
 * only that tenant's entity, collection and natural-id entries go; a region of another provider is evicted
 * whole, as are the query caches (their keys do not expose the tenant).
 */
public final class RunCacheEviction {

    private static final Logger LOG = LoggerFactory.getLogger(RunCacheEviction.class);
    private static final boolean JCACHE = present("org.hibernate.cache.jcache.internal.JCacheAccessImpl")
            && present("javax.cache.Cache");

    private RunCacheEviction() {
    }

    /** Evicts the entries of tip-data's tenant (with any application tenant) from every region of the factory's cache. */
    public static void evict(SessionFactoryImplementor factory, String tenant) {
        if (!factory.getSessionFactoryOptions().isSecondLevelCacheEnabled()) {
            return;
        }
        int removed = 0;
        for (String name : factory.getCache().getCacheRegionNames()) {
            Region region = factory.getCache().getRegion(name);
            if (region instanceof DomainDataRegionTemplate domain) {
                if (JCACHE && domain.getCacheStorageAccess() instanceof JCacheAccessImpl jcache) {
                    removed += JCacheScan.remove(jcache, tenant);
                } else {
                    region.clear();
                }
            }
        }
        factory.getCache().evictQueries();
        LOG.debug("tip-data: evicted {} second-level cache entries of {} and the query caches", removed, tenant);
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, RunCacheEviction.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The JCache scan, apart so that the class loads without JCache present. */
    private static final class JCacheScan {
        static int remove(JCacheAccessImpl access, String tenant) {
            Cache<Object, Object> cache = access.getUnderlyingCache();
            List<Object> keys = new ArrayList<>();
            for (Cache.Entry<Object, Object> entry : cache) {
                Object key = entry.getKey();
                if (key instanceof CacheKeyImplementation k && ofTenant(k.getTenantId(), tenant)
                        || key instanceof NaturalIdCacheKey n && ofTenant(n.getTenantId(), tenant)) {
                    keys.add(key);
                }
            }
            keys.forEach(cache::remove);
            return keys.size();
        }

        /** The key's tenant is tip-data's tenant, alone or after an application tenant. */
        private static boolean ofTenant(Object keyTenant, String tenant) {
            return keyTenant instanceof String s && (s.equals(tenant) || s.endsWith(RunTenants.SEPARATOR + tenant));
        }
    }
}
