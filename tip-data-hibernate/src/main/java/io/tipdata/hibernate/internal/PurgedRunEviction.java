package io.tipdata.hibernate.internal;

import io.tipdata.core.purge.PurgeListener;
import io.tipdata.hibernate.TipHibernate;
import java.time.Duration;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Evicts each purged run's second-level cache entries from one session factory. */
public final class PurgedRunEviction implements PurgeListener {

    private static final Logger LOG = LoggerFactory.getLogger(PurgedRunEviction.class);

    private final SessionFactory sessionFactory;

    /** A listener for the session factory. */
    public PurgedRunEviction(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    @Override
    public void onRunPurged(String runId, long rows, Duration duration) {
        if (sessionFactory.isClosed()) {
            LOG.debug("tip-data: session factory closed, no cache entries of run {} to evict", runId);
            return;
        }
        TipHibernate.evictRun(sessionFactory, runId);
    }

    @Override
    public String toString() {
        return "PurgedRunEviction[" + sessionFactory + "]";
    }
}
