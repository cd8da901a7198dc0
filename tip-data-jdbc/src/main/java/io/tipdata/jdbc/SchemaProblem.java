package io.tipdata.jdbc;

import java.util.Objects;

/**
 * One difference between a production table and its shadow twin, found by {@link ShadowSchema#check()}
 * (or refused by {@link ShadowSchema#update()}).
 *
 * @param table    the production table name as the database spells it
 * @param column   the column or key columns concerned, or {@code null} when the problem is about the whole
 *                 table or one of its indexes (the problem then names the index)
 * @param problem  what is wrong
 * @param fix      what to do about it
 * @param severity whether test traffic can run correctly despite it
 */
public record SchemaProblem(String table, String column, String problem, String fix, Severity severity) {

    /** How much a problem matters. */
    public enum Severity {
        /**
         * Test traffic would fail, or behave otherwise than on production, or runs could collide:
         * {@code TipDataSource} refuses test traffic on the table (production is never affected), and the
         * command exits with 1.
         */
        ERROR,
        /**
         * Test traffic behaves as on production but more slowly, such as a production index missing in the
         * twin: reported, logged at start-up, and the command still exits with 0.
         */
        WARNING
    }

    /** Checks that the severity is given. */
    public SchemaProblem {
        Objects.requireNonNull(severity, "severity");
    }

    /** An {@link Severity#ERROR error}. */
    public SchemaProblem(String table, String column, String problem, String fix) {
        this(table, column, problem, fix, Severity.ERROR);
    }

    /** Tells whether this is an {@link Severity#ERROR error}. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return (severity == Severity.WARNING ? "warning: " : "") + (column == null ? table : table + "." + column)
                + ": " + problem + "; " + fix;
    }
}
