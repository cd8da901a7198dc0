package io.tipdata.agent.internal.advice;

import io.tipdata.agent.bootstrap.TipBridge;
import net.bytebuddy.asm.Advice;

/** Wraps the submitted runnable with the submitter's context. */
public final class WrapRunnableArgument {

    private WrapRunnableArgument() {
    }

    @Advice.OnMethodEnter
    public static void enter(@Advice.Argument(value = 0, readOnly = false) Runnable task) {
        task = TipBridge.wrap(task);
    }
}
