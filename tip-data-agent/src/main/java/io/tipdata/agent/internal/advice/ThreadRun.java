package io.tipdata.agent.internal.advice;

import io.tipdata.agent.bootstrap.TipBridge;
import net.bytebuddy.asm.Advice;

/** Around the run of a thread: the context it was started with, if any. */
public final class ThreadRun {

    private ThreadRun() {
    }

    @Advice.OnMethodEnter
    public static Object enter() {
        return TipBridge.enterThread();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    public static void exit(@Advice.Enter Object token) {
        TipBridge.exit(token);
    }
}
