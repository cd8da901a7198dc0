package io.tipdata.benchmarks;

import java.io.File;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link AgentExecutorBenchmark} in one invocation three ways, each in forks of its own: with
 * no agent, with {@code -javaagent:tip-data-agent.jar} and with TransmittableThreadLocal's agent;
 * then prints the scores side by side. The JMH options given (say {@code -f 1 -wi 1 -w 1s -i 2 -r 1s})
 * apply to all three. The agent jars default to {@code benchmarks/target/agents/}; set
 * {@code -Dtip.agent.jar=} and {@code -Dttl.agent.jar=} to use others.
 */
public final class AgentOverheadMain {

    private AgentOverheadMain() {
    }

    public static void main(String[] args) throws Exception {
        String tip = System.getProperty("tip.agent.jar", "benchmarks/target/agents/tip-data-agent.jar");
        String ttl = System.getProperty("ttl.agent.jar", "benchmarks/target/agents/transmittable-thread-local-2.14.5.jar");
        for (String jar : new String[] {tip, ttl}) {
            if (!new File(jar).isFile()) {
                throw new IllegalArgumentException("no agent jar at " + new File(jar).getAbsolutePath()
                        + "; build with mvn -Pbench -DskipTests package -pl benchmarks -am, run from the repository root");
            }
        }
        CommandLineOptions given = new CommandLineOptions(args);
        String[][] variants = {{"plain"}, {"tip-agent", "-javaagent:" + tip}, {"ttl-agent", "-javaagent:" + ttl}};
        List<String> rows = new ArrayList<>();
        for (String[] variant : variants) {
            List<String> jvmArgs = new ArrayList<>(List.of("-Dslf4j.provider=io.tipdata.benchmarks.BasicMdcProvider"));
            for (int i = 1; i < variant.length; i++) {
                jvmArgs.add(variant[i]);
            }
            Options options = new OptionsBuilder().parent(given)
                    .include(AgentExecutorBenchmark.class.getName() + "\\.")
                    .jvmArgsAppend(jvmArgs.toArray(new String[0]))
                    .build();
            Collection<RunResult> results = new Runner(options).run();
            for (RunResult r : results) {
                rows.add(String.format("%-10s %-10s %-6s %10.1f ± %.1f %s", variant[0],
                        r.getParams().getBenchmark().replaceAll(".*\\.", ""), r.getParams().getParam("context"),
                        r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError(),
                        r.getPrimaryResult().getScoreUnit()));
            }
        }
        System.out.println();
        System.out.println("agent      benchmark  context   ns/task (per task of a batch of 64)");
        rows.forEach(System.out::println);
    }
}
