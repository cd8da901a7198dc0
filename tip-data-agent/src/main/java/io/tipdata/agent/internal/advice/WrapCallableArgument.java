package io.tipdata.agent.internal.advice;

import io.tipdata.agent.bootstrap.TipBridge;
import java.util.concurrent.Callable;
import net.bytebuddy.asm.Advice;

/** Wraps the submitted callable with the submitter's context. */
public final class WrapCallableArgument {

    private WrapCallableArgument() {
    }

    @Advice.OnMethodEnter
    public static void enter(@Advice.Argument(value = 0, readOnly = false) Callable<?> task) {
        task = TipBridge.wrap(task);
    }
}
