package io.watchkeeper.auditors.gcp.sql;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One CIS GCP 3.0 database-flag recommendation as data: the engine, the flag, the values that pass and
 * whether an unset flag passes (GCP's default for that flag).
 *
 * @param cis the CIS id (6.1.2 …)
 * @param engine MYSQL, POSTGRES or SQLSERVER (a prefix of the database version)
 * @param flag the flag's name
 * @param slug the check id's suffix
 * @param good the values that pass, lower case
 * @param unsetPasses whether leaving the flag unset passes (the engine's default is good)
 * @param wanted what CIS wants, for messages
 */
public record DatabaseFlag(String cis, String engine, String flag, String slug, Set<String> good, boolean unsetPasses,
                           String wanted) {

    /** Whether {@code value} (null: unset) fails the recommendation. */
    public boolean fails(String value) {
        if (value == null) {
            return !unsetPasses;
        }
        return !good.contains(value.strip().toLowerCase(Locale.ROOT));
    }

    private static final Set<String> ON = Set.of("on");
    private static final Set<String> OFF = Set.of("off");

    public static final List<DatabaseFlag> CIS = List.of(
            new DatabaseFlag("6.1.2", "MYSQL", "skip_show_database", "mysql-skip-show-database-off", ON, false, "on"),
            new DatabaseFlag("6.1.3", "MYSQL", "local_infile", "mysql-local-infile-on", OFF, false, "off"),
            new DatabaseFlag("6.2.1", "POSTGRES", "log_error_verbosity", "postgres-log-error-verbosity-verbose",
                    Set.of("default", "terse"), true, "DEFAULT or TERSE"),
            new DatabaseFlag("6.2.2", "POSTGRES", "log_connections", "postgres-log-connections-off", ON, false, "on"),
            new DatabaseFlag("6.2.3", "POSTGRES", "log_disconnections", "postgres-log-disconnections-off", ON, false, "on"),
            new DatabaseFlag("6.2.4", "POSTGRES", "log_statement", "postgres-log-statement-none",
                    Set.of("ddl", "mod", "all"), false, "ddl (or mod, all)"),
            new DatabaseFlag("6.2.5", "POSTGRES", "log_min_messages", "postgres-log-min-messages-above-warning",
                    Set.of("debug5", "debug4", "debug3", "debug2", "debug1", "info", "notice", "warning"), true,
                    "WARNING or more verbose"),
            new DatabaseFlag("6.2.6", "POSTGRES", "log_min_error_statement", "postgres-log-min-error-statement-above-error",
                    Set.of("debug5", "debug4", "debug3", "debug2", "debug1", "info", "notice", "warning", "error"), true,
                    "ERROR or more verbose"),
            new DatabaseFlag("6.2.7", "POSTGRES", "log_min_duration_statement", "postgres-log-min-duration-statement-on",
                    Set.of("-1"), true, "-1 (disabled)"),
            new DatabaseFlag("6.2.8", "POSTGRES", "cloudsql.enable_pgaudit", "postgres-pgaudit-off", ON, false, "on"),
            new DatabaseFlag("6.3.1", "SQLSERVER", "external scripts enabled", "sqlserver-external-scripts-on", OFF, true, "off"),
            new DatabaseFlag("6.3.2", "SQLSERVER", "cross db ownership chaining", "sqlserver-cross-db-ownership-chaining-on",
                    OFF, true, "off"),
            new DatabaseFlag("6.3.3", "SQLSERVER", "user connections", "sqlserver-user-connections-limited", Set.of("0"), true,
                    "0 (no limit; the default)"),
            new DatabaseFlag("6.3.4", "SQLSERVER", "user options", "sqlserver-user-options-set", Set.of(), true, "unset"),
            new DatabaseFlag("6.3.5", "SQLSERVER", "remote access", "sqlserver-remote-access-on", OFF, false, "off"),
            new DatabaseFlag("6.3.6", "SQLSERVER", "3625", "sqlserver-trace-flag-3625-off", ON, false, "on"),
            new DatabaseFlag("6.3.7", "SQLSERVER", "contained database authentication",
                    "sqlserver-contained-database-authentication-on", OFF, true, "off"));
}
