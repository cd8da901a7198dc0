package io.tipdata.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Small helpers of the shadow schema and run registry tests: an H2 database of a name of its own, URLs and
 * statements. The PostgreSQL and MariaDB databases, with their logins, come from {@link TestLogins}.
 */
final class ShadowTestDatabases {

    private ShadowTestDatabases() {
    }

    /** An in-memory H2 database of that name, kept until the JVM ends; production schema PUBLIC. */
    static DataSource h2(String name) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    /** The JDBC URL with its database replaced. */
    static String withDatabase(String url, String database) {
        int q = url.indexOf('?');
        String head = q < 0 ? url : url.substring(0, q);
        String tail = q < 0 ? "" : url.substring(q);
        int slash = head.indexOf('/', head.indexOf("//") + 2);
        return (slash < 0 ? head : head.substring(0, slash)) + "/" + database + tail;
    }

    static void execute(DataSource ds, String... sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }
}
