package io.tipdata.jdbc;

import java.sql.SQLException;

/**
 * A statement that tip-data refused to send to the database. Nothing of it reached the database.
 *
 * <p>SQLStates (class {@code TD}, implementation-defined):
 * <ul>
 *   <li>{@value #REFUSED}: in test context the statement could not be shown to touch only the run's
 *       partitions and reference reads (unknown or denied table, write to a reference table, DDL,
 *       {@code TRUNCATE}, several statements, procedure call, unparseable SQL, shadow or foreign
 *       schema named directly);</li>
 *   <li>{@value #KILLED}: the kill switch is engaged and refuses all test traffic;</li>
 *   <li>{@value #CONTEXT_CROSSED}: a prepared statement is executed in another context than the one
 *       it was prepared in;</li>
 *   <li>{@value #QUARANTINED}: the test run is quarantined, because the rewrite of one of its statements
 *       failed tip-data's independent isolation check; all its statements are refused.</li>
 * </ul>
 */
public class RefusedStatementException extends SQLException {

    private static final long serialVersionUID = 1L;

    /** The statement is not provably confined to the run's partitions. */
    public static final String REFUSED = "TD001";
    /** The kill switch is engaged. */
    public static final String KILLED = "TD002";
    /** A prepared statement crossed from one context to another. */
    public static final String CONTEXT_CROSSED = "TD003";
    /** The statement's test run is quarantined. */
    public static final String QUARANTINED = "TD004";

    /** A refusal with the given message and SQLState. */
    public RefusedStatementException(String message, String sqlState) {
        super(message, sqlState);
    }

    /** A refusal with the given message, SQLState and cause. */
    public RefusedStatementException(String message, String sqlState, Throwable cause) {
        super(message, sqlState, cause);
    }
}
