package io.tipdata.benchmarks.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/** Sets up the ShardingSphere peer on each database and checks its routing; run before trusting numbers. */
public final class PeerCheck {

    private PeerCheck() {
    }

    /** Checks ShardingSphere's shadow routing on H2 and, unless {@code h2} is the only argument, PostgreSQL. */
    public static void main(String[] args) throws Exception {
        for (BenchDatabase db : BenchDatabase.values()) {
            if (args.length > 0 && !args[0].equalsIgnoreCase(db.name())) {
                continue;
            }
            db.prepareServer();
            try (HikariDataSource prod = db.productionPool("check-prod");
                 HikariDataSource shadow = db.peerShadowPool("check-shadow")) {
                Workload.createTable(prod);
                Workload.createTable(shadow);
                DataSource sharding = ShardingSphereShadow.create(prod, shadow);
                ShardingSphereShadow.verifyRouting(sharding, prod, shadow);
                ((AutoCloseable) sharding).close();
                System.out.println(db + ": ShardingSphere shadow routing OK");
            }
        }
    }
}
