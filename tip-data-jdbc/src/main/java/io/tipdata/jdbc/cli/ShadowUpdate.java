package io.tipdata.jdbc.cli;

import io.tipdata.jdbc.ShadowSchema;
import java.io.PrintWriter;

/** Runs {@code ShadowSchema.update()} for {@code shadow update}. */
final class ShadowUpdate {

    private ShadowUpdate() {
    }

    /** Updates the twins and prints what changed. */
    static void run(ShadowSchema schema, PrintWriter out) {
        throw new CliException(TipCommand.INTERNAL_ERROR, "shadow update is not available in this build:"
                + " ShadowSchema.update() is not part of it yet; use 'shadow check' to see the drift and apply"
                + " the printed fixes, or drop the twin and run 'shadow create'");
    }
}
