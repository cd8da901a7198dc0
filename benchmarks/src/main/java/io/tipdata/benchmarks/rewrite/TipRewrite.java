package io.tipdata.benchmarks.rewrite;

import io.tipdata.jdbc.TablePolicies;

final class TipRewrite {
    TipRewrite(TablePolicies policies) {
    }

    String cold(String sql) {
        throw new UnsupportedOperationException("SqlRewriter not merged yet");
    }

    String warm(String sql) {
        throw new UnsupportedOperationException("SqlRewriter not merged yet");
    }
}
