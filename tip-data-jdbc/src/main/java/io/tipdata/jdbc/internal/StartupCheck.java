package io.tipdata.jdbc.internal;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.SchemaProblem;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TablePolicy;
import io.tipdata.jdbc.internal.rewrite.TableColumns;
import io.tipdata.jdbc.internal.shadow.IdentityCheck;
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
 * twin, the production columns of the isolated tables (for {@code *}) and, with a test identity, that it has
 * exactly the privileges test traffic needs (any error there refuses all test traffic: the second wall is not
 * sound). It never throws: what it finds
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
     * @param productionSchema  the production schema as the database stores its name, or {@code null}
     * @param productionCatalog the production catalog (PostgreSQL, H2: the database) as stored, or {@code null}
     * @param sequences the sequences the ISOLATED tables' columns draw ids from (stored names; {@code schema.name}
     *                  outside the production schema)
     * @param existingSequences all sequences of the production schema, as stored
     * @param rowTypes PostgreSQL: the production schema's tables and views (row types a cast may name), as stored
     */
    public record Health(Dialect dialect, String shadowSchema, TableColumns columns, List<SchemaProblem> problems,
                         String unavailable, String productionSchema, String productionCatalog,
                         java.util.Set<String> sequences, java.util.Set<String> existingSequences,
                         java.util.Set<String> rowTypes) {

        /** What a check found, knowing no production schema. */
        public Health(Dialect dialect, String shadowSchema, TableColumns columns, List<SchemaProblem> problems,
                      String unavailable) {
            this(dialect, shadowSchema, columns, problems, unavailable, null, null, java.util.Set.of(),
                    java.util.Set.of(), java.util.Set.of());
        }
    }

    private StartupCheck() {
    }

    /** The table of the problem that refuses every test statement. */
    public static final String ALL_TABLES = "*";

    /** Checks the database; never throws. */
    public static Health run(DataSource dataSource, TablePolicies policies, String explicitShadow, Dialect dialect) {
        return run(dataSource, policies, explicitShadow, dialect, null);
    }

    /** Checks the database and, when {@code testIdentity} is given, its privileges; never throws. */
    public static Health run(DataSource dataSource, TablePolicies policies, String explicitShadow, Dialect dialect,
            DataSource testIdentity) {
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
            if (d == Dialect.POSTGRESQL) {
                stringsProblem(c, "production", problems);
            }
            if (testIdentity != null) {
                identityProblems(c, testIdentity, d, policies, shadow, problems);
            }
            TableColumns columns = ColumnCatalog.load(c, policies, d);
            String catalog = d == Dialect.MARIADB ? null : c.getCatalog();
            SequenceCatalog.Found sequences = SequenceCatalog.load(c, policies, d, schema);
            return new Health(d, shadow, columns, List.copyOf(problems), null, schema, catalog,
                    sequences.behindIsolated(), sequences.existing(), SequenceCatalog.rowTypes(c, d, schema));
        } catch (SQLException | RuntimeException e) {
            return new Health(d, shadow, TableColumns.none(), List.of(), "tip-data cannot check the database ("
                    + e.getMessage() + "); make sure the data source connects to the production schema");
        }
    }

    /**
     * tip-data reads PostgreSQL string literals as the SQL standard does, a backslash being an ordinary
     * character; with {@code standard_conforming_strings} off PostgreSQL reads a backslash as an escape, and a
     * literal would end elsewhere than where tip-data saw it end, so all test traffic is refused until it is on.
     */
    private static void stringsProblem(Connection c, String login, List<SchemaProblem> problems) throws SQLException {
        try (java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SHOW standard_conforming_strings")) {
            String value = rs.next() ? rs.getString(1) : null;
            if (!"on".equalsIgnoreCase(value)) {
                problems.add(new SchemaProblem(ALL_TABLES, null, "standard_conforming_strings is '" + value
                        + "' for the " + login + " login: tip-data reads string literals as the SQL standard"
                        + " does, and a backslash would end them otherwise, so all test traffic is refused",
                        "turn it on again (the default since PostgreSQL 9.1): ALTER DATABASE/ROLE ... RESET"
                        + " standard_conforming_strings, or SET it to on in postgresql.conf"));
            }
        }
    }

    private static void identityProblems(Connection c, DataSource testIdentity, Dialect d, TablePolicies policies,
            String shadow, List<SchemaProblem> problems) throws SQLException {
        List<SchemaProblem> found;
        try (Connection t = testIdentity.getConnection()) {
            found = new ArrayList<>(new IdentityCheck(c, t, d, policies, shadow).problems());
            if (d == Dialect.POSTGRESQL) {
                stringsProblem(t, "test identity", problems);
            }
        }
        problems.addAll(found);
        if (found.stream().anyMatch(SchemaProblem::isError)) {
            problems.add(new SchemaProblem(ALL_TABLES, null, "the test identity does not have exactly the"
                    + " privileges test traffic needs (see the problems above), so all test traffic is refused",
                    "run ShadowSchema.create() with testIdentity(...) to grant them, or fix the grants by hand"));
        }
    }
}
