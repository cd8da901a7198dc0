package io.tipdata.jdbc;

import java.util.List;

/**
 * Told what {@link TipDataSource} did with each test-context statement and each shadow schema problem it
 * found, so a user can see tip-data's SQL without a proxy under it. Production statements are never
 * reported (they pass untouched and uncounted). Called on the thread that executes the statement: keep it
 * quick and never throw. Run ids only, never tokens; the SQL holds the application's literals.
 */
public interface StatementListener {

    /**
     * A statement of a run was rewritten and is about to be sent.
     *
     * @param runId    the run
     * @param original the SQL as the application wrote it
     * @param sent     the SQL sent to the database
     * @param tables   the tables the statement names, lower-cased, unqualified
     */
    default void onRewritten(String runId, String original, String sent, List<String> tables) {
    }

    /**
     * A statement was refused; nothing was sent.
     *
     * @param runId    the run, or {@code null} when a statement prepared in a run was executed in production
     * @param original the SQL as the application wrote it, or {@code null} when not known
     * @param reason   the refusal's message
     * @param tables   the tables the statement names as far as they were read (may be empty)
     */
    default void onRefused(String runId, String original, String reason, List<String> tables) {
    }

    /** A shadow schema problem was found (once per problem, until it is fixed); test traffic on its table is refused. */
    default void onSchemaProblem(SchemaProblem problem) {
    }
}
