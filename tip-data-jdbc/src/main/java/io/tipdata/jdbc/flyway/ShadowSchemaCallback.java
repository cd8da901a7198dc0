package io.tipdata.jdbc.flyway;

import io.tipdata.jdbc.SchemaProblem;
import io.tipdata.jdbc.ShadowSchema;
import io.tipdata.jdbc.ShadowUpdate;
import java.util.Objects;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Flyway callback that runs {@link ShadowSchema#update()} after each successful {@code migrate}, so the twins
 * follow every migration of production:
 *
 * <pre>{@code
 * Flyway.configure().dataSource(dataSource).callbacks(new ShadowSchemaCallback(shadow)).load().migrate();
 * }</pre>
 *
 * <p>It never fails the migration: what the update cannot do is logged at ERROR, and a {@code TipDataSource}
 * refuses test traffic on those tables until it is fixed. Needs {@code org.flywaydb:flyway-core} (optional
 * dependency of tip-data-jdbc) and Flyway's module for the database.
 */
public final class ShadowSchemaCallback implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(ShadowSchemaCallback.class);

    private final ShadowSchema shadow;

    /** A callback updating that shadow schema. */
    public ShadowSchemaCallback(ShadowSchema shadow) {
        this.shadow = Objects.requireNonNull(shadow, "shadow");
    }

    /** Only after a successful migrate. */
    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    /** The update runs on connections of its own, after Flyway committed. */
    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    /** Runs the update; logs what it changed (debug) and what it could not do (error). */
    @Override
    public void handle(Event event, Context context) {
        try {
            ShadowUpdate update = shadow.update();
            update.applied().forEach(a -> LOG.debug("shadow schema update after migrate: {}", a));
            for (SchemaProblem p : update.refused()) {
                LOG.error("shadow schema update after migrate could not follow production: {}", p);
            }
        } catch (Exception e) {
            LOG.error("shadow schema update after migrate failed ({}); test traffic on the changed tables is"
                    + " refused until ShadowSchema.update() succeeds", e.toString());
        }
    }

    @Override
    public String getCallbackName() {
        return "tip-data shadow schema update";
    }
}
