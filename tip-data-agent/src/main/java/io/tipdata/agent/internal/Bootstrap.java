package io.tipdata.agent.internal;

import java.io.IOException;
import java.lang.instrument.Instrumentation;

/** The first step of an install, which must not touch the bridge classes itself. */
public final class Bootstrap {

    private Bootstrap() {
    }

    /** Puts the bridge on the bootstrap class path unless it is there already. */
    public static void prepare(Instrumentation instrumentation) throws IOException {
        BootstrapClasses.inject(instrumentation);
    }
}
