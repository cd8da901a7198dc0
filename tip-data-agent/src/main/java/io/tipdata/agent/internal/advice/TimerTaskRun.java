package io.tipdata.agent.internal.advice;

import io.tipdata.agent.bootstrap.TipBridge;
import net.bytebuddy.asm.Advice;

/** Around every run of a timer task: the context it was scheduled in, then the thread's previous binding. */
public final class TimerTaskRun {

    private TimerTaskRun() {
    }

    @Advice.OnMethodEnter
    public static Object enter(@Advice.This Object task) {
        return TipBridge.enterTimerTask(task);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    public static void exit(@Advice.Enter Object token) {
        TipBridge.exit(token);
    }
}
