package io.tipdata.benchmarks.rewrite;

import java.util.Map;
import java.util.TreeMap;

/** Prints each corpus statement as the peers rewrite it, to check they do the expected work. */
public final class RewriteCheck {

    private RewriteCheck() {
    }

    /** Prints original and rewritten SQL of every corpus statement. */
    public static void main(String[] args) {
        MybatisPlusTenantRewrite mp = new MybatisPlusTenantRewrite(RewriteCorpus.RUN_ID);
        TipRewrite tip = new TipRewrite(RewriteCorpus.policies());
        for (Map.Entry<String, String> e : new TreeMap<>(RewriteCorpus.STATEMENTS).entrySet()) {
            System.out.println("== " + e.getKey());
            System.out.println("   in:  " + e.getValue());
            System.out.println("   tip: " + tip.cold(e.getValue()));
            System.out.println("   mp:  " + mp.rewrite(e.getValue()));
        }
        System.exit(0);
    }
}
