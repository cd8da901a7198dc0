package io.tipdata.jdbc.internal.rewrite;



import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Functions refused in test context because they reach outside the statement's tables: files, other
 * databases, SQL given as text (including text search's {@code ts_stat}), large objects, session settings and
 * variables, session-held locks, other sessions (notifications, cancelling), server state and moving a sequence.
 *
 * <p>Exact names: {@link #NAMES}; any name starting with one of {@link #PREFIXES} too. Matching ignores
 * case and any schema qualifier. Drawing from a sequence ({@code nextval}) and {@code sleep} are allowed.
 */
public final class DeniedFunctions {

    static final Set<String> NAMES = Set.of(
            // PostgreSQL: files, SQL as text, settings, other sessions
            "pg_read_file", "pg_read_binary_file", "pg_stat_file", "pg_file_write",
            "ts_stat", "ts_rewrite",
            "set_config", "pg_terminate_backend", "pg_cancel_backend", "pg_reload_conf", "pg_notify",
            "pg_switch_wal", "pg_create_restore_point", "pg_rotate_logfile", "pg_promote",
            // PostgreSQL and MariaDB: moving a (production) sequence back makes production inserts collide
            "setval",
            // MariaDB: files, user-level locks
            "load_file", "get_lock", "release_lock", "release_all_locks", "sys_exec", "sys_eval",
            // H2: files, linked schemas, session variables, other sessions
            "file_read", "file_write", "csvread", "csvwrite", "link_schema", "set", "cancel_session",
            "abort_session");

    static final List<String> PREFIXES = List.of("pg_ls_", "pg_advisory", "pg_try_advisory", "lo_", "dblink",
            // query_to_xml, schema_to_xml_and_xmlschema, database_to_xml...: they run SQL or dump whole schemas
            "query_to_xml", "cursor_to_xml", "table_to_xml", "schema_to_xml", "database_to_xml",
            "pg_stat_reset", "pg_replication_", "pg_create_", "pg_drop_replication", "pg_logical_emit");

    private DeniedFunctions() {
    }

    /** Tells whether the function (possibly schema-qualified, possibly quoted) is refused. */
    public static boolean isDenied(String functionName) {
        if (functionName == null) {
            return false;
        }
        String name = functionName;
        int dot = name.lastIndexOf('.');
        if (dot >= 0) {
            name = name.substring(dot + 1);
        }
        name = name.trim();
        if (name.length() >= 2 && (name.charAt(0) == '"' || name.charAt(0) == '`' || name.charAt(0) == '[')) {
            name = name.substring(1, name.length() - 1);
        }
        name = name.toLowerCase(Locale.ROOT);
        if (NAMES.contains(name)) {
            return true;
        }
        for (String p : PREFIXES) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
