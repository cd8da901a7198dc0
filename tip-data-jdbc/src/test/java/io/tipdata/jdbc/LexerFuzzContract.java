package io.tipdata.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipdata.core.KillSwitch;
import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import io.tipdata.jdbc.internal.rewrite.IsolationViolationException;
import io.tipdata.jdbc.internal.rewrite.RewrittenSql;
import io.tipdata.jdbc.internal.rewrite.SqlRewriter;
import io.tipdata.jdbc.internal.rewrite.TableColumns;
import io.tipdata.jdbc.internal.rewrite.text.SqlLexer;
import io.tipdata.jdbc.internal.rewrite.text.TokenKind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lexer fuzzing on the real database: each generated statement ({@link LexerFuzzStatements}) is either refused
 * (TD001) or, when accepted, runs on the database through {@link TipDataSource} as one statement whose result is
 * exactly the literals the parser read in the text that was sent (decoded by the dialect's rules), over the
 * run's one twin row (production holds two, so reading production shows). {@code -Dtip.lexfuzz.seed=<n>} and {@code -Dtip.lexfuzz.count=<n>} (default 2000) change
 * the run; a failure prints the seed and the statement's index.
 */
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
abstract class LexerFuzzContract {

    private static final TestRun RUN = TipDataSourceContract.run("run-a");

    TestDatabase db;
    TipDataSource tip;

    abstract TestDatabase newDatabase();

    @BeforeAll
    void openDatabase() throws Exception {
        db = newDatabase();
        db.open();
        db.createTables();
        tip = TipDataSource.wrap(db.raw).testConnections(db.testPool).policies(db.policies()).shadowSchema(db.shadow)
                .killSwitch(KillSwitch.create()).build();
        db.reset();
        try (Connection c = tip.getConnection(); Statement s = c.createStatement()) {
            // two production rows against the run's one: a statement that reads production returns two rows
            s.executeUpdate("INSERT INTO orders (customer, amount) VALUES ('prod-1', 10)");
            s.executeUpdate("INSERT INTO orders (customer, amount) VALUES ('prod-2', 20)");
        }
        try (Connection c = tip.connectionFor(RUN); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO orders (customer, amount) VALUES ('run-a', 1)");
        }
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    @Test
    void everyStatementIsRefusedOrReadAlikeByTheDatabaseAndTheParser() throws Exception {
        long seed = Long.getLong("tip.lexfuzz.seed", 20261202L) + db.dialect().ordinal();
        int count = Integer.getInteger("tip.lexfuzz.count", 2000);
        LexerFuzzStatements statements = new LexerFuzzStatements(db.dialect(), seed);
        SqlRewriter rewriter = SqlRewriter.create(db.policies(), TableColumns.none(), db.shadow, db.dialect(), 16);
        List<String> failures = new ArrayList<>();
        int[] accepted = {0};
        TipContext.call(RUN, () -> {
            try (Connection c = tip.getConnection(); Statement s = c.createStatement()) {
                for (int i = 0; i < count; i++) {
                    String sql = statements.next();
                    String problem = check(rewriter, s, sql, accepted);
                    if (problem != null) {
                        failures.add("seed " + seed + " #" + i + ": " + problem + "\n    " + sql.replace("\n", "\\n"));
                    }
                }
            }
            return null;
        });
        System.out.println(getClass().getSimpleName() + ": " + count + " statements, " + accepted[0] + " accepted, seed "
                + seed);
        assertThat(failures).as("lexer fuzzing on " + db.dialect() + " (seed " + seed + ")").isEmpty();
        assertThat(accepted[0]).as("accepted statements (the generator must reach the database)")
                .isGreaterThan(count / 40);
        assertThat(count - accepted[0]).as("refused statements").isGreaterThan(count / 20);
    }

    /**
     * Probes of where comments and quotes end, run on the database directly (constants only, no table): the
     * database returns as many columns as the lexer finds top-level commas plus one.
     */
    @Test
    void theLexerEndsCommentsAndQuotesWhereTheDatabaseDoes() throws Exception {
        List<String> probes = new ArrayList<>(List.of("SELECT 1 /* , */ , 2", "SELECT 1 -- , 2\n, 3", "SELECT 'a,''', 2"));
        switch (db.dialect()) {
            case POSTGRESQL -> probes.addAll(List.of("SELECT 1 /* /* */ , 2 */ , 3", "SELECT $t$ , $t$ , 2",
                    "SELECT $$ , $$ , 2", "SELECT E'\\', ', 2", "SELECT 2 */* , */ 3", "SELECT 1 -- , 2\r, 3",
                    "SELECT 2 <-/* , */ 1", "SELECT \"a,\"\"\" FROM (SELECT 1 AS \"a,\"\"\") t"));
            case MARIADB -> probes.addAll(List.of("SELECT 1 /* /* */ , 2", "SELECT 1 # , 2\r, 3\n, 4",
                    "SELECT 1 --\t, 2\n, 3", "SELECT 5--1 , 2", "SELECT 'a\\', ', 2", "SELECT \"a\\\", \", 2",
                    "SELECT 1 -- , 2\r, 3\n, 4", "SELECT `a,``` FROM (SELECT 1 AS `a,```) t", "SELECT 1 AS $$ , 2"));
            case H2 -> probes.addAll(List.of("SELECT 1 /* /* */ , 2 */ , 3", "SELECT 1 // , 2\n, 3",
                    "SELECT $$ , $$ , 2", "SELECT 'a\\', 2", "SELECT \"a,\"\"\" FROM (SELECT 1 AS \"a,\"\"\") t"));
        }
        try (Connection c = db.raw.getConnection(); Statement s = c.createStatement()) {
            for (String probe : probes) {
                long commas = SqlLexer.of(db.dialect()).lex(probe).tokens().stream()
                        .filter(t -> t.kind() == TokenKind.OTHER && t.text().equals(",")).count();
                try (ResultSet rs = s.executeQuery(probe)) {
                    assertThat(rs.getMetaData().getColumnCount()).as(probe).isEqualTo((int) commas + 1);
                }
            }
        }
    }

    /** What went wrong with one statement, or null. */
    private String check(SqlRewriter rewriter, Statement s, String sql, int[] accepted) throws Exception {
        RewrittenSql rewritten;
        try {
            rewritten = rewriter.rewrite(sql);
        } catch (IsolationViolationException e) {
            return "the rewrite failed the independent check: " + e.getMessage();
        } catch (RefusedStatementException e) {
            try {
                s.execute(sql);
                return "refused by the rewriter but run by TipDataSource";
            } catch (RefusedStatementException expected) {
                return null;
            }
        }
        String sent = rewritten.sqlFor(RUN.runId());
        PlainSelect parsed = (PlainSelect) CCJSqlParserUtil.parse(sent);
        List<SelectItem<?>> items = parsed.getSelectItems();
        try {
            if (!s.execute(sql)) {
                return "ran as an update";
            }
            accepted[0]++;
            try (ResultSet rs = s.getResultSet()) {
                if (rs.getMetaData().getColumnCount() != items.size()) {
                    return "the database returned " + rs.getMetaData().getColumnCount() + " columns, the parser read "
                            + items.size() + " items in: " + sent;
                }
                if (!rs.next()) {
                    return "no row (the run's twin row was not read) for: " + sent;
                }
                for (int k = 0; k < items.size(); k++) {
                    if (items.get(k).getExpression() instanceof StringValue sv) {
                        String expected = decode(sv);
                        String actual = rs.getString(k + 1);
                        if (!expected.equals(actual)) {
                            return "column " + (k + 1) + " is [" + actual + "] for the database, [" + expected
                                    + "] for the parser, in: " + sent;
                        }
                    }
                }
                if (rs.next()) {
                    return "more than the run's one row for: " + sent;
                }
            }
            if (s.getMoreResults() || s.getUpdateCount() != -1) {
                return "the database ran more than one statement";
            }
            return null;
        } catch (SQLException e) {
            if (parsed.getFromItem() == null) {
                // a quote or comment swallowed FROM for both readers alike: the parser accepts a WHERE without
                // FROM (it names no table, so nothing is rewritten), the database rejects it
                return null;
            }
            return "accepted but failed on the database (" + e.getMessage().split("\n")[0] + ") as: " + sent;
        }
    }

    /** The literal's value as the dialect reads it: doubled quotes, and backslash pairs where it reads escapes. */
    private String decode(StringValue sv) {
        boolean escapes = db.dialect() == Dialect.MARIADB
                || db.dialect() == Dialect.POSTGRESQL && "E".equalsIgnoreCase(sv.getPrefix());
        String v = sv.getValue();
        StringBuilder out = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if ((c == '\'' || escapes && c == '\\') && i + 1 < v.length() && v.charAt(i + 1) == c) {
                i++;
            }
            out.append(c);
        }
        return out.toString();
    }
}
