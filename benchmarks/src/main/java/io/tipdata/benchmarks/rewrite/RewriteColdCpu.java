package io.tipdata.benchmarks.rewrite;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;

/**
 * The cold rewrite of {@link RewriteColdBenchmark} measured as process CPU time per statement as well as wall time,
 * for machines shared with other work: there a single-threaded rewrite gets a smaller share of the CPU than
 * MyBatis-Plus's parse, which hands each statement to an executor thread and so wakes up with the scheduler's
 * credit for a sleeping thread; wall-time ratios then favour MyBatis-Plus far beyond the work done. Interleaved
 * rounds, the minimum of the later half. Arguments: milliseconds per slot, then statement names (default: all).
 */
public final class RewriteColdCpu {

    private interface Work {
        Object run(String sql) throws Exception;
    }

    private RewriteColdCpu() {
    }

    /** Prints wall and CPU microseconds per statement for tip-data cold, MyBatis-Plus and one inline parse. */
    public static void main(String[] args) throws Exception {
        long slot = (args.length > 0 ? Long.parseLong(args[0]) : 300) * 1_000_000L;
        String[] statements = args.length > 1 ? Arrays.copyOfRange(args, 1, args.length)
                : RewriteCorpus.STATEMENTS.keySet().stream().sorted().toArray(String[]::new);
        TipRewrite tip = new TipRewrite(RewriteCorpus.policies());
        MybatisPlusTenantRewrite mybatisPlus = new MybatisPlusTenantRewrite(RewriteCorpus.RUN_ID);
        String[] names = {"tipDataCold", "mybatisPlus", "parseInline"};
        Work[] work = {tip::cold, mybatisPlus::rewrite,
                sql -> CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(false).Statement().toString()};
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[][] wall = new double[work.length][statements.length];
        double[][] cpu = new double[work.length][statements.length];
        int rounds = 10;
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < statements.length; k++) {
                String sql = RewriteCorpus.statement(statements[k]);
                for (int i = 0; i < work.length; i++) {
                    long n = 0;
                    long t0 = System.nanoTime();
                    long c0 = os.getProcessCpuTime();
                    while (System.nanoTime() - t0 < slot) {
                        work[i].run(sql);
                        n++;
                    }
                    double w = (System.nanoTime() - t0) / 1000.0 / n;
                    double c = (os.getProcessCpuTime() - c0) / 1000.0 / n;
                    if (round >= rounds / 2) {
                        wall[i][k] = wall[i][k] == 0 ? w : Math.min(wall[i][k], w);
                        cpu[i][k] = cpu[i][k] == 0 ? c : Math.min(cpu[i][k], c);
                    }
                }
            }
        }
        print("wall us/op", names, statements, wall);
        print("process CPU us/op", names, statements, cpu);
    }

    private static void print(String title, String[] names, String[] statements, double[][] v) {
        System.out.printf("%-18s", title);
        for (String s : statements) {
            System.out.printf(" %14s", s);
        }
        System.out.println();
        for (int i = 0; i < names.length; i++) {
            System.out.printf("%-18s", names[i]);
            for (double x : v[i]) {
                System.out.printf(" %14.1f", x);
            }
            System.out.println();
        }
        System.out.printf("%-18s", "tip / MyBatis-Plus");
        for (int k = 0; k < statements.length; k++) {
            System.out.printf(" %14.2f", v[0][k] / v[1][k]);
        }
        System.out.println();
    }
}
