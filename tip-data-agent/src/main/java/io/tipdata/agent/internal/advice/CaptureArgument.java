package io.tipdata.agent.internal.advice;

import io.tipdata.agent.bootstrap.TipBridge;
import net.bytebuddy.asm.Advice;

/** Records the submitter's context for the task given as the first argument. */
public final class CaptureArgument {

    private CaptureArgument() {
    }

    @Advice.OnMethodEnter
    public static void enter(@Advice.Argument(0) Object task) {
        TipBridge.capture(task);
    }
}
