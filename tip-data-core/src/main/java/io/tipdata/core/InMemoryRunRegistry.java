package io.tipdata.core;

import io.tipdata.core.RunRegistry.RunStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link RunRegistry} that lives in this process only; the default of the servlet filter. Its time is
 * its clock (the system UTC clock unless given), so leases only protect purgers of this process.
 */
public final class InMemoryRunRegistry implements RunRegistry {

    private final Clock clock;
    private final Map<String, RunRecord> runs = new HashMap<>();

    /** A registry on the system UTC clock. */
    public InMemoryRunRegistry() {
        this(Clock.systemUTC());
    }

    /** A registry whose time (expiry, leases) is that clock. */
    public InMemoryRunRegistry(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized void register(TestRun run) {
        RunRecord old = runs.get(run.runId());
        if (old == null) {
            runs.put(run.runId(), new RunRecord(run, RunStatus.ACTIVE, null, null, 0, null, null, null));
        } else if (run.expires().isAfter(old.run().expires()) && open(old.status())) {
            runs.put(run.runId(), with(old, TestRun.of(run.runId(), old.run().created(), run.expires()),
                    old.status()));
        }
    }

    @Override
    public Optional<TestRun> find(String runId) {
        return record(runId).map(RunRecord::run);
    }

    @Override
    public Optional<RunStatus> status(String runId) {
        return record(runId).map(RunRecord::status);
    }

    @Override
    public synchronized Optional<RunRecord> record(String runId) {
        RunRecord r = runs.get(runId);
        return r == null ? Optional.empty() : Optional.of(derived(r, clock.instant()));
    }

    @Override
    public synchronized List<RunRecord> records() {
        Instant now = clock.instant();
        return runs.values().stream().map(r -> derived(r, now))
                .sorted(Comparator.comparing((RunRecord r) -> r.run().expires()).thenComparing(RunRecord::runId))
                .toList();
    }

    @Override
    public synchronized List<TestRun> expiredBefore(Instant instant) {
        return runs.values().stream()
                .filter(e -> open(e.status()) && e.run().expires().isBefore(instant))
                .map(RunRecord::run)
                .sorted(Comparator.comparing(TestRun::expires))
                .toList();
    }

    @Override
    public synchronized List<String> claimable(int limit) {
        Instant now = clock.instant();
        return records().stream().filter(r -> claimableAt(runs.get(r.runId()), now, false))
                .limit(limit).map(RunRecord::runId).toList();
    }

    @Override
    public synchronized boolean claim(String runId, String owner, Duration lease, boolean evenIfActive) {
        RunRecord r = runs.get(runId);
        Instant now = clock.instant();
        if (r == null || !claimableAt(r, now, evenIfActive)) {
            return false;
        }
        runs.put(runId, new RunRecord(r.run(), RunStatus.PURGING, r.purgeStarted() != null ? r.purgeStarted() : now,
                r.purgedAt(), r.rowsPurged(), owner, now.plus(lease), null));
        return true;
    }

    @Override
    public synchronized boolean renew(String runId, String owner, Duration lease, long rows) {
        RunRecord r = runs.get(runId);
        if (!holds(r, owner)) {
            return false;
        }
        runs.put(runId, new RunRecord(r.run(), r.status(), r.purgeStarted(), r.purgedAt(), r.rowsPurged() + rows,
                owner, clock.instant().plus(lease), null));
        return true;
    }

    @Override
    public synchronized boolean markPurged(String runId, String owner) {
        RunRecord r = runs.get(runId);
        if (!holds(r, owner)) {
            return false;
        }
        runs.put(runId, new RunRecord(r.run(), RunStatus.PURGED, r.purgeStarted(), clock.instant(), r.rowsPurged(),
                null, null, null));
        return true;
    }

    @Override
    public synchronized void markFailed(String runId, String owner, String reason) {
        RunRecord r = runs.get(runId);
        if (holds(r, owner)) {
            runs.put(runId, new RunRecord(r.run(), RunStatus.FAILED, r.purgeStarted(), r.purgedAt(), r.rowsPurged(),
                    null, null, reason));
        }
    }

    @Override
    public synchronized void markPurged(String runId) {
        RunRecord r = runs.get(runId);
        if (r != null) {
            Instant now = clock.instant();
            runs.put(runId, new RunRecord(r.run(), RunStatus.PURGED, r.purgeStarted() != null ? r.purgeStarted() : now,
                    now, r.rowsPurged(), null, null, null));
        }
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    private static boolean open(RunStatus s) {
        return s == RunStatus.ACTIVE;
    }

    private static boolean holds(RunRecord r, String owner) {
        return r != null && r.status() == RunStatus.PURGING && Objects.equals(owner, r.leaseOwner());
    }

    private static boolean claimableAt(RunRecord r, Instant now, boolean evenIfActive) {
        return switch (r.status()) {
            case ACTIVE, EXPIRED -> evenIfActive || r.run().expires().isBefore(now);
            case FAILED -> true;
            case PURGING -> r.leaseUntil() == null || r.leaseUntil().isBefore(now);
            case PURGED -> evenIfActive;
        };
    }

    private static RunRecord derived(RunRecord r, Instant now) {
        return r.status() == RunStatus.ACTIVE && r.run().expires().isBefore(now) ? with(r, r.run(), RunStatus.EXPIRED) : r;
    }

    private static RunRecord with(RunRecord r, TestRun run, RunStatus status) {
        return new RunRecord(run, status, r.purgeStarted(), r.purgedAt(), r.rowsPurged(), r.leaseOwner(),
                r.leaseUntil(), r.failure());
    }
}
