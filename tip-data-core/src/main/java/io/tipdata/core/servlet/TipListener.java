package io.tipdata.core.servlet;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Hears what {@link TipFilter} decided about each marked request; production requests are not reported.
 *
 * <p>Called on the request thread before the response is written or the chain runs, so keep it quick.
 * An exception thrown by a listener is logged and otherwise ignored: it never changes the outcome of the
 * request. The request is passed for its method, path and attributes; never read or log the run header.
 */
public interface TipListener {

    /** A marked request was verified, its run registered, and it is about to run as test traffic. */
    default void onAccepted(String runId, HttpServletRequest request) {
    }

    /**
     * A marked request was refused. The reason is a {@link io.tipdata.core.RejectReason#code()} or one of
     * {@link TipFilter#REASON_DUPLICATE_HEADER}, {@link TipFilter#REASON_RUN_PURGED},
     * {@link TipFilter#REASON_RUN_QUARANTINED} and
     * {@link TipFilter#REASON_REGISTRY_UNAVAILABLE}.
     */
    default void onRejected(String reason, HttpServletRequest request) {
    }

    /** A marked request was refused because the kill switch is engaged. */
    default void onKilled(HttpServletRequest request) {
    }
}
