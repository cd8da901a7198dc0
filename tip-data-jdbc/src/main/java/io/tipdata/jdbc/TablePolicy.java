package io.tipdata.jdbc;

/** What test traffic may do with a table. Production traffic is never restricted. */
public enum TablePolicy {
    /** Test traffic reads and writes its own run's partition (the shadow twin in shadow mode). */
    ISOLATED,
    /** Test traffic may read the production rows, and never write them. */
    REFERENCE,
    /** Test traffic may not touch the table; unknown tables are treated so. */
    DENIED
}
