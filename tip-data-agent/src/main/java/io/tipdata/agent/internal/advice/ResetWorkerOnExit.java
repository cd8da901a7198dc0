package io.tipdata.agent.internal.advice;

import io.tipdata.agent.bootstrap.TipBridge;
import net.bytebuddy.asm.Advice;

/** After a worker has taken its next task: it starts that task without any context. */
public final class ResetWorkerOnExit {

    private ResetWorkerOnExit() {
    }

    @Advice.OnMethodExit
    public static void exit() {
        TipBridge.resetWorker();
    }
}
