package io.tipdata.jdbc.internal;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.SchemaProblem;
import io.tipdata.jdbc.ShadowSchema;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TablePolicy;
import io.tipdata.jdbc.internal.shadow.SchemaReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code TipDataSource.build()} checks against the database: the dialect, that every table named by a
 * policy exists, and (through {@link ShadowSchema#check()}) that every isolated table has a matching twin.
 * With a test identity, also that it has exactly the privileges test traffic needs. Errors refuse the start; warnings (a twin slower than production, never less isolated) are logged.
 */
public final class StartupCheck {

    private static final Logger LOG = LoggerFactory.getLogger(StartupCheck.class);

    private StartupCheck() {
    }

    /** The dialect to use; throws {@link IllegalStateException} listing every problem found. */
    public static Dialect run(DataSource dataSource, TablePolicies policies, String shadowSchema, Dialect dialect,
            DataSource testIdentity) {
        Dialect d;
        List<SchemaProblem> problems = new ArrayList<>();
        try {
            try (Connection c = dataSource.getConnection()) {
                d = dialect != null ? dialect : Dialect.detect(c.getMetaData());
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
            }
            ShadowSchema.Builder shadow = ShadowSchema.builder(dataSource).policies(policies).schema(shadowSchema)
                    .dialect(d);
            if (testIdentity != null) {
                shadow.testIdentity(testIdentity);
            }
            problems.addAll(shadow.build().check());
        } catch (SQLException e) {
            throw new IllegalStateException("TipDataSource cannot check the database: " + e.getMessage()
                    + "; make sure the data source connects to the production schema", e);
        }
        problems.stream().filter(p -> !p.isError()).forEach(p -> LOG.warn("shadow schema {}", p));
        List<SchemaProblem> errors = problems.stream().filter(SchemaProblem::isError).toList();
        if (!errors.isEmpty()) {
            throw new IllegalStateException("TipDataSource cannot isolate test traffic:"
                    + errors.stream().map(p -> "\n- " + p).collect(Collectors.joining()));
        }
        return d;
    }
}
