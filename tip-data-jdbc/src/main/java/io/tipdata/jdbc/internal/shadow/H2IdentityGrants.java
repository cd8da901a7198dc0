package io.tipdata.jdbc.internal.shadow;

import io.tipdata.jdbc.SchemaProblem;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * H2: the test identity's rights from {@code INFORMATION_SCHEMA} read by the production login (H2 shows a
 * user only its own name, so that login must be an admin). Allowed: table rights of
 * {@code SELECT, INSERT, UPDATE, DELETE} (which H2 shows as {@code ALL}) on twins and {@code SELECT} on REFERENCE tables, granted to the
 * identity or to {@code PUBLIC}. Admin rights, owned schemas, schema-wide rights and roles are excess.
 */
final class H2IdentityGrants implements IdentityCheck.Grants {

    private final Connection production;
    private final String name;

    H2IdentityGrants(Connection production, TestIdentity identity) {
        this.production = production;
        this.name = identity.name();
    }

    @Override
    public void check(IdentityObjects objects, List<SchemaProblem> problems, String who) throws SQLException {
        String revoke = "REVOKE it FROM " + name + " (and from PUBLIC)";
        if (!rows("SELECT 1 FROM INFORMATION_SCHEMA.USERS WHERE USER_NAME = ? AND IS_ADMIN").isEmpty()) {
            problems.add(IdentityCheck.excess(who, who, "is an admin", "ALTER USER " + name + " ADMIN FALSE"));
        }
        for (List<String> row : rows("SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_OWNER = ?")) {
            problems.add(IdentityCheck.excess(who, "schema " + row.get(0), "owns it", "ALTER SCHEMA ... or drop it"));
        }
        List<String> twinRights = new ArrayList<>();
        List<String> referenceRights = new ArrayList<>();
        for (List<String> row : rows("SELECT GRANTEE, GRANTEDROLE, RIGHTS, TABLE_SCHEMA, TABLE_NAME FROM"
                + " INFORMATION_SCHEMA.RIGHTS WHERE GRANTEE IN (?, 'PUBLIC')")) {
            if (row.get(1) != null) {
                problems.add(IdentityCheck.excess(who, "role " + row.get(1), "holds it (granted to " + row.get(0)
                        + ")", "REVOKE " + row.get(1) + " FROM " + row.get(0)));
                continue;
            }
            String object = row.get(3) + "." + row.get(4);
            if (row.get(4) == null) {
                problems.add(IdentityCheck.excess(who, "schema " + row.get(3), "has " + row.get(2) + " on the whole"
                        + " schema", revoke));
                continue;
            }
            boolean twin = objects.isTwin(row.get(3), row.get(4));
            List<String> ok = twin ? List.of("SELECT", "INSERT", "UPDATE", "DELETE")
                    : objects.isReference(row.get(3), row.get(4)) ? List.of("SELECT") : List.of();
            Set<String> has = new TreeSet<>();
            for (String p : row.get(2).split(",")) {
                has.addAll(p.trim().equals("ALL") ? List.of("SELECT", "INSERT", "UPDATE", "DELETE") : List.of(p.trim()));
            }
            List<String> extra = has.stream().filter(p -> !ok.contains(p)).toList();
            if (!extra.isEmpty()) {
                problems.add(IdentityCheck.excess(who, object, "has " + String.join(", ", extra) + " on "
                        + (ok.isEmpty() ? "neither a twin nor a REFERENCE table" : "it"), revoke));
            }
            (twin ? twinRights : referenceRights).addAll(has.stream().map(p -> object + ":" + p).toList());
        }
        for (String t : objects.twins()) {
            lacking(objects.shadow() + "." + t, List.of("SELECT", "INSERT", "UPDATE", "DELETE"), twinRights,
                    problems, who);
        }
        for (String t : objects.reference()) {
            lacking(objects.schema() + "." + t, List.of("SELECT"), referenceRights, problems, who);
        }
    }

    private static void lacking(String object, List<String> needed, List<String> has, List<SchemaProblem> problems,
            String who) {
        List<String> lacking = needed.stream().filter(p -> !has.contains(object + ":" + p)).toList();
        if (!lacking.isEmpty()) {
            problems.add(IdentityCheck.missing(who, object, String.join(", ", lacking)));
        }
    }

    private List<List<String>> rows(String sql) throws SQLException {
        return QueryRows.read(production, sql, name);
    }
}
