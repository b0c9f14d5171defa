package io.licencedesk.web;

import io.licencedesk.accounts.PasswordChanged;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * When a password is set or changed, every session signed in as that user ends, except the one that
 * changed it: whoever knew the old password (or held a stolen session) is signed out everywhere.
 */
@Component
class SessionsEndOnPasswordChange {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SessionsEndOnPasswordChange(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    @TransactionalEventListener
    void on(PasswordChanged changed) {
        String current = currentSessionId();
        sessions.findByPrincipalName(changed.email()).keySet().stream()
                .filter(id -> !id.equals(current))
                .forEach(sessions::deleteById);
    }

    private static String currentSessionId() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? null : request.getSessionId();
    }
}
