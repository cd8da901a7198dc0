package io.tipdata.agent.internal.advice;

import io.tipdata.agent.bootstrap.TipBridge;
import net.bytebuddy.asm.Advice;

/** While a pool creates a worker thread, the thread does not take the context of the task that caused it. */
public final class WorkerCreation {

    private WorkerCreation() {
    }

    @Advice.OnMethodEnter
    public static void enter() {
        TipBridge.beginWorkerCreation();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    public static void exit() {
        TipBridge.endWorkerCreation();
    }
}
