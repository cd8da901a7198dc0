/**
 * Scheduling of the purge, independent of SQL: {@link io.tipdata.core.purge.PurgeScheduler} runs a
 * {@link io.tipdata.core.purge.PurgeTask} (tip-data-jdbc's {@code PurgeJob}) at an interval with jitter;
 * {@link io.tipdata.core.purge.PurgeListener} observes it.
 */
package io.tipdata.core.purge;
