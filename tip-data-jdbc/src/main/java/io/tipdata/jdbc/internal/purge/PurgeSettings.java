package io.tipdata.jdbc.internal.purge;

import io.tipdata.core.RunRegistry;
import io.tipdata.core.purge.PurgeListener;
import io.tipdata.jdbc.Dialect;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.internal.registry.RegistryTable;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

/**
 * The checked settings of a purge job.
 *
 * @param dataSource the owner of the shadow schema: catalog reads, partition DDL, counts, the audit
 * @param deletes    the login the batched deletes and the verification use: the test identity where one is
 *                   configured, else {@code dataSource}
 * @param fence the registry table over a connection of the purged database, or null when the registry is
 *              elsewhere (then counts are added through the registry after each batch)
 */
public record PurgeSettings(DataSource dataSource, DataSource deletes, RunRegistry registry, Fence fence, Dialect dialect,
                            TablePolicies policies, String shadowSchema, int batchSize, Duration pause,
                            Duration lockTimeout, Duration lease, int maxRunsPerPass, Retrier retrier,
                            Duration inFlight, Duration overdueAfter, Duration stragglerWindow, String owner,
                            List<PurgeListener> listeners) {

    /** The registry table reachable on a connection of the purged database. */
    public interface Fence {
        /** The table, on that connection. */
        RegistryTable table(Connection c) throws SQLException;
    }
}
