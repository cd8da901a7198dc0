package io.tipdata.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/** The databases tip-data knows how to isolate. */
public enum Dialect {
    /** H2 2.x; unquoted identifiers fold to upper case. */
    H2,
    /** PostgreSQL; unquoted identifiers fold to lower case. */
    POSTGRESQL,
    /** MariaDB (and MySQL); unquoted identifiers keep their case. */
    MARIADB;

    /** Detects the dialect from a connection's metadata. */
    public static Dialect detect(DatabaseMetaData meta) throws SQLException {
        String product = meta.getDatabaseProductName();
        return fromProductName(product);
    }

    /** Maps a JDBC product name to a dialect, or throws a message that names the product. */
    public static Dialect fromProductName(String product) {
        String p = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (p.contains("h2")) {
            return H2;
        }
        if (p.contains("postgres")) {
            return POSTGRESQL;
        }
        if (p.contains("mariadb") || p.contains("mysql")) {
            return MARIADB;
        }
        throw new IllegalArgumentException("unsupported database '" + product
                + "': tip-data supports H2, PostgreSQL and MariaDB; set the dialect explicitly only if the"
                + " database speaks one of them");
    }
}
