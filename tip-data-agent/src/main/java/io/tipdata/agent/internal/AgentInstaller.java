package io.tipdata.agent.internal;

import io.tipdata.agent.bootstrap.TipBridge;
import java.lang.instrument.Instrumentation;
import java.util.Set;
import java.util.TreeSet;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the agent: the bridge on the bootstrap class path, the propagation behind it, then the
 * instrumentation, retransforming the classes already loaded. Loaded only after the bridge is on
 * the bootstrap class path, so its references to the bridge resolve there.
 */
public final class AgentInstaller {

    private static final Logger LOG = LoggerFactory.getLogger("io.tipdata.agent");

    private AgentInstaller() {
    }

    /** Installs once per JVM; returns false if a propagation was already installed. */
    public static boolean install(Instrumentation instrumentation, String how) {
        if (!TipBridge.install(new CorePropagation())) {
            LOG.debug("tip-data agent already installed; {} ignored", how);
            return false;
        }
        Set<String> instrumented = new TreeSet<>();
        // declared methods only: the hierarchy of an instrumented class may hold types without a class file
        AgentBuilder agent = new AgentBuilder.Default(new ByteBuddy().with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE))
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.RedefinitionStrategy.BatchAllocator.ForFixedSize.ofSize(1))
                .with(AgentBuilder.RedefinitionStrategy.DiscoveryStrategy.Reiterating.INSTANCE)
                .with(new RetransformFailures())
                .ignore(Instrumentations.ignored())
                .with(new Recorder(instrumented));
        Instrumentations.apply(agent).installOn(instrumentation);
        synchronized (instrumented) {
            LOG.info("tip-data agent installed ({}): instruments {}; already loaded and instrumented now: {}",
                    how, String.join(", ", Instrumentations.TARGETS), String.join(", ", instrumented));
        }
        return true;
    }

    /** Logs a class that could not be retransformed; the others are retransformed one by one. */
    private static final class RetransformFailures extends AgentBuilder.RedefinitionStrategy.Listener.Adapter {
        @Override
        public Iterable<? extends java.util.List<Class<?>>> onError(int index, java.util.List<Class<?>> batch,
                Throwable throwable, java.util.List<Class<?>> types) {
            LOG.warn("tip-data agent could not retransform {}: {}", batch, throwable.toString());
            return java.util.Collections.emptyList();
        }
    }

    /** Collects the instrumented classes; classes instrumented later, as they load, are logged at debug. */
    private static final class Recorder extends AgentBuilder.Listener.Adapter {
        private final Set<String> instrumented;
        private volatile boolean started;

        Recorder(Set<String> instrumented) {
            this.instrumented = instrumented;
        }

        @Override
        public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
                DynamicType dynamicType) {
            synchronized (instrumented) {
                if (instrumented.add(type.getName()) && started) {
                    LOG.debug("tip-data agent instrumented {}", type.getName());
                }
            }
        }

        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
            LOG.warn("tip-data agent could not instrument {}: {}", typeName, error.toString());
        }

        @Override
        public void onComplete(String typeName, ClassLoader loader, JavaModule module, boolean loaded) {
            started = true;
        }
    }
}
