package io.watchkeeper.db;

import java.sql.SQLException;

/** SQL error classification that works whether or not a framework wrapped the driver's exception. */
final class Sql {

    private static final String UNIQUE_VIOLATION = "23505";

    private Sql() {}

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
