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
            // SQLSTATE class 08, connection exception: a pooled connection whose database went away ("An I/O error
            // occurred while sending to the backend", 08006), also when it surfaces as a failed rollback
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
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

    /** The deepest cause, as "ConnectException: Connection refused", on one line: enough for a log while it lasts. */
    public static String inOneLine(Throwable failure) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
        String message =
                cause.getMessage() == null ? "" : ": " + cause.getMessage().strip();
        return (cause.getClass().getSimpleName() + message).replaceAll("\\s+", " ");
    }
}
