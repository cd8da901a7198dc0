package io.tipdata.agent.internal;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperClass;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.tipdata.agent.internal.advice.CaptureAllArgument;
import io.tipdata.agent.internal.advice.CaptureArgument;
import io.tipdata.agent.internal.advice.CaptureThis;
import io.tipdata.agent.internal.advice.CaptureTwoArguments;
import io.tipdata.agent.internal.advice.ForkJoinTaskExec;
import io.tipdata.agent.internal.advice.JobRun;
import io.tipdata.agent.internal.advice.ResetWorkerOnEnter;
import io.tipdata.agent.internal.advice.ResetWorkerOnExit;
import io.tipdata.agent.internal.advice.ThreadRun;
import io.tipdata.agent.internal.advice.ThreadStart;
import io.tipdata.agent.internal.advice.TimerTaskRun;
import io.tipdata.agent.internal.advice.WorkerCreation;
import io.tipdata.agent.internal.advice.WrapCallableArgument;
import io.tipdata.agent.internal.advice.WrapCallables;
import io.tipdata.agent.internal.advice.WrapForkJoinPoolRunnable;
import io.tipdata.agent.internal.advice.WrapPeriodicArgument;
import io.tipdata.agent.internal.advice.WrapRunnableArgument;
import java.util.Collection;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinTask;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Which classes and methods the agent instruments, and with which advice. Advice only: no field,
 * method or interface is added to any class, so classes already loaded are retransformed.
 *
 * <p>Subclasses are matched by their superclass chain only, never by their interfaces: another
 * agent (OpenTelemetry's) adds interfaces of its own to classes as they load, and those have no
 * class file this agent could read.
 */
final class Instrumentations {

    static final String QUEUED_THREAD_POOL = "org.eclipse.jetty.util.thread.QueuedThreadPool";

    /** What the agent instruments, for the start-up log. */
    static final java.util.List<String> TARGETS = java.util.List.of("java.lang.Thread (and subclasses)",
            "java.util.concurrent.ThreadPoolExecutor", "java.util.concurrent.ScheduledThreadPoolExecutor",
            "java.util.concurrent.FutureTask", "java.util.concurrent.ForkJoinPool", "java.util.concurrent.ForkJoinTask",
            "java.util.Timer", "java.util.TimerTask (subclasses)", QUEUED_THREAD_POOL);

    private Instrumentations() {
    }

    static AgentBuilder apply(AgentBuilder agent) {
        return agent
                .type(named("java.util.concurrent.ThreadPoolExecutor"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(advice(WrapRunnableArgument.class, named("execute").and(takesArguments(Runnable.class))))
                        .visit(advice(ResetWorkerOnExit.class, named("getTask").and(takesArguments(0))))
                        .visit(advice(WorkerCreation.class, named("addWorker"))))
                .type(named("java.util.concurrent.ScheduledThreadPoolExecutor"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(advice(WrapRunnableArgument.class, named("schedule").and(takesArgument(0, Runnable.class))))
                        .visit(advice(WrapCallableArgument.class, named("schedule").and(takesArgument(0, Callable.class))))
                        .visit(advice(WrapPeriodicArgument.class,
                                namedOneOf("scheduleAtFixedRate", "scheduleWithFixedDelay"))))
                .type(named("java.util.concurrent.FutureTask"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(advice(WrapCallableArgument.class, isConstructor().and(takesArguments(Callable.class))))
                        .visit(advice(WrapRunnableArgument.class, isConstructor().and(takesArguments(2))
                                .and(takesArgument(0, Runnable.class)))))
                .type(named("java.util.concurrent.ForkJoinPool"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(advice(WrapForkJoinPoolRunnable.class, isPublic()
                                .and(namedOneOf("execute", "submit")).and(takesArgument(0, Runnable.class))))
                        .visit(advice(WrapCallableArgument.class, isPublic()
                                .and(namedOneOf("submit", "schedule", "submitWithTimeout"))
                                .and(takesArgument(0, Callable.class))))
                        .visit(advice(WrapRunnableArgument.class, isPublic().and(named("schedule"))
                                .and(takesArgument(0, Runnable.class))))
                        .visit(advice(WrapPeriodicArgument.class, isPublic()
                                .and(namedOneOf("scheduleAtFixedRate", "scheduleWithFixedDelay"))))
                        .visit(advice(CaptureArgument.class, isPublic()
                                .and(namedOneOf("execute", "submit", "invoke", "externalSubmit", "lazySubmit"))
                                .and(takesArgument(0, ForkJoinTask.class))))
                        .visit(advice(WrapCallables.class, isPublic()
                                .and(namedOneOf("invokeAll", "invokeAny", "invokeAllUninterruptibly"))
                                .and(takesArgument(0, Collection.class))))
                        .visit(advice(ResetWorkerOnEnter.class, named("runWorker").and(takesArguments(1)))))
                .type(named("java.util.concurrent.ForkJoinTask"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(advice(CaptureThis.class, namedOneOf("fork", "invoke", "quietlyInvoke")
                                .and(takesArguments(0))))
                        .visit(advice(CaptureTwoArguments.class, isStatic().and(named("invokeAll"))
                                .and(takesArguments(ForkJoinTask.class, ForkJoinTask.class))))
                        .visit(advice(CaptureAllArgument.class, isStatic().and(named("invokeAll"))
                                .and(takesArguments(1))))
                        .visit(advice(ForkJoinTaskExec.class, named("doExec").and(takesArguments(0)))))
                .type(named("java.util.Timer"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(advice(CaptureArgument.class, named("sched"))))
                .type(hasSuperClass(named("java.util.TimerTask")).and(not(named("java.util.TimerTask"))))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(advice(TimerTaskRun.class, named("run").and(takesArguments(0)))))
                .type(hasSuperClass(named("java.lang.Thread")))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(advice(ThreadStart.class, named("start").and(takesArguments(0).or(takesArguments(1)))
                                .and(not(net.bytebuddy.matcher.ElementMatchers.isAbstract()))))
                        .visit(advice(ThreadRun.class, named("run").and(takesArguments(0))
                                .and(not(net.bytebuddy.matcher.ElementMatchers.isAbstract()))))
                        .visit(advice(ThreadRun.class, named("runWith").and(takesArguments(2)))))
                .type(named(QUEUED_THREAD_POOL))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(advice(WrapRunnableArgument.class, namedOneOf("execute", "tryExecute")
                                .and(takesArguments(Runnable.class))))
                        .visit(advice(JobRun.class, named("runJob").and(takesArguments(Runnable.class))))
                        .visit(advice(WorkerCreation.class, named("startThread").and(takesArguments(0)))));
    }

    /** Types never instrumented: the agent's own, Byte Buddy's and tip-data-core's. */
    static ElementMatcher.Junction<net.bytebuddy.description.type.TypeDescription> ignored() {
        return nameStartsWith("io.tipdata.agent.internal.").or(nameStartsWith("io.tipdata.agent.bootstrap."))
                .or(nameStartsWith("io.tipdata.agent.shaded.")).or(nameStartsWith("net.bytebuddy."))
                .or(nameStartsWith("io.tipdata.core.")).or(nameStartsWith("io.opentelemetry.javaagent."));
    }

    private static net.bytebuddy.asm.AsmVisitorWrapper advice(Class<?> advice,
            ElementMatcher<? super MethodDescription> methods) {
        return Advice.to(advice).on(methods);
    }
}
