package io.licencedesk.shared;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Tells a database that cannot be reached from the other failures, for the pages' 503 and the jobs' log. */
public final class DatabaseFailures {

    private DatabaseFailures() {}

    /** Whether the failure is the database not answering (no connection in time, refused, dropped). */
    public static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && connectionGone(sql.getSQLState())) {
                return true;
            }
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ConnectException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08, connection exception: a pooled connection whose database went away ("An I/O error occurred
     * while sending to the backend", 08006), also when it surfaces as a failed rollback. And PostgreSQL's 57P01-57P03:
     * what a connection open when the server is stopped gets ("terminating connection due to administrator command"),
     * after a crash, or while it starts again ("the database system is starting up").
     */
    private static boolean connectionGone(String sqlState) {
        return sqlState != null
                && (sqlState.startsWith("08")
                        || sqlState.equals("57P01")
                        || sqlState.equals("57P02")
                        || sqlState.equals("57P03"));
    }

    /** The deepest cause, as "ConnectException: Connection refused", on one line: enough for a log while it lasts. */
    public static String inOneLine(Throwable failure) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
        String message =
                cause.getMessage() == null ? "" : ": " + cause.getMessage().strip();
        return (cause.getClass().getSimpleName() + message).replaceAll("\\s+", " ");
    }
}
