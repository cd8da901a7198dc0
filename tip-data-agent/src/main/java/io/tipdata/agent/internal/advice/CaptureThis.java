package io.tipdata.agent.internal.advice;

import io.tipdata.agent.bootstrap.TipBridge;
import net.bytebuddy.asm.Advice;

/** Records the caller's context for this fork/join task ({@code fork}, {@code invoke}). */
public final class CaptureThis {

    private CaptureThis() {
    }

    @Advice.OnMethodEnter
    public static void enter(@Advice.This Object task) {
        TipBridge.capture(task);
    }
}
