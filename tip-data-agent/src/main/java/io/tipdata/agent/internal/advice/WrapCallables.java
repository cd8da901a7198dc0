package io.tipdata.agent.internal.advice;

import io.tipdata.agent.bootstrap.TipBridge;
import java.util.Collection;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** Wraps each callable of an {@code invokeAll}/{@code invokeAny} with the submitter's context. */
public final class WrapCallables {

    private WrapCallables() {
    }

    @Advice.OnMethodEnter
    public static void enter(@Advice.Argument(value = 0, readOnly = false, typing = Assigner.Typing.DYNAMIC)
            Collection<?> tasks) {
        tasks = (Collection<?>) TipBridge.wrapAll(tasks);
    }
}
