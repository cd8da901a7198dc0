package io.tipdata.jdbc.internal.rewrite;

/** What a rewritten statement does, as far as the isolation rules care. */
public enum StatementKind {
    /** A query (plain, set operation or {@code VALUES}); reads only. */
    SELECT,
    /** {@code INSERT ... VALUES} or {@code INSERT ... SELECT} without a conflict clause. */
    INSERT,
    /** {@code UPDATE}. */
    UPDATE,
    /** {@code DELETE}. */
    DELETE,
    /** {@code INSERT ... ON CONFLICT} or {@code INSERT ... ON DUPLICATE KEY UPDATE}. */
    UPSERT,
    /** {@code MERGE INTO ... USING ...}. */
    MERGE
}
