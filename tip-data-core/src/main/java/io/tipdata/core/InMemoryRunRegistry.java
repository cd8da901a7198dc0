package io.tipdata.core;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link RunRegistry} that lives in this process only; the default of the servlet filter. */
public final class InMemoryRunRegistry implements RunRegistry {

    private record Entry(TestRun run, RunStatus status) {
    }

    private final ConcurrentMap<String, Entry> runs = new ConcurrentHashMap<>();

    @Override
    public void register(TestRun run) {
        runs.merge(run.runId(), new Entry(run, RunStatus.ACTIVE), (old, fresh) ->
                fresh.run().expires().isAfter(old.run().expires())
                        ? new Entry(TestRun.of(old.run().runId(), old.run().created(), fresh.run().expires()),
                                old.status())
                        : old);
    }

    @Override
    public Optional<TestRun> find(String runId) {
        Entry e = runs.get(runId);
        return e == null ? Optional.empty() : Optional.of(e.run());
    }

    @Override
    public Optional<RunStatus> status(String runId) {
        Entry e = runs.get(runId);
        return e == null ? Optional.empty() : Optional.of(e.status());
    }

    @Override
    public List<TestRun> expiredBefore(Instant instant) {
        return runs.values().stream()
                .filter(e -> e.status() == RunStatus.ACTIVE && e.run().expires().isBefore(instant))
                .map(Entry::run)
                .sorted(Comparator.comparing(TestRun::expires))
                .toList();
    }

    @Override
    public void markPurged(String runId) {
        runs.computeIfPresent(runId, (id, e) -> new Entry(e.run(), RunStatus.PURGED));
    }
}
