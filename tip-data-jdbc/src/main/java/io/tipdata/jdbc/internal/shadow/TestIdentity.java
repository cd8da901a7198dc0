package io.tipdata.jdbc.internal.shadow;

import io.tipdata.jdbc.Dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database identity a connection logged in as: the PostgreSQL session user, the MariaDB account
 * ({@code user@host} as the server matched it) or the H2 user.
 *
 * @param name    the login (user part on MariaDB)
 * @param host    the MariaDB host part of the account; empty elsewhere
 * @param dialect the database
 */
public record TestIdentity(String name, String host, Dialect dialect) {

    /** The identity the connection is logged in as. */
    public static TestIdentity of(Connection connection, Dialect dialect) throws SQLException {
        String query = switch (dialect) {
            case POSTGRESQL -> "SELECT session_user";
            case MARIADB -> "SELECT CURRENT_USER()";
            case H2 -> "SELECT CURRENT_USER";
        };
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            String user = rs.getString(1);
            if (dialect == Dialect.MARIADB) {
                int at = user.lastIndexOf('@');
                return new TestIdentity(user.substring(0, at), user.substring(at + 1), dialect);
            }
            return new TestIdentity(user, "", dialect);
        }
    }

    /** The identity of that login name ({@code user} or, on MariaDB, {@code user@host}; host {@code %} if none). */
    public static TestIdentity named(String login, Dialect dialect) {
        int at = login.lastIndexOf('@');
        if (dialect == Dialect.MARIADB) {
            return at < 0 ? new TestIdentity(login, "%", dialect)
                    : new TestIdentity(login.substring(0, at), login.substring(at + 1), dialect);
        }
        return new TestIdentity(login, "", dialect);
    }

    /** The identity as {@code GRANT ... TO} names it. */
    String grantee() {
        return switch (dialect) {
            case MARIADB -> literal(name) + "@" + literal(host);
            case POSTGRESQL, H2 -> "\"" + name.replace("\"", "\"\"") + "\"";
        };
    }

    private static String literal(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    @Override
    public String toString() {
        return dialect == Dialect.MARIADB ? name + "@" + host : name;
    }
}
