package io.tipdata.agent.internal;

import io.tipdata.core.TipContext;

/**
 * Recognises the wrappers of {@code TipExecutors} (package-private classes of tip-data-core): a task
 * already wrapped there carries its context, and the agent neither captures nor restores it again.
 */
final class CoreWrappers {

    private static final String[] NAMES = {
        "io.tipdata.core.ContextRunnable",
        "io.tipdata.core.ContextCallable",
        "io.tipdata.core.ContextForkJoinTask",
        "io.tipdata.core.ContextFunctions$ContextSupplier",
    };

    private final Class<?>[] types;

    CoreWrappers() {
        ClassLoader loader = TipContext.class.getClassLoader();
        Class<?>[] found = new Class<?>[NAMES.length];
        int n = 0;
        for (String name : NAMES) {
            try {
                found[n++] = Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                n--;
            }
        }
        types = java.util.Arrays.copyOf(found, n);
    }

    boolean isWrapper(Object task) {
        Class<?> type = task.getClass();
        for (Class<?> wrapper : types) {
            if (type == wrapper) {
                return true;
            }
        }
        return false;
    }
}
