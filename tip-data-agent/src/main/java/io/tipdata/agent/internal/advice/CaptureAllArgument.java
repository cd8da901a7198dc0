package io.tipdata.agent.internal.advice;

import io.tipdata.agent.bootstrap.TipBridge;
import net.bytebuddy.asm.Advice;

/** Records the caller's context for every task of the array or collection given as the first argument. */
public final class CaptureAllArgument {

    private CaptureAllArgument() {
    }

    @Advice.OnMethodEnter
    public static void enter(@Advice.Argument(0) Object tasks) {
        TipBridge.captureAll(tasks);
    }
}
