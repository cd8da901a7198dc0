package io.tipdata.benchmarks.jdbc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.shardingsphere.driver.api.yaml.YamlShardingSphereDataSourceFactory;

/**
 * Apache ShardingSphere-JDBC configured as a shadow-database router: statements that carry the SQL
 * hint {@code SHADOW=true} go to the shadow data source, all others to production.
 *
 * <p>ShardingSphere sees ordinary tables only through a {@code !SINGLE} rule, and only tables that
 * exist when its data source is built, so create the workload table in both databases first.
 */
final class ShardingSphereShadow {

    /** The hint ShardingSphere's {@code SQL_HINT} shadow algorithm looks for. */
    static final String HINT = "/* SHARDINGSPHERE_HINT: SHADOW=true */ ";

    private ShardingSphereShadow() {
    }

    /** A ShardingSphere data source over the two pools, with the workload table under the shadow rule. */
    static DataSource create(DataSource production, DataSource shadow) throws SQLException {
        String yaml = String.join("\n",
                "databaseName: tip_bench",
                "mode:",
                "  type: Standalone",
                "rules:",
                "- !SHADOW",
                "  dataSources:",
                "    shadow_group:",
                "      productionDataSourceName: production",
                "      shadowDataSourceName: shadow",
                "  tables:",
                "    " + Workload.TABLE + ":",
                "      dataSourceNames:",
                "        - shadow_group",
                "      shadowAlgorithmNames:",
                "        - sql_hint",
                "  shadowAlgorithms:",
                "    sql_hint:",
                "      type: SQL_HINT",
                "- !SINGLE",
                "  tables:",
                "    - \"*.*\"",
                "props:",
                "  sql-show: false",
                "");
        Map<String, DataSource> sources = new LinkedHashMap<>();
        sources.put("production", production);
        sources.put("shadow", shadow);
        try {
            return YamlShardingSphereDataSourceFactory.createDataSource(sources, yaml.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SQLException("ShardingSphere rejected the shadow configuration: " + e.getMessage(), e);
        }
    }

    /**
     * Checks the routing with one insert each way, reading both databases directly: a hinted insert
     * must land only in the shadow database, a plain one only in production. Removes both rows after.
     */
    static void verifyRouting(DataSource sharding, DataSource production, DataSource shadow) throws SQLException {
        long hinted = Workload.FIRST_INSERT_ID - 1;
        long plain = Workload.FIRST_INSERT_ID - 2;
        Workload.insert(sharding, HINT + Workload.INSERT, hinted);
        Workload.insert(sharding, Workload.INSERT, plain);
        long[] seen = {
            Workload.count(shadow, Workload.TABLE, hinted), Workload.count(production, Workload.TABLE, hinted),
            Workload.count(production, Workload.TABLE, plain), Workload.count(shadow, Workload.TABLE, plain)};
        if (seen[0] != 1 || seen[1] != 0 || seen[2] != 1 || seen[3] != 0) {
            throw new IllegalStateException("ShardingSphere shadow routing is wrong: hinted row in shadow/production = "
                    + seen[0] + "/" + seen[1] + ", plain row in production/shadow = " + seen[2] + "/" + seen[3]
                    + "; expected 1/0 and 1/0");
        }
        if (rowsFound(sharding, HINT + Workload.COUNT_BY_ID, hinted) != 1
                || rowsFound(sharding, Workload.COUNT_BY_ID, hinted) != 0) {
            throw new IllegalStateException("ShardingSphere shadow routing is wrong for reads: a hinted read must see"
                    + " the shadow row " + hinted + " and a plain read must not");
        }
        Workload.delete(shadow, hinted);
        Workload.delete(production, plain);
    }

    private static long rowsFound(DataSource ds, String sql, long id) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
