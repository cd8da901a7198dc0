package io.tipdata.agent.internal.advice;

import io.tipdata.agent.bootstrap.TipBridge;
import net.bytebuddy.asm.Advice;

/** Records the caller's context for both tasks of {@code ForkJoinTask.invokeAll(t1, t2)}. */
public final class CaptureTwoArguments {

    private CaptureTwoArguments() {
    }

    @Advice.OnMethodEnter
    public static void enter(@Advice.Argument(0) Object first, @Advice.Argument(1) Object second) {
        TipBridge.capture(first);
        TipBridge.capture(second);
    }
}
