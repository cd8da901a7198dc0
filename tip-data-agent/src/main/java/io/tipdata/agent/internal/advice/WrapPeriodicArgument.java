package io.tipdata.agent.internal.advice;

import io.tipdata.agent.bootstrap.TipBridge;
import net.bytebuddy.asm.Advice;

/** Wraps a periodic task: every run gets the context it was scheduled in. */
public final class WrapPeriodicArgument {

    private WrapPeriodicArgument() {
    }

    @Advice.OnMethodEnter
    public static void enter(@Advice.Argument(value = 0, readOnly = false) Runnable task) {
        task = TipBridge.wrapPeriodic(task);
    }
}
