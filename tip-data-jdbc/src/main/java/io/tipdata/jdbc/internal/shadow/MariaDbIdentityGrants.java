package io.tipdata.jdbc.internal.shadow;

import io.tipdata.jdbc.SchemaProblem;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MariaDB: the test identity's grants as {@code SHOW GRANTS} lists them over the identity's own connection
 * (no access to the {@code mysql} database needed). Allowed: {@code USAGE} on {@code *.*}, table grants of
 * {@code SELECT, INSERT, UPDATE, DELETE} on twins and {@code SELECT} on REFERENCE tables. Everything else
 * (global or database-wide privileges, column, routine and proxy grants, roles, {@code WITH GRANT OPTION}) is
 * excess. Grants to {@code PUBLIC} are not listed by the server and are not checked.
 */
final class MariaDbIdentityGrants implements IdentityCheck.Grants {

    private static final Pattern OBJECT_GRANT = Pattern.compile(
            "GRANT (.+?) ON (FUNCTION |PROCEDURE |PACKAGE BODY |PACKAGE )?(\\S+) TO (.+)", Pattern.DOTALL);
    private static final Pattern TABLE = Pattern.compile("`((?:[^`]|``)*)`\\.`((?:[^`]|``)*)`");

    private static final Pattern DATABASE = Pattern.compile("`((?:[^`]|``)*)`\\.\\*");

    private final Connection test;
    private final TestIdentity identity;

    MariaDbIdentityGrants(Connection test, TestIdentity identity) {
        this.test = test;
        this.identity = identity;
    }

    @Override
    public void check(IdentityObjects objects, List<SchemaProblem> problems, String who) throws SQLException {
        String revoke = "REVOKE it FROM " + identity.grantee();
        Map<String, Set<String>> tables = new LinkedHashMap<>();
        for (String line : showGrants()) {
            Matcher m = OBJECT_GRANT.matcher(line);
            if (!m.matches()) {
                if (line.startsWith("GRANT ")) {
                    problems.add(IdentityCheck.excess(who, who, "holds a role or proxy grant (" + line + ")",
                            revoke));
                }
                continue;
            }
            String privileges = m.group(1);
            String object = m.group(3);
            if (m.group(4).contains("WITH GRANT OPTION")) {
                problems.add(IdentityCheck.excess(who, object, "may grant (WITH GRANT OPTION)", revoke));
            }
            if (m.group(2) != null) {
                problems.add(IdentityCheck.excess(who, m.group(2).trim().toLowerCase() + " " + object, "may "
                        + privileges + " it", revoke));
                continue;
            }
            if (object.equals("*.*")) {
                if (!privileges.equals("USAGE")) {
                    problems.add(IdentityCheck.excess(who, "*.*", "has the global privileges " + privileges
                            + " (such as FILE, SUPER or writes on every database)", revoke));
                }
                continue;
            }
            Matcher d = DATABASE.matcher(object);
            if (d.matches() && !covers(d.group(1), objects)) {
                problems.add(new SchemaProblem(object, null, who + " has " + privileges + " on every table of the"
                        + " databases " + object + ", which are neither the production nor the shadow database", revoke
                        + " (a server-wide grant, such as Debian's on test and test_%, may be meant for every user)",
                        SchemaProblem.Severity.WARNING));
                continue;
            }
            Matcher t = TABLE.matcher(object);
            if (!t.matches() || privileges.contains("(")) {
                problems.add(IdentityCheck.excess(who, object, "has " + privileges + " beyond single tables", revoke));
                continue;
            }
            String key = t.group(1).replace("``", "`") + "." + t.group(2).replace("``", "`");
            for (String p : privileges.split(",")) {
                tables.computeIfAbsent(key, k -> new TreeSet<>()).add(p.trim());
            }
        }
        compare(objects, tables, problems, who, revoke);
    }

    /** Whether a database-wide grant's name (a LIKE pattern) covers the production or the shadow database. */
    private static boolean covers(String pattern, IdentityObjects objects) {
        StringBuilder regex = new StringBuilder();
        String p = pattern.replace("``", "`");
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\' && i + 1 < p.length()) {
                regex.append(Pattern.quote(String.valueOf(p.charAt(++i))));
            } else if (c == '_') {
                regex.append('.');
            } else if (c == '%') {
                regex.append(".*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        Pattern like = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
        return like.matcher(objects.schema()).matches()
                || (objects.shadow() != null && like.matcher(objects.shadow()).matches());
    }

    private void compare(IdentityObjects objects, Map<String, Set<String>> tables, List<SchemaProblem> problems,
            String who, String revoke) {
        Map<String, List<String>> allowed = new LinkedHashMap<>();
        objects.twins().forEach(t -> allowed.put(objects.shadow() + "." + t, List.of("SELECT", "INSERT", "UPDATE",
                "DELETE")));
        objects.reference().forEach(t -> allowed.put(objects.schema() + "." + t, List.of("SELECT")));
        for (Map.Entry<String, Set<String>> e : tables.entrySet()) {
            List<String> ok = allowed.getOrDefault(e.getKey(), List.of());
            List<String> extra = e.getValue().stream().filter(p -> !ok.contains(p)).toList();
            if (!extra.isEmpty()) {
                problems.add(IdentityCheck.excess(who, e.getKey(), "has " + String.join(", ", extra) + " on "
                        + (ok.isEmpty() ? "neither a twin nor a REFERENCE table" : "it"), revoke));
            }
        }
        for (Map.Entry<String, List<String>> e : allowed.entrySet()) {
            Set<String> has = tables.getOrDefault(e.getKey(), Set.of());
            List<String> lacking = e.getValue().stream().filter(p -> !has.contains(p)).toList();
            if (!lacking.isEmpty()) {
                problems.add(IdentityCheck.missing(who, e.getKey(), String.join(", ", lacking)));
            }
        }
    }

    private List<String> showGrants() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = test.createStatement(); ResultSet rs = st.executeQuery("SHOW GRANTS")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
