package io.tipdata.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tipdata.core.KillSwitch;
import io.tipdata.core.TestRun;
import io.tipdata.core.TipContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Several threads act at once as production and as several test runs, with random inserts, updates,
 * deletes and selects through one TipDataSource. Each actor keeps a model of its own rows; after every step
 * the database is read directly: each actor's partition equals its model (so nothing else changed it), no
 * row sits in another's partition, and every read through tip-data returned exactly the actor's rows.
 * Seeded by {@code -Dtip.random.seed} (default fixed); bounded by time and step count.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RandomizedIsolationContract {

    private static final long SEED = Long.getLong("tip.random.seed", 20261126L);
    private static final long MILLIS = 3_000;
    private static final int MAX_STEPS = 400;

    TestDatabase db;
    TipDataSource tip;

    abstract TestDatabase newDatabase();

    @BeforeAll
    void openDatabase() throws SQLException {
        db = newDatabase();
        db.open();
        db.createTables();
        db.reset();
        tip = TipDataSource.wrap(db.raw).policies(db.policies()).shadowSchema(db.shadow)
                .killSwitch(KillSwitch.create()).build();
    }

    @AfterAll
    void closeDatabase() {
        db.close();
    }

    /** One side: production (run null) or a test run, owning the customers named with its prefix. */
    final class Actor {
        final String prefix;
        final TestRun run;
        final Map<String, Integer> model = new TreeMap<>();
        int next;

        Actor(String prefix, TestRun run) {
            this.prefix = prefix;
            this.run = run;
        }

        void step(Random rnd) throws Exception {
            if (run == null) {
                try (Connection c = tip.getConnection()) {
                    act(c, rnd);
                }
            } else {
                TipContext.call(run, () -> {
                    try (Connection c = tip.getConnection()) {
                        act(c, rnd);
                    }
                    return null;
                });
            }
            assertThat(partition()).as("partition of %s after a step", prefix).isEqualTo(model);
        }

        private String own() {
            return run == null ? " WHERE customer LIKE '" + prefix + "-%'" : "";
        }

        private void act(Connection c, Random rnd) throws SQLException {
            List<String> mine = new ArrayList<>(model.keySet());
            int op = rnd.nextInt(mine.isEmpty() ? 1 : 6);
            boolean prepared = rnd.nextBoolean();
            String customer = mine.isEmpty() ? null : mine.get(rnd.nextInt(mine.size()));
            int amount = rnd.nextInt(1000);
            switch (op) {
                case 0 -> {
                    String name = prefix + "-" + next++;
                    if (prepared) {
                        try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders (customer, amount) VALUES (?, ?)")) {
                            ps.setString(1, name);
                            ps.setInt(2, amount);
                            assertThat(ps.executeUpdate()).isEqualTo(1);
                        }
                    } else {
                        try (Statement s = c.createStatement()) {
                            assertThat(s.executeUpdate("INSERT INTO orders (customer, amount) VALUES ('" + name + "', "
                                    + amount + ")")).isEqualTo(1);
                        }
                    }
                    model.put(name, amount);
                }
                case 1 -> {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE orders SET amount = ? WHERE customer = ?")) {
                        ps.setInt(1, amount);
                        ps.setString(2, customer);
                        assertThat(ps.executeUpdate()).isEqualTo(1);
                    }
                    model.put(customer, amount);
                }
                case 2 -> {
                    try (Statement s = c.createStatement()) {
                        assertThat(s.executeUpdate("DELETE FROM orders WHERE customer = '" + customer + "'")).isEqualTo(1);
                    }
                    model.remove(customer);
                }
                case 3 -> {
                    try (Statement s = c.createStatement()) {
                        assertThat(s.executeUpdate("UPDATE orders SET amount = amount + 1" + own()))
                                .isEqualTo(model.size());
                    }
                    model.replaceAll((k, v) -> v + 1);
                }
                default -> assertThat(read(c, prepared)).as("rows %s reads", prefix).isEqualTo(model);
            }
        }

        private Map<String, Integer> read(Connection c, boolean prepared) throws SQLException {
            Map<String, Integer> seen = new TreeMap<>();
            String sql = "SELECT customer, amount FROM orders";
            try (PreparedStatement ps = prepared ? c.prepareStatement(sql) : null;
                 Statement s = prepared ? null : c.createStatement();
                 ResultSet rs = prepared ? ps.executeQuery() : s.executeQuery(sql)) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    if (run != null || name.startsWith(prefix + "-")) {
                        seen.put(name, rs.getInt(2));
                    } else {
                        assertThat(name).as("production read").startsWith("p");
                    }
                }
            }
            return seen;
        }

        Map<String, Integer> partition() throws SQLException {
            String sql = run == null
                    ? "SELECT customer, amount FROM orders WHERE customer LIKE '" + prefix + "-%'"
                    : "SELECT customer, amount FROM " + db.shadow + ".orders WHERE tip_run = '" + run.runId() + "'";
            Map<String, Integer> rows = new TreeMap<>();
            for (String row : db.rows(sql)) {
                String[] f = row.split("\\|");
                rows.put(f[0], Integer.parseInt(f[1]));
            }
            return rows;
        }
    }

    private void checkNothingCrossed() throws SQLException {
        assertThat(db.rows("SELECT customer FROM orders")).allSatisfy(c -> assertThat(c).matches("p[01]-\\d+"));
        assertThat(db.rows("SELECT tip_run, customer FROM " + db.shadow + ".orders"))
                .allSatisfy(r -> assertThat(r).matches("run-([abc])\\|\\1-\\d+"));
    }

    @Test
    void productionAndRunsNeverCross() throws Exception {
        Actor[][] threads = {
                {new Actor("p0", null)},
                {new Actor("a", TipDataSourceContract.run("run-a"))},
                {new Actor("b", TipDataSourceContract.run("run-b"))},
                {new Actor("c", TipDataSourceContract.run("run-c")), new Actor("p1", null)},
        };
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger steps = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads.length);
        long end = System.currentTimeMillis() + MILLIS;
        for (int t = 0; t < threads.length; t++) {
            Actor[] actors = threads[t];
            Random rnd = new Random(SEED + t);
            pool.execute(() -> {
                try {
                    for (int i = 0; i < MAX_STEPS && System.currentTimeMillis() < end && failures.isEmpty(); i++) {
                        actors[rnd.nextInt(actors.length)].step(rnd);
                        checkNothingCrossed();
                        steps.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(failures).as("failures with seed %d (rerun with -Dtip.random.seed=%d)", SEED, SEED).isEmpty();
        checkNothingCrossed();
        assertThat(steps.get()).as("steps taken").isGreaterThan(100);
    }
}
