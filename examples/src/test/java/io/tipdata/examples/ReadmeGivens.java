package io.tipdata.examples;

import io.micrometer.core.instrument.MeterRegistry;
import io.tipdata.core.RunRegistry;
import io.tipdata.core.TestRun;
import io.tipdata.core.micrometer.PurgeMetrics;
import io.tipdata.jdbc.ShadowSchema;
import io.tipdata.jdbc.TablePolicies;
import io.tipdata.jdbc.TipDataSource;
import jakarta.servlet.ServletContext;
import java.net.URI;
import javax.sql.DataSource;

/**
 * What the README's Java snippets take as given (the preamble of every snippet): each snippet is compiled as a
 * method of a subclass of this class. A snippet may use these names without declaring them: the application's
 * own objects, and what an earlier snippet of the README made ({@code policies}, {@code shadow} and
 * {@code dataSource} of "Wrap the DataSource"); anything else it must declare or import.
 */
public abstract class ReadmeGivens {

    /** The table policies of "Wrap the DataSource". */
    protected TablePolicies policies;
    /** The shadow schema of "Wrap the DataSource". */
    protected ShadowSchema shadow;
    /** The data source of "Wrap the DataSource". */
    protected TipDataSource dataSource;
    /** The TipDataSource as Hibernate is given it. */
    protected DataSource tipDataSource;
    /** The production pool's JDBC URL. */
    protected String jdbcUrl;
    /** A test run. */
    protected TestRun run;
    /** The application's run registry (the filter's). */
    protected RunRegistry registry;
    /** The application's Micrometer registry. */
    protected MeterRegistry meterRegistry;
    /** The purge job's metrics, bound to {@link #meterRegistry}. */
    protected PurgeMetrics purgeMetrics;

    /** The application's connection pool (HikariCP in the README). */
    protected DataSource hikari;
    /** The same pool, named as the registry's raw data source. */
    protected DataSource rawDataSource;
    /** The servlet context the filter is added to. */
    protected ServletContext servletContext;
    /** An outbound call's address. */
    protected URI uri;
    /** An order id. */
    protected long id;

    /** The test identity's connection pool. */
    protected DataSource testConnections;

    /** The application's own customer entity. */
    protected record Customer(long id) {
    }

    /** The application's own product entity. */
    protected record Product(long id) {
    }

    /** The application's own order type. */
    protected record Order(long id) {
    }

    /** The application loading an order. */
    protected Order load(long orderId) {
        return new Order(orderId);
    }

    /** The application pricing an order. */
    protected Order price(Order order) {
        return order;
    }

    /** Some work of the application. */
    protected void work() {
    }
}
