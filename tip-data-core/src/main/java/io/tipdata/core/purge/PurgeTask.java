package io.tipdata.core.purge;

/**
 * One pass of a purge: what {@link PurgeScheduler} calls on its schedule, and what any other scheduler
 * (Quartz, Spring's {@code @Scheduled}, a Kubernetes CronJob) may call instead. tip-data-jdbc's
 * {@code PurgeJob} is the implementation.
 */
@FunctionalInterface
public interface PurgeTask {

    /** Purges what is due now and reports it; a failure of one run is in the report, not thrown. */
    PurgeReport purgeExpired();
}
