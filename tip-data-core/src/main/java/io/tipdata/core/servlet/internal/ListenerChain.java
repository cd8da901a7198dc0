package io.tipdata.core.servlet.internal;

import io.tipdata.core.servlet.TipListener;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls each listener in order; a failing listener is logged and never breaks the request. */
public final class ListenerChain {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerChain.class);

    private final TipListener[] listeners;

    /** A chain over the listeners, called in the given order. */
    public ListenerChain(List<TipListener> listeners) {
        this.listeners = listeners.toArray(new TipListener[0]);
    }

    /** Reports an accepted request. */
    public void accepted(String runId, HttpServletRequest request) {
        for (TipListener l : listeners) {
            try {
                l.onAccepted(runId, request);
            } catch (RuntimeException e) {
                failed(l, "onAccepted", e);
            }
        }
    }

    /** Reports a rejected request. */
    public void rejected(String reason, HttpServletRequest request) {
        for (TipListener l : listeners) {
            try {
                l.onRejected(reason, request);
            } catch (RuntimeException e) {
                failed(l, "onRejected", e);
            }
        }
    }

    /** Reports a request refused by the kill switch. */
    public void killed(HttpServletRequest request) {
        for (TipListener l : listeners) {
            try {
                l.onKilled(request);
            } catch (RuntimeException e) {
                failed(l, "onKilled", e);
            }
        }
    }

    private static void failed(TipListener listener, String event, RuntimeException e) {
        LOG.warn("tip-data listener {} failed in {}; the request goes on", listener.getClass().getName(), event, e);
    }
}
