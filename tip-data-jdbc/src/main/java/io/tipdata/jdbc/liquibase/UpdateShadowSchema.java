package io.tipdata.jdbc.liquibase;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.SchemaProblem;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TablePolicy;
import io.tipdata.jdbc.internal.shadow.ShadowSchemaName;
import io.tipdata.jdbc.internal.shadow.ShadowTwinUpdater;
import java.sql.Connection;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Liquibase custom change that runs the shadow schema update ({@code ShadowSchema.update()}) on Liquibase's
 * connection. Put it in a last change set that runs every time:
 *
 * <pre>{@code
 * <changeSet id="tip-data-shadow" author="tip-data" runAlways="true">
 *   <customChange class="io.tipdata.jdbc.liquibase.UpdateShadowSchema">
 *     <param name="isolated" value="orders,order_items,cart_*"/>
 *   </customChange>
 * </changeSet>
 * }</pre>
 *
 * <p>The parameter {@code isolated} lists the isolated tables (names or patterns with {@code *} and {@code ?}), as in the
 * application's {@link TablePolicies}; the parameter {@code shadowSchema} is optional (default {@code tip_shadow}, on MariaDB
 * {@code <database>_tip_shadow}). It never fails the migration: what the update cannot do is logged at ERROR, and
 * a {@code TipDataSource} refuses test traffic on those tables until it is fixed. Needs
 * {@code org.liquibase:liquibase-core} 4.x (optional dependency of tip-data-jdbc).
 */
public final class UpdateShadowSchema implements CustomTaskChange {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateShadowSchema.class);

    private String isolated;
    private String shadowSchema;
    private boolean partitionByRun;
    private String summary = "shadow schema not updated";

    /** The isolated tables, comma-separated names or patterns. */
    public void setIsolated(String isolated) {
        this.isolated = isolated;
    }

    /** The shadow schema; default as in {@code ShadowSchema}. */
    public void setShadowSchema(String shadowSchema) {
        this.shadowSchema = shadowSchema;
    }

    /**
     * {@code true}: twins this change creates are partitioned by run (PostgreSQL only, as
     * {@code ShadowSchema.Builder.partitionByRun}); default {@code false}.
     */
    public void setPartitionByRun(String partitionByRun) {
        String v = partitionByRun == null ? "" : partitionByRun.strip();
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("partitionByRun '" + partitionByRun + "' must be true or false");
        }
        this.partitionByRun = Boolean.parseBoolean(v);
    }

    /** The policies the attributes describe. */
    TablePolicies policies() {
        TablePolicies.Builder b = TablePolicies.builder();
        for (String name : isolated.split(",")) {
            String n = name.strip();
            if (n.contains("*") || n.contains("?")) {
                b.pattern(TablePolicy.ISOLATED, n);
            } else if (!n.isEmpty()) {
                b.table(TablePolicy.ISOLATED, n);
            }
        }
        return b.build();
    }

    @Override
    public void execute(Database database) {
        try {
            Connection c = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
            Dialect d = Dialect.detect(c.getMetaData());
            if (partitionByRun && d != Dialect.POSTGRESQL) {
                throw new IllegalStateException("partitionByRun=true is for PostgreSQL only, and this database is " + d
                        + ": leave partitionByRun off");
            }
            ShadowTwinUpdater.Result r = new ShadowTwinUpdater(c, d, policies(),
                    ShadowSchemaName.resolve(shadowSchema, d, c), partitionByRun).update();
            r.applied().forEach(a -> LOG.debug("shadow schema update: {}", a));
            for (SchemaProblem p : r.refused()) {
                LOG.error("shadow schema update could not follow production: {}", p);
            }
            summary = "shadow schema updated: " + r.applied().size() + " change(s), " + r.refused().size()
                    + " refused";
        } catch (Exception e) {
            LOG.error("shadow schema update failed ({}); test traffic on the changed tables is refused until"
                    + " ShadowSchema.update() succeeds", e.toString());
            summary = "shadow schema update failed: " + e.getMessage();
        }
    }

    @Override
    public String getConfirmationMessage() {
        return summary;
    }

    @Override
    public void setUp() {
    }

    @Override
    public void setFileOpener(ResourceAccessor resourceAccessor) {
    }

    @Override
    public ValidationErrors validate(Database database) {
        ValidationErrors errors = new ValidationErrors();
        if (isolated == null || isolated.isBlank()) {
            errors.addError("UpdateShadowSchema needs <param name=\"isolated\" value=\"...\"/>: the isolated tables, comma-separated");
            return errors;
        }
        try {
            policies();
        } catch (IllegalArgumentException e) {
            errors.addError(e.getMessage());
        }
        if (shadowSchema != null && !ShadowSchemaName.NAME.matcher(shadowSchema).matches()) {
            errors.addError("invalid shadowSchema '" + shadowSchema + "': use 1 to 63 letters, digits and _");
        }
        return errors;
    }
}
