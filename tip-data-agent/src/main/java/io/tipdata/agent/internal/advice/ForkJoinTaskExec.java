package io.tipdata.agent.internal.advice;

import io.tipdata.agent.bootstrap.TipBridge;
import net.bytebuddy.asm.Advice;

/** Around every run of a fork/join task: its recorded context or none, then the thread's previous binding. */
public final class ForkJoinTaskExec {

    private ForkJoinTaskExec() {
    }

    @Advice.OnMethodEnter
    public static Object enter(@Advice.This Object task) {
        return TipBridge.enterForkJoinTask(task);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    public static void exit(@Advice.Enter Object token) {
        TipBridge.exit(token);
    }
}
