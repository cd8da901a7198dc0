package io.tipdata.agent.internal.advice;

import io.tipdata.agent.bootstrap.TipBridge;
import net.bytebuddy.asm.Advice;

/**
 * When a fork/join worker starts its loop, on its own thread: it starts without any context. A worker is created
 * by whichever thread needed one, so an MDC kept in an {@code InheritableThreadLocal} hands it that thread's run
 * id; {@code ForkJoinWorkerThread.run} cannot always be instrumented (another agent may have loaded and changed
 * it first), {@code ForkJoinPool.runWorker} can.
 */
public final class ResetWorkerOnEnter {

    private ResetWorkerOnEnter() {
    }

    @Advice.OnMethodEnter
    public static void enter() {
        TipBridge.resetWorker();
    }
}
