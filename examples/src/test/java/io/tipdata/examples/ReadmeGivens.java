package io.tipdata.examples;

import jakarta.servlet.ServletContext;
import java.net.URI;
import javax.sql.DataSource;

/**
 * What the README's Java snippets take as given: each snippet is compiled as a method of a subclass of
 * this class. A snippet may use these names without declaring them; anything else it must declare or import.
 */
public abstract class ReadmeGivens {

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
