package io.tipdata.jdbc.internal.shadow;

import io.tipdata.jdbc.SchemaProblem;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL: the test identity's privileges as {@code has_*_privilege} sees them (its own grants, those of
 * {@code PUBLIC} and of every role it belongs to). User functions declared {@code SECURITY INVOKER} (the
 * default) run with the identity's own privileges and are left alone; {@code SECURITY DEFINER} functions it
 * may execute, and the server-file functions, are excess. {@code TEMPORARY} on the database is not checked.
 */
final class PgIdentityGrants implements IdentityCheck.Grants {

    private static final String SYSTEM = "n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'";
    private static final String[] TABLE_PRIVILEGES = {"SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE",
        "REFERENCES", "TRIGGER"};
    private static final String[] FILE_FUNCTIONS = {"pg_read_file(text)", "pg_read_binary_file(text)",
        "pg_ls_dir(text)", "pg_stat_file(text)", "lo_import(text)", "lo_export(oid,text)"};

    private final Connection connection;
    private final String name;

    PgIdentityGrants(Connection connection, TestIdentity identity) {
        this.connection = connection;
        this.name = identity.name();
    }

    @Override
    public void check(IdentityObjects objects, List<SchemaProblem> problems, String who) throws SQLException {
        String revoke = "revoke it from " + name + " (and from PUBLIC)";
        for (List<String> row : rows("SELECT rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls"
                + " FROM pg_roles WHERE rolname = ?", name)) {
            String[] attrs = {"SUPERUSER", "CREATEROLE", "CREATEDB", "REPLICATION", "BYPASSRLS"};
            for (int i = 0; i < attrs.length; i++) {
                if ("t".equals(row.get(i))) {
                    problems.add(IdentityCheck.excess(who, who, "has " + attrs[i], "ALTER ROLE " + name + " NO"
                            + attrs[i]));
                }
            }
        }
        for (List<String> row : rows("SELECT r.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid"
                + " JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = ? ORDER BY 1", name)) {
            problems.add(IdentityCheck.excess(who, who, "is a member of role " + row.get(0) + " (SET ROLE gives its"
                    + " privileges back)", "REVOKE " + row.get(0) + " FROM " + name));
        }
        if (!rows("SELECT 1 WHERE has_database_privilege(?, current_database(), 'CREATE')", name).isEmpty()) {
            problems.add(IdentityCheck.excess(who, "database", "may CREATE schemas", "REVOKE CREATE ON DATABASE"
                    + " ... FROM " + name + " and PUBLIC"));
        }
        for (List<String> row : rows("SELECT n.nspname FROM pg_namespace n WHERE " + SYSTEM
                + " AND has_schema_privilege(?, n.oid, 'CREATE') ORDER BY 1", name)) {
            problems.add(IdentityCheck.excess(who, "schema " + row.get(0), "may CREATE in it (DDL)",
                    "REVOKE CREATE ON SCHEMA " + row.get(0) + " FROM " + name + " and PUBLIC"));
        }
        tables(objects, problems, who, revoke);
        sequences(objects, problems, who);
        for (List<String> row : rows("SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON"
                + " n.oid = p.pronamespace WHERE " + SYSTEM + " AND p.prosecdef AND has_function_privilege(?, p.oid,"
                + " 'EXECUTE') ORDER BY 1", name)) {
            problems.add(IdentityCheck.excess(who, "function " + row.get(0), "may execute this SECURITY DEFINER"
                    + " function, which runs with its owner's privileges", "REVOKE EXECUTE ON FUNCTION " + row.get(0)
                    + " FROM PUBLIC, " + name));
        }
        for (String f : FILE_FUNCTIONS) {
            if (!rows("SELECT 1 WHERE has_function_privilege(?, '" + f + "', 'EXECUTE')", name).isEmpty()) {
                problems.add(IdentityCheck.excess(who, "function " + f, "may read or write server files",
                        "REVOKE EXECUTE ON FUNCTION " + f + " FROM " + name));
            }
        }
    }

    private void tables(IdentityObjects objects, List<SchemaProblem> problems, String who, String revoke)
            throws SQLException {
        StringBuilder q = new StringBuilder("SELECT n.nspname, c.relname");
        for (String p : TABLE_PRIVILEGES) {
            boolean columns = p.equals("SELECT") || p.equals("INSERT") || p.equals("UPDATE") || p.equals("REFERENCES");
            q.append(columns ? ", has_any_column_privilege(?, c.oid, '" : ", has_table_privilege(?, c.oid, '")
                    .append(p).append("')");
        }
        q.append(" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN"
                + " ('r', 'p', 'v', 'm', 'f') AND ").append(SYSTEM).append(" ORDER BY 1, 2");
        String[] params = new String[TABLE_PRIVILEGES.length];
        java.util.Arrays.fill(params, name);
        for (List<String> row : rows(q.toString(), params)) {
            String schema = row.get(0);
            String table = row.get(1);
            List<String> has = new ArrayList<>();
            for (int i = 0; i < TABLE_PRIVILEGES.length; i++) {
                if ("t".equals(row.get(i + 2))) {
                    has.add(TABLE_PRIVILEGES[i]);
                }
            }
            List<String> allowed = objects.isTwin(schema, table) ? List.of("SELECT", "INSERT", "UPDATE", "DELETE")
                    : objects.isReference(schema, table) ? List.of("SELECT") : List.of();
            String object = schema + "." + table;
            List<String> extra = has.stream().filter(p -> !allowed.contains(p)).toList();
            if (!extra.isEmpty()) {
                String kind = objects.isTwin(schema, table) ? "a twin" : objects.isReference(schema, table)
                        ? "a REFERENCE table" : "neither a twin nor a REFERENCE table";
                problems.add(IdentityCheck.excess(who, object, "has " + String.join(", ", extra) + " on " + kind,
                        "REVOKE " + String.join(", ", extra) + " ON " + object + " FROM " + name + " (and from PUBLIC)"));
            }
            List<String> lacking = allowed.stream().filter(p -> !has.contains(p)).toList();
            if (!lacking.isEmpty()) {
                problems.add(IdentityCheck.missing(who, object, String.join(", ", lacking)));
            }
        }
        for (String s : new String[] {objects.schema(), objects.shadow()}) {
            if (s != null && rows("SELECT 1 WHERE has_schema_privilege(?, ?, 'USAGE')", name, s).isEmpty()) {
                problems.add(IdentityCheck.missing(who, "schema " + s, "USAGE"));
            }
        }
    }

    private void sequences(IdentityObjects objects, List<SchemaProblem> problems, String who) throws SQLException {
        for (String twin : objects.twins()) {
            String qualified = "\"" + objects.shadow().replace("\"", "\"\"") + "\".\"" + twin.replace("\"", "\"\"")
                    + "\"";
            for (List<String> row : rows("SELECT d.refobjid::regclass::text, CASE WHEN s.relkind = 'S' THEN"
                    + " has_sequence_privilege(?, d.refobjid, 'USAGE') END FROM pg_attrdef ad JOIN pg_depend d ON d.classid = 'pg_attrdef'::regclass AND d.objid"
                    + " = ad.oid JOIN pg_class s ON s.oid = d.refobjid AND s.relkind = 'S' WHERE ad.adrelid ="
                    + " ?::regclass", name, qualified)) {
                if (!"t".equals(row.get(1))) {
                    problems.add(IdentityCheck.missing(who, "sequence " + row.get(0) + " (ids of " + objects.shadow()
                            + "." + twin + ")", "USAGE"));
                }
            }
        }
        for (List<String> row : rows("SELECT c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid ="
                + " c.relnamespace WHERE c.relkind = 'S' AND " + SYSTEM + " AND CASE WHEN c.relkind = 'S' THEN"
                + " has_sequence_privilege(?, c.oid, 'UPDATE') END ORDER BY 1", name)) {
            problems.add(IdentityCheck.excess(who, "sequence " + row.get(0), "has UPDATE (setval could make"
                    + " production ids repeat)", "REVOKE UPDATE ON SEQUENCE " + row.get(0) + " FROM " + name));
        }
    }

    private List<List<String>> rows(String sql, String... params) throws SQLException {
        return QueryRows.read(connection, sql, params);
    }
}
