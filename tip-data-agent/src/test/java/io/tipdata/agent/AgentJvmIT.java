package io.tipdata.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The agent in JVMs of its own, started with {@code -javaagent:<the built agent jar>} (or attached
 * late), running {@link Workload} on unwrapped pools of every kind the agent instruments. Runs on
 * the JDK of the build, so on Java 17 and, in CI's second pass, on Java 25 with virtual threads.
 */
class AgentJvmIT {

    private static final String AGENT = System.getProperty("tip.agent.jar");
    private static final String OTEL = System.getProperty("tip.otel.jar");
    private static final String CLASSPATH = System.getProperty("tip.child.classpath");
    private static final int TASKS = Integer.getInteger("tip.agent.tasks", 500_000);
    private static final Pattern RESULT = Pattern.compile("RESULT (\\w+) expected=(\\d+) checked=(\\d+) mismatched=(\\d+)");

    @Test
    void everyTaskOfTheMixedWorkloadSeesItsSubmissionContextOnUnwrappedPools() throws Exception {
        String out = run(List.of("-javaagent:" + AGENT), CLASSPATH, "mixed", TASKS);
        assertPassed(out, "mixed", TASKS);
        assertThat(out.lines().filter(l -> l.contains("tip-data agent installed")).count())
                .as("one start-up line").isEqualTo(1);
        assertThat(out).contains("instruments java.lang.Thread (and subclasses), java.util.concurrent.ThreadPoolExecutor")
                .contains("already loaded and instrumented now: ").contains("java.util.concurrent.ForkJoinTask");
    }

    @Test
    void besideTheOpenTelemetryAgentStartedBeforeIt() throws Exception {
        String out = run(List.of("-javaagent:" + OTEL, "-javaagent:" + AGENT), CLASSPATH, "mixed", TASKS / 10);
        assertPassed(out, "mixed", TASKS / 10);
        assertThat(out).contains("opentelemetry-javaagent");
    }

    @Test
    void besideTheOpenTelemetryAgentStartedAfterIt() throws Exception {
        String out = run(List.of("-javaagent:" + AGENT, "-javaagent:" + OTEL), CLASSPATH, "mixed", TASKS / 10);
        assertPassed(out, "mixed", TASKS / 10);
        assertThat(out).contains("opentelemetry-javaagent");
    }

    @Test
    void installedAtRunTimeAfterThePoolsWereCreatedAndUsed() throws Exception {
        // the application has the agent jar (which holds tip-data-core) on its class path, no -javaagent
        String classpath = Arrays.stream(CLASSPATH.split(File.pathSeparator))
                .filter(entry -> !entry.contains("tip-data-core"))
                .collect(Collectors.joining(File.pathSeparator)) + File.pathSeparator + AGENT;
        String out = run(List.of(), classpath, "late", TASKS / 5);
        assertThat(out).contains("BEFORE-ATTACH propagated=false").contains("INSTALLED true again=true")
                .contains("tip-data agent installed (TipAgent.install())");
        assertPassed(out, "late", TASKS / 5);
    }

    @Test
    void productionWorkAfterALeakyTaskOnARawPoolRunsWithoutTheLeakedRun() throws Exception {
        String out = run(List.of("-javaagent:" + AGENT), CLASSPATH, "leak", 0);
        assertPassed(out, "leak", 0);
    }

    @Test
    void theSwitchTurnsTheAgentOffWithoutRemovingIt() throws Exception {
        String out = run(List.of("-javaagent:" + AGENT, "-Dtip.agent=false"), CLASSPATH, "off", 0);
        assertThat(out).contains("RESULT off saw=production|").contains("installed=false install()=false")
                .contains("tip-data agent turned off by -Dtip.agent=false")
                .doesNotContain("tip-data agent installed");
    }

    private static void assertPassed(String out, String name, int submissions) {
        Matcher m = RESULT.matcher(out);
        assertThat(m.find()).as("a result line in:%n%s", out).isTrue();
        assertThat(m.group(1)).isEqualTo(name);
        long expected = Long.parseLong(m.group(2));
        assertThat(Long.parseLong(m.group(4))).as("tasks that saw another context:%n%s", mismatches(out)).isZero();
        assertThat(Long.parseLong(m.group(3))).as("checks run").isEqualTo(expected).isGreaterThanOrEqualTo(submissions);
        assertThat(out).doesNotContain("could not instrument");
    }

    private static String mismatches(String out) {
        return out.lines().filter(l -> l.startsWith("MISMATCH") || l.contains("Exception")).limit(20)
                .collect(Collectors.joining("\n"));
    }

    private static String run(List<String> jvmOptions, String classpath, String mode, int tasks) throws Exception {
        assertThat(AGENT).as("tip.agent.jar").isNotNull();
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        command.add("-Xmx512m");
        command.add("-Dslf4j.provider=" + InheritingMdcProvider.class.getName());
        command.add("-Dotel.traces.exporter=none");
        command.add("-Dotel.metrics.exporter=none");
        command.add("-Dotel.logs.exporter=none");
        // only OpenTelemetry's executor instrumentation, the one that meets this agent's: keeps its start-up short
        command.add("-Dotel.instrumentation.common.default-enabled=false");
        command.add("-Dotel.instrumentation.executors.enabled=true");
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, Workload.class.getName(), mode, Integer.toString(tasks)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output;
        try {
            output = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(150, TimeUnit.SECONDS)).as("the JVM finished").isTrue();
        } finally {
            process.destroyForcibly();
        }
        String out = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("exit value of %s; output:%n%s", command, tail(out)).isZero();
        return out;
    }

    private static String tail(String out) {
        List<String> lines = out.lines().collect(Collectors.toList());
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
