package io.tipdata.jdbc.internal.shadow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the planner statistics of PostgreSQL twins current. A twin is young: it is created empty and fills
 * while a test run writes to it, often faster than autovacuum's next round (a minute by default, never when
 * autovacuum is off). A twin that was never analyzed gets PostgreSQL's default estimate for {@code tip_run = ?}
 * (half a percent of the pages' rows), so for {@code ... WHERE tip_run = ? ORDER BY id LIMIT 20} the planner
 * takes a bitmap scan of the whole run and a sort instead of the {@code (tip_run, id)} key, and test statements
 * take ten to twenty times as long as their production twins (measured in {@code ConcurrentMixBenchmark}).
 *
 * <p>{@link #refresh} analyzes each twin of the shadow schema whose rows changed since its last analysis by at
 * least 50 rows and 10 % of its rows, autovacuum's own default rule, on a connection of the production owner
 * (only a table's owner may analyze it, so twins the login does not own are left alone). It never
 * throws: statistics are an optimisation, and a failure is logged once at WARN.
 */
public final class TwinStatistics {

    private static final Logger LOG = LoggerFactory.getLogger(TwinStatistics.class);

    static final String STALE = "SELECT s.relname FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid"
            + " WHERE s.schemaname = ? AND pg_has_role(c.relowner, 'USAGE')"
            + " AND s.n_mod_since_analyze >= 50 AND s.n_mod_since_analyze >= 0.1 * s.n_live_tup";

    private volatile boolean warned;

    /** Analyzes the stale twins of {@code shadowSchema}; returns the tables analyzed (empty on failure). */
    public List<String> refresh(DataSource owner, String shadowSchema) {
        List<String> analyzed = new ArrayList<>();
        try (Connection c = owner.getConnection()) {
            List<String> stale = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(STALE)) {
                ps.setString(1, shadowSchema);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stale.add(rs.getString(1));
                    }
                }
            }
            boolean auto = c.getAutoCommit();
            if (!auto) {
                c.setAutoCommit(true);
            }
            try (Statement s = c.createStatement()) {
                for (String table : stale) {
                    s.execute("ANALYZE " + quote(shadowSchema) + "." + quote(table));
                    analyzed.add(table);
                }
            } finally {
                if (!auto) {
                    c.setAutoCommit(false);
                }
            }
            if (!analyzed.isEmpty()) {
                LOG.debug("tip-data analyzed twins {} of shadow schema {}", analyzed, shadowSchema);
            }
        } catch (SQLException | RuntimeException e) {
            if (!warned) {
                warned = true;
                LOG.warn("tip-data could not refresh the statistics of the twins in {} ({}); test statements may"
                        + " get slow plans until autovacuum analyzes them", shadowSchema, e.toString());
            }
        }
        return analyzed;
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
