package io.tipdata.jdbc.internal.purge;

import io.tipdata.core.purge.PurgeListener;
import io.tipdata.core.purge.PurgeReport;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls each purge listener; one that throws is logged and the purge goes on. */
final class Listeners {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final List<PurgeListener> listeners;

    Listeners(List<PurgeListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    void purged(String runId, long rows, Duration d) {
        each(l -> l.onRunPurged(runId, rows, d));
    }

    void failed(String runId, String reason) {
        each(l -> l.onRunFailed(runId, reason));
    }

    void pass(PurgeReport report, Duration oldest) {
        each(l -> l.onPass(report, oldest));
    }

    void leak(String kind, String detail) {
        each(l -> l.onLeak(kind, detail));
    }

    private void each(Consumer<PurgeListener> call) {
        for (PurgeListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("tip-data purge listener {} failed; the purge goes on", l.getClass().getName(), e);
            }
        }
    }
}
