package io.storescheduler.adapter.jooq.shared;

import org.jooq.exception.DataAccessException;

/** Reads PostgreSQL's SQLSTATE off a jOOQ exception, for the few errors that mean a refusal. */
public final class PgErrors {

    private static final String UNIQUE_VIOLATION = "23505";

    private PgErrors() {}

    public static boolean isUniqueViolation(DataAccessException e, String constraint) {
        return UNIQUE_VIOLATION.equals(e.sqlState()) && String.valueOf(rootMessage(e)).contains(constraint);
    }

    private static String rootMessage(Throwable e) {
        var cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
