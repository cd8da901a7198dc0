package io.tipdata.agent.internal.advice;

import io.tipdata.agent.bootstrap.TipBridge;
import net.bytebuddy.asm.Advice;

/** Around a job of a pool thread: whatever the job binds or leaks is taken back when it ends. */
public final class JobRun {

    private JobRun() {
    }

    @Advice.OnMethodEnter
    public static Object enter() {
        return TipBridge.enterJob();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    public static void exit(@Advice.Enter Object token) {
        TipBridge.exit(token);
    }
}
