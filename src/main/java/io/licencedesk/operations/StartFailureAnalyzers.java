package io.licencedesk.operations;

import io.licencedesk.shared.SettingRefusedException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * What an operator reads when a node does not start: Spring Boot prints a failure analysis ("APPLICATION FAILED TO
 * START", a description and an action) instead of a chain of some 150 lines of nested bean-creation stack traces
 * whose one useful line was the last (seen on a first install with a wrong database password, the database down, or
 * no key-encryption key). Registered in META-INF/spring.factories; the stack trace is still logged at debug.
 */
final class StartFailureAnalyzers {

    private StartFailureAnalyzers() {}

    /** A setting the application refused: its message already names the setting and what to give. */
    static final class RefusedSetting extends AbstractFailureAnalyzer<SettingRefusedException> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, SettingRefusedException cause) {
            return new FailureAnalysis(
                    cause.getMessage(),
                    "Correct the setting and start the node again (docs/operations.md, \"Settings\").",
                    cause);
        }
    }

    /**
     * The database could not be reached or refused the account. A node does not wait for its database at start: it
     * stops, and the service manager starts it again (docs/operations.md, "When a node does not start").
     */
    static final class DatabaseUnreachable extends AbstractFailureAnalyzer<SQLException> {

        private final Environment environment;

        DatabaseUnreachable(Environment environment) {
            this.environment = environment;
        }

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
            String state = cause.getSQLState() == null ? "" : cause.getSQLState();
            String action = actionFor(state, cause);
            if (action == null) {
                return null;
            }
            String url = environment.getProperty("spring.datasource.url", "(none)");
            String user = environment.getProperty("spring.datasource.username", "(none)");
            return new FailureAnalysis(
                    "The node could not connect to the database " + url + " as " + user + ": " + cause.getMessage(),
                    action,
                    cause);
        }

        /** What to check for this SQLSTATE (PostgreSQL's codes), or null when it is not a connection failure. */
        private static String actionFor(String state, SQLException cause) {
            if (state.startsWith("28")) {
                return "Check SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD: the database refused that"
                        + " account or its password.";
            }
            if (state.equals("3D000")) {
                return "Create the database, owned by the account the node connects as (docs/operations.md,"
                        + " \"PostgreSQL\"), or correct the database's name in SPRING_DATASOURCE_URL.";
            }
            if (state.startsWith("08")
                    || causedBy(cause, ConnectException.class)
                    || causedBy(cause, UnknownHostException.class)) {
                return "Check SPRING_DATASOURCE_URL (host, port and database) and that PostgreSQL runs and accepts"
                        + " connections from this machine. The node does not wait for its database at start: let the"
                        + " service manager start it again (e.g. systemd's Restart=on-failure).";
            }
            return null;
        }

        private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (type.isInstance(cause)) {
                    return true;
                }
            }
            return false;
        }
    }
}
