package io.licencedesk.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's data source, with which a request waits for a database connection at most once. While the
 * database is away, every connection asked for waits HikariCP's whole connection timeout before it fails, and a
 * request that failed once still asks again on its way out: Spring Session saves the new session when the page is
 * written and again when the request ends, and looks the session up again after a failed look-up (the flash map, then
 * the request-handled event). The sign-in page waited twice for its 503. Once a connection could not be had within
 * the request ({@link #during}), the request's later ones fail at once with the same cause.
 */
final class OneConnectionWait extends DelegatingDataSource {

    private static final ThreadLocal<Request> CURRENT = new ThreadLocal<>();

    OneConnectionWait(DataSource target) {
        super(target);
    }

    /**
     * Opens the request's scope on this thread, closed when the returned scope is; a scope already open (a request
     * dispatched within another) stays the one that counts.
     */
    static Request during() {
        if (CURRENT.get() != null) {
            return Request.NESTED;
        }
        Request request = new Request();
        CURRENT.set(request);
        return request;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connect(super::getConnection);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return connect(() -> super.getConnection(username, password));
    }

    private static Connection connect(Connect connect) throws SQLException {
        Request request = CURRENT.get();
        if (request == null) {
            return connect.connection(); // not a request: a job, the start
        }
        request.failIfFailedBefore();
        try {
            return connect.connection();
        } catch (SQLException failure) {
            request.failed = failure;
            throw failure;
        }
    }

    private interface Connect {
        Connection connection() throws SQLException;
    }

    /** One request's connection failure, if it had one. */
    static class Request implements AutoCloseable {

        private static final Request NESTED = new Request() {
            @Override
            public void close() {}
        };

        private SQLException failed;

        private void failIfFailedBefore() throws SQLTransientConnectionException {
            if (failed != null) {
                throw new SQLTransientConnectionException(
                        "Not asked again within this request: " + failed.getMessage(), failed.getSQLState(), failed);
            }
        }

        @Override
        public void close() {
            CURRENT.remove();
        }
    }
}
