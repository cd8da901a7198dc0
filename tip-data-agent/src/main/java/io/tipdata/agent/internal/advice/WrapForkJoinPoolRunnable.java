package io.tipdata.agent.internal.advice;

import io.tipdata.agent.bootstrap.TipBridge;
import net.bytebuddy.asm.Advice;

/** Wraps a runnable given to a fork/join pool, or records the context of a fork/join task given as one. */
public final class WrapForkJoinPoolRunnable {

    private WrapForkJoinPoolRunnable() {
    }

    @Advice.OnMethodEnter
    public static void enter(@Advice.Argument(value = 0, readOnly = false) Runnable task) {
        task = TipBridge.wrapForForkJoinPool(task);
    }
}
