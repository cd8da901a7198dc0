package io.tipdata.jdbc.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.SchemaProblem;
import io.tipdata.jdbc.internal.shadow.ShadowDriftCheck;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Every fix the drift check proposes for a column is SQL the database runs: for every non-key column of the
 * corpus schemas (so every column type they use), the column is dropped from its twin, then given another type
 * and no default, and each time the check's fixes are executed as written and the check is clean again.
 */
class DriftFixCorpusTest {

    private static final String ALTERNATIVE = "VARCHAR(7)";

    @Test
    void h2() throws Exception {
        assertFixesRun(Dialect.H2);
    }

    @Test
    @EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
    void postgresql() throws Exception {
        assertFixesRun(Dialect.POSTGRESQL);
    }

    @Test
    @EnabledIfSystemProperty(named = "tip.db.tests", matches = "true")
    void mariadb() throws Exception {
        assertFixesRun(Dialect.MARIADB);
    }

    private static void assertFixesRun(Dialect dialect) throws Exception {
        try (CorpusDatabase db = CorpusDatabase.open(dialect)) {
            Connection c = db.connection();
            c.setAutoCommit(true);
            String shadow = fold(dialect, CorpusDatabase.SHADOW_SCHEMA);
            List<String> baseline = texts(check(c, dialect));
            List<String[]> columns = new ArrayList<>();
            for (String table : CorpusDatabase.ISOLATED) {
                exec(c, "DELETE FROM " + CorpusDatabase.SHADOW_SCHEMA + "." + table);
                Set<String> keys = keyColumns(c, dialect, fold(dialect, table));
                for (String column : columnsOf(c, dialect, fold(dialect, table))) {
                    if (!keys.contains(column.toLowerCase(Locale.ROOT))) {
                        columns.add(new String[] {table, column});
                    }
                }
            }
            assertThat(columns).hasSizeGreaterThan(15);

            for (String[] tc : columns) {
                exec(c, "ALTER TABLE " + CorpusDatabase.SHADOW_SCHEMA + "." + tc[0] + " DROP COLUMN " + tc[1]);
            }
            runFixes(c, dialect, columns.size());
            assertThat(texts(check(c, dialect))).as("after adding the columns back").isEqualTo(baseline);

            for (String[] tc : columns) {
                for (String sql : otherType(dialect, CorpusDatabase.SHADOW_SCHEMA + "." + tc[0], tc[1])) {
                    exec(c, sql);
                }
            }
            runFixes(c, dialect, columns.size());
            assertThat(texts(check(c, dialect))).as("after changing the types back").isEqualTo(baseline);
            assertThat(shadow).isNotEmpty();
        }
    }

    /** Executes every fix the check proposes for a column, as written; at least one per changed column. */
    private static void runFixes(Connection c, Dialect dialect, int changed) throws SQLException {
        int ran = 0;
        for (SchemaProblem p : check(c, dialect)) {
            if (p.column() != null && !p.column().equalsIgnoreCase("tip_run") && p.fix().startsWith("run ")) {
                String sql = p.fix().substring("run ".length());
                if (sql.endsWith(", or run ShadowSchema.update()")) {
                    sql = sql.substring(0, sql.length() - ", or run ShadowSchema.update()".length());
                }
                try {
                    exec(c, sql);
                } catch (SQLException e) {
                    throw new AssertionError("the fix of '" + p + "' does not run: " + e.getMessage(), e);
                }
                ran++;
            }
        }
        assertThat(ran).isGreaterThanOrEqualTo(changed);
    }

    private static List<String> otherType(Dialect dialect, String twin, String column) {
        return switch (dialect) {
            case POSTGRESQL -> List.of("ALTER TABLE " + twin + " ALTER COLUMN " + column + " DROP DEFAULT",
                    "ALTER TABLE " + twin + " ALTER COLUMN " + column + " TYPE " + ALTERNATIVE + " USING NULL");
            case MARIADB -> List.of("ALTER TABLE " + twin + " MODIFY COLUMN " + column + " " + ALTERNATIVE + " NULL");
            case H2 -> List.of("ALTER TABLE " + twin + " ALTER COLUMN " + column + " DROP DEFAULT",
                    "ALTER TABLE " + twin + " ALTER COLUMN " + column + " SET DATA TYPE " + ALTERNATIVE);
        };
    }

    private static List<SchemaProblem> check(Connection c, Dialect dialect) throws SQLException {
        return new ShadowDriftCheck(c, dialect, CorpusDatabase.policies(), CorpusDatabase.SHADOW_SCHEMA).problems();
    }

    private static List<String> texts(List<SchemaProblem> problems) {
        return problems.stream().map(SchemaProblem::toString).sorted().toList();
    }

    private static Set<String> keyColumns(Connection c, Dialect dialect, String table) throws SQLException {
        Set<String> out = new HashSet<>();
        DatabaseMetaData md = c.getMetaData();
        String catalog = dialect == Dialect.MARIADB ? c.getCatalog() : null;
        String schema = dialect == Dialect.MARIADB ? null : c.getSchema();
        try (ResultSet rs = md.getIndexInfo(catalog, schema, table, true, false)) {
            while (rs.next()) {
                if (rs.getString("COLUMN_NAME") != null) {
                    out.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    private static List<String> columnsOf(Connection c, Dialect dialect, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        String catalog = dialect == Dialect.MARIADB ? c.getCatalog() : null;
        String schema = dialect == Dialect.MARIADB ? null : c.getSchema();
        try (ResultSet rs = c.getMetaData().getColumns(catalog, schema, table, "%")) {
            while (rs.next()) {
                out.add(rs.getString("COLUMN_NAME"));
            }
        }
        return out;
    }

    private static String fold(Dialect dialect, String name) {
        return dialect == Dialect.H2 ? name.toUpperCase(Locale.ROOT) : name;
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
