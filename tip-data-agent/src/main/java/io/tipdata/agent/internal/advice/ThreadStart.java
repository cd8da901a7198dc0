package io.tipdata.agent.internal.advice;

import io.tipdata.agent.bootstrap.TipBridge;
import net.bytebuddy.asm.Advice;

/** A thread started under a test run carries that run. */
public final class ThreadStart {

    private ThreadStart() {
    }

    @Advice.OnMethodEnter
    public static void enter(@Advice.This Thread thread) {
        TipBridge.threadStarting(thread);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    public static void exit(@Advice.This Thread thread, @Advice.Thrown Throwable failure) {
        if (failure != null) {
            TipBridge.threadStartFailed(thread);
        }
    }
}
