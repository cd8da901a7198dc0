package io.tipdata.jdbc;

import java.util.List;

/**
 * What {@link ShadowSchema#update()} did.
 *
 * @param applied what it changed: a line per created twin and each statement it ran, in order
 * @param refused what it could not do safely, each with the database's reason and what to do instead
 */
public record ShadowUpdate(List<String> applied, List<SchemaProblem> refused) {

    /** Copies the lists. */
    public ShadowUpdate {
        applied = List.copyOf(applied);
        refused = List.copyOf(refused);
    }

    /** Tells whether every twin could be brought in line with production. */
    public boolean isComplete() {
        return refused.isEmpty();
    }
}
