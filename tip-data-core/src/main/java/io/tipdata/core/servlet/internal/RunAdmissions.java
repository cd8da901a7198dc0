package io.tipdata.core.servlet.internal;

import io.tipdata.core.RunRegistry;
import io.tipdata.core.RunRegistry.RunStatus;
import io.tipdata.core.TestRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Admits the run of a marked request with at most one registry round trip, and none for a run this
 * instance knows to be active for longer than the request can take.
 *
 * <p><b>Why a cached admission cannot let a purged run write again.</b> Let {@code D} be the longest a
 * request may take ({@code maxRequestTime}), {@code S} the largest difference between this instance's clock
 * and the registry's (database) time ({@code clockSkew}), and {@code E} the run's expiry as stored in the
 * registry (latest token expiry plus the grace period; it only ever grows). The purge job claims a run only
 * when {@code E} is before the registry's time, and then sets it {@code PURGING} (which every later
 * {@link RunRegistry#admit} refuses). On a registry round trip, the run is admitted only if it is
 * {@code ACTIVE} and {@code E - registryNow > D}: the request ends before {@code E} in registry time, so
 * before any expiry-based claim. A cache entry remembers {@code E}; a request is admitted from it, without a
 * round trip, only when the token does not extend the run (its expiry plus grace is not after {@code E}) and
 * {@code E - now > D + S} on this instance's clock. Registry time then is at most {@code now + S}, so the
 * request ends, in registry time, before {@code now + S + D < E}: again before the earliest expiry-based
 * claim, whatever the skew between instances, because the claim compares {@code E} with the database's
 * clock, never an instance's. A purge forced before expiry ("purge this run now") cannot rely on {@code E};
 * it therefore waits, after setting the run {@code PURGING}, for an in-flight allowance of at least
 * {@code cacheFor + D + S} before it deletes, so that every cache entry has aged out and every admitted
 * request has ended. A write after that (a request longer than {@code D}) is a straggler: the audit finds
 * it and the next pass purges it.
 */
public final class RunAdmissions {

    /** What the admission decided. */
    public enum Outcome {
        /** The request may run. */
        ACCEPTED,
        /** The run is purging, purged or failed: refuse with run-purged. */
        PURGED,
        /** The run is (nearly) past its expiry in registry time: refuse as expired. */
        EXPIRED
    }

    private static final int MAX_ENTRIES = 10_000;

    private record Known(Instant expires, long fetchedNanos) {
    }

    private final RunRegistry registry;
    private final Duration maxRequestTime;
    private final Duration cacheMargin;
    private final long cacheForNanos;
    private final Clock clock;
    private final ConcurrentMap<String, Known> known = new ConcurrentHashMap<>();

    /** Admissions over the registry with those bounds; {@code cacheFor} zero turns the cache off. */
    public RunAdmissions(RunRegistry registry, Duration maxRequestTime, Duration clockSkew, Duration cacheFor,
                         Clock clock) {
        this.registry = registry;
        this.maxRequestTime = maxRequestTime;
        this.cacheMargin = maxRequestTime.plus(clockSkew);
        this.cacheForNanos = cacheFor.toNanos();
        this.clock = clock;
    }

    /** Admits the run (its expiry being the token's plus the grace period) or says why not. */
    public Outcome admit(TestRun run) {
        Known k = known.get(run.runId());
        if (k != null && System.nanoTime() - k.fetchedNanos() < cacheForNanos
                && !run.expires().isAfter(k.expires())
                && k.expires().isAfter(clock.instant().plus(cacheMargin))) {
            return Outcome.ACCEPTED;
        }
        RunRegistry.Admission a = registry.admit(run);
        if (a.status() == RunStatus.PURGING || a.status() == RunStatus.PURGED || a.status() == RunStatus.FAILED) {
            known.remove(run.runId());
            return Outcome.PURGED;
        }
        if (a.status() != RunStatus.ACTIVE || !a.expires().isAfter(a.registryNow().plus(maxRequestTime))) {
            known.remove(run.runId());
            return Outcome.EXPIRED;
        }
        if (cacheForNanos > 0) {
            if (known.size() >= MAX_ENTRIES) {
                known.clear();
            }
            known.put(run.runId(), new Known(a.expires(), System.nanoTime()));
        }
        return Outcome.ACCEPTED;
    }
}
