package io.tipdata.hibernate;

/**
 * Where the PostgreSQL and MariaDB tests connect: system properties {@code tip.pg.url},
 * {@code tip.pg.user}, {@code tip.pg.password}, {@code tip.mariadb.url}, {@code tip.mariadb.user} and
 * {@code tip.mariadb.password}, with this machine's local services as defaults.
 */
public final class TestServers {

    /** PostgreSQL JDBC URL. */
    public static final String PG_URL = System.getProperty("tip.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
    /** PostgreSQL user. */
    public static final String PG_USER = System.getProperty("tip.pg.user", "postgres");
    /** PostgreSQL password. */
    public static final String PG_PASSWORD = System.getProperty("tip.pg.password", "");
    /** MariaDB JDBC URL. */
    public static final String MARIADB_URL = System.getProperty("tip.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test");
    /** MariaDB user. */
    public static final String MARIADB_USER = System.getProperty("tip.mariadb.user", "root");
    /** MariaDB password. */
    public static final String MARIADB_PASSWORD = System.getProperty("tip.mariadb.password", "");

    private TestServers() {
    }
}
