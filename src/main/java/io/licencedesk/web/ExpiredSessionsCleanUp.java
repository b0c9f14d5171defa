package io.licencedesk.web;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Deletes the expired sessions every minute, as Spring Session does on a scheduler of its own, which is switched off
 * ({@code spring.session.jdbc.cleanup-cron=-}): there, while the database was away, each minute's failure was a stack
 * trace in the log. As one of the application's jobs, it is logged as they are (one line while the database is away,
 * JobFailureLog) and counted in the job metric.
 */
@Component
class ExpiredSessionsCleanUp {

    private final JdbcIndexedSessionRepository sessions;

    ExpiredSessionsCleanUp(JdbcIndexedSessionRepository sessions) {
        this.sessions = sessions;
    }

    @Scheduled(cron = "0 * * * * *")
    void cleanUp() {
        sessions.cleanUpExpiredSessions();
    }
}
