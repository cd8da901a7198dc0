package io.tipdata.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tipdata.core.KeyRing;
import io.tipdata.core.KeyRingLoader;
import io.tipdata.core.TokenVerifier;
import io.tipdata.core.servlet.TipFilter;
import io.tipdata.jdbc.JdbcRunRegistry;
import io.tipdata.jdbc.ShadowSchema;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TablePolicy;
import io.tipdata.jdbc.TipDataSource;
import jakarta.servlet.DispatcherType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small order service on embedded H2 and Jetty, with tip-data in front of it.
 *
 * <p>Production requests (no {@code X-Tip-Run} header) read and write {@code orders}; requests marked
 * with a valid run token read and write only their run's rows in {@code tip_shadow.orders}. Keys come
 * from the environment variable {@code TIP_DATA_KEYS} ({@code <keyId>=<base64>} lines) or, for a first
 * try, from a demo key file that is created on first start.
 */
public final class ExampleService {

    private static final Logger LOG = LoggerFactory.getLogger(ExampleService.class);

    /** The test identity: a plain H2 user that test connections log in as (the second wall). */
    static final String TEST_USER = "tip_test";

    private final Server server;
    private final HikariDataSource pool;
    private final HikariDataSource testPool;

    private ExampleService(Server server, HikariDataSource pool, HikariDataSource testPool) {
        this.server = server;
        this.pool = pool;
        this.testPool = testPool;
    }

    /** Starts the service on the port in {@code PORT} (default 8080). */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        ExampleService service = start(port, keyRing(), "jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1");
        LOG.info("example service listening on http://localhost:{}/orders", service.port());
        service.server.join();
    }

    /** Starts the service on the port (0 for any free port) with the key ring and H2 URL. */
    public static ExampleService start(int port, KeyRing keys, String h2Url) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(h2Url);
        config.setMaximumPoolSize(8);
        HikariDataSource pool = new HikariDataSource(config);
        createSchema(pool);
        HikariConfig test = new HikariConfig();
        test.setJdbcUrl(h2Url.replace(";DB_CLOSE_DELAY=-1", ""));
        test.setUsername(TEST_USER);
        test.setPassword(TEST_USER);
        test.setMaximumPoolSize(8);
        HikariDataSource testPool = new HikariDataSource(test);

        TablePolicies policies = TablePolicies.builder()
                .table(TablePolicy.ISOLATED, "orders")
                .table(TablePolicy.REFERENCE, "products")
                .build();
        ShadowSchema.builder(pool).policies(policies).testIdentity(testPool).build().create();
        TipDataSource dataSource = TipDataSource.wrap(pool).testConnections(testPool).policies(policies).build();
        JdbcRunRegistry registry = JdbcRunRegistry.builder(pool).build();
        registry.createTable();

        TipFilter filter = TipFilter.builder(TokenVerifier.builder(keys).build()).registry(registry).build();
        ServletContextHandler context = new ServletContextHandler();
        context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
        context.addServlet(new ServletHolder(new OrdersServlet(dataSource)), "/orders");

        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(context);
        server.start();
        return new ExampleService(server, pool, testPool);
    }

    /** The port the service listens on. */
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** Stops the server and closes the pools. */
    public void stop() throws Exception {
        server.stop();
        testPool.close();
        pool.close();
    }

    private static KeyRing keyRing() {
        if (System.getenv("TIP_DATA_KEYS") != null) {
            return KeyRingLoader.fromEnvironment("TIP_DATA_KEYS").load();
        }
        Path file = DemoKeys.ensureFile(Path.of("target", "tip-demo.keys"));
        LOG.info("TIP_DATA_KEYS is not set; using the demo key file {} (mint a token with"
                + " tip-data mint --run demo-1 --ttl 30m --key-id demo --key-file {})", file.toAbsolutePath(), file.toAbsolutePath());
        return KeyRingLoader.fromFile(file).load();
    }

    private static void createSchema(HikariDataSource pool) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS products (sku VARCHAR(20) PRIMARY KEY, name VARCHAR(100) NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS orders (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                    + " sku VARCHAR(20) NOT NULL, qty INT NOT NULL)");
            s.execute("CREATE USER IF NOT EXISTS " + TEST_USER + " PASSWORD '" + TEST_USER + "'");
            s.execute("MERGE INTO products KEY (sku) VALUES ('book', 'A book'), ('pen', 'A pen')");
            s.execute("INSERT INTO orders (sku, qty) SELECT 'book', 1 FROM DUAL WHERE NOT EXISTS (SELECT 1 FROM orders)");
        }
    }
}
