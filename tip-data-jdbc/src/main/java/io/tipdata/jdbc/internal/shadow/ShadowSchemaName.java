package io.tipdata.jdbc.internal.shadow;

import io.tipdata.jdbc.Dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * The shadow schema a configuration means: the name given, or the default. On MariaDB a schema is a
 * database of the whole server, so the default is derived from the application's database,
 * {@code <database>_tip_shadow}, and two applications on one server never share twins; elsewhere it is
 * {@value #DEFAULT}.
 */
public final class ShadowSchemaName {

    /** The default shadow schema on PostgreSQL and H2, and the suffix of MariaDB's default. */
    public static final String DEFAULT = "tip_shadow";

    /** What a shadow schema name may be: unquoted letters, digits and _, at most 63 characters. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private ShadowSchemaName() {
    }

    /** The explicit name if given, otherwise the dialect's default for the connection's database. */
    public static String resolve(String explicit, Dialect dialect, Connection connection) throws SQLException {
        if (explicit != null) {
            return explicit;
        }
        if (dialect != Dialect.MARIADB) {
            return DEFAULT;
        }
        String database = connection.getCatalog();
        if (database == null) {
            throw new SQLException("the connection has no current database, so the default shadow schema"
                    + " <database>_" + DEFAULT + " cannot be derived; name the database in the JDBC URL or set"
                    + " shadowSchema(...)");
        }
        String name = database + "_" + DEFAULT;
        if (!NAME.matcher(name).matches()) {
            throw new SQLException("the default shadow schema '" + name + "' derived from database '" + database
                    + "' is not a plain name of at most 63 letters, digits and _; set shadowSchema(...) explicitly");
        }
        return name;
    }
}
