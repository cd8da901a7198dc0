package io.tipdata.jdbc.internal;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.SchemaProblem;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TablePolicy;
import io.tipdata.jdbc.internal.rewrite.TableColumns;
import io.tipdata.jdbc.internal.shadow.SchemaReader;
import io.tipdata.jdbc.internal.shadow.ShadowDriftCheck;
import io.tipdata.jdbc.internal.shadow.ShadowSchemaName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What {@code TipDataSource} checks against the database, at {@code build()} and again later: the dialect, the
 * shadow schema's name, that every table named by a policy exists, that every isolated table has a matching
 * twin, and the production columns of the isolated tables (for {@code *}). It never throws: what it finds
 * refuses test traffic (see {@link TwinGate}), never production.
 */
public final class StartupCheck {

    /**
     * What a check found.
     *
     * @param dialect      the dialect, or {@code null} when the database could not be reached
     * @param shadowSchema the shadow schema, or {@code null} when it could not be resolved
     * @param columns      the production columns of the isolated tables
     * @param problems     every problem found, errors and warnings
     * @param unavailable  why nothing could be checked (all test traffic is refused), or {@code null}
     */
    public record Health(Dialect dialect, String shadowSchema, TableColumns columns, List<SchemaProblem> problems,
                         String unavailable) {
    }

    private StartupCheck() {
    }

    /** Checks the database; never throws. */
    public static Health run(DataSource dataSource, TablePolicies policies, String explicitShadow, Dialect dialect) {
        Dialect d = dialect;
        String shadow = explicitShadow;
        try (Connection c = dataSource.getConnection()) {
            d = dialect != null ? dialect : Dialect.detect(c.getMetaData());
            shadow = ShadowSchemaName.resolve(explicitShadow, d, c);
            List<SchemaProblem> problems = new ArrayList<>();
            SchemaReader reader = new SchemaReader(c, d);
            String schema = reader.defaultSchema();
            Map<String, String> tables = reader.tables(schema);
            for (Map.Entry<String, TablePolicy> e : policies.exactNames().entrySet()) {
                if (e.getValue() != TablePolicy.ISOLATED && !tables.containsKey(e.getKey())) {
                    problems.add(new SchemaProblem(e.getKey(), null, "table '" + e.getKey() + "' is declared "
                            + e.getValue() + " but does not exist in schema " + schema,
                            "create it or remove it from the policies"));
                }
            }
            problems.addAll(new ShadowDriftCheck(c, d, policies, shadow).problems());
            TableColumns columns = ColumnCatalog.load(c, policies, d);
            return new Health(d, shadow, columns, List.copyOf(problems), null);
        } catch (SQLException | RuntimeException e) {
            return new Health(d, shadow, TableColumns.none(), List.of(), "tip-data cannot check the database ("
                    + e.getMessage() + "); make sure the data source connects to the production schema");
        }
    }
}
