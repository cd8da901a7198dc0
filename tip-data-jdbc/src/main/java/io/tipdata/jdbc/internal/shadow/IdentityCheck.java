package io.tipdata.jdbc.internal.shadow;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.SchemaProblem;
import io.tipdata.jdbc.TablePolicies;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks the test identity against the policies: every privilege test traffic needs is there (missing:
 * an error, test statements would fail), and nothing more (excess: an error, the second wall has a hole),
 * such as a write on a production table, a read of a table that is not {@code REFERENCE}, DDL, a role it
 * could switch to, superuser or server-file rights. The dialect classes read the grants.
 */
public final class IdentityCheck {

    /** How to add what is missing, as said in the problems. */
    static final String GRANT_FIX = "run ShadowSchema.create() with testIdentity(...) or `... ShadowSchemaCommand"
            + " create --test-user ...` as the owner of the production tables";

    private final Connection production;
    private final Connection test;
    private final SchemaReader reader;
    private final TablePolicies policies;
    private final String shadowSchema;

    /** A check reading the policies' tables through {@code production} and the identity through {@code test}. */
    public IdentityCheck(Connection production, Connection test, Dialect dialect, TablePolicies policies,
            String shadowSchema) throws SQLException {
        this.production = production;
        this.test = test;
        this.reader = new SchemaReader(production, dialect);
        this.policies = policies;
        this.shadowSchema = shadowSchema;
    }

    /** The problems found; empty when the identity has exactly what test traffic needs. */
    public List<SchemaProblem> problems() throws SQLException {
        Dialect dialect = reader.dialect();
        TestIdentity identity = TestIdentity.of(test, dialect);
        TestIdentity productionLogin = TestIdentity.of(production, dialect);
        IdentityObjects objects = IdentityObjects.resolve(reader, policies, shadowSchema);
        List<SchemaProblem> problems = new ArrayList<>();
        String who = "test identity " + identity;
        if (identity.equals(productionLogin)) {
            problems.add(new SchemaProblem(who, null, "test connections log in as the production login",
                    "give the test pool a login of its own that only ShadowSchema grants to"));
            return problems;
        }
        // no current schema: PostgreSQL's current_schema skips a schema the login may not use, and a MariaDB
        // login may not enter a database it has no privilege in: so before the first grant, and on MariaDB for
        // good when there is no REFERENCE table (then no statement names a production table it could reach)
        String current = dialect == Dialect.MARIADB ? test.getCatalog() : test.getSchema();
        boolean cannotEnter = current == null && dialect == Dialect.MARIADB && objects.reference().isEmpty();
        if (!cannotEnter && !Objects.equals(current, objects.schema())) {
            problems.add(new SchemaProblem(who, null, "test connections start in "
                    + (current == null ? "no schema" : "schema " + current) + ", not in the"
                    + " production schema " + objects.schema() + ", so unqualified REFERENCE names would not resolve"
                    + " to the production tables", "name " + objects.schema() + " in the test pool's URL ("
                    + (dialect == Dialect.MARIADB ? "database" : dialect == Dialect.H2 ? "SCHEMA=" : "currentSchema=")
                    + ")"));
        }
        Grants grants = switch (dialect) {
            case POSTGRESQL -> new PgIdentityGrants(production, identity);
            case MARIADB -> new MariaDbIdentityGrants(test, identity);
            case H2 -> new H2IdentityGrants(production, identity);
        };
        grants.check(objects, problems, who);
        return problems;
    }

    /** Reads one dialect's grants and adds a problem for each one missing or in excess. */
    interface Grants {
        void check(IdentityObjects objects, List<SchemaProblem> problems, String who) throws SQLException;
    }

    /** A privilege the identity needs and lacks. */
    static SchemaProblem missing(String who, String object, String privileges) {
        return new SchemaProblem(object, null, who + " lacks " + privileges + ", so test statements on it fail",
                GRANT_FIX);
    }

    /** A privilege the identity has and must not have. */
    static SchemaProblem excess(String who, String object, String what, String fix) {
        return new SchemaProblem(object, null, who + " " + what + ": a statement that got past the rewriter could"
                + " use it", fix);
    }
}
