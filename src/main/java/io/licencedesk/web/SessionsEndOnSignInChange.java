package io.licencedesk.web;

import io.licencedesk.accounts.EmailChanged;
import io.licencedesk.accounts.PasswordChanged;
import io.licencedesk.accounts.PersonChanged;
import jakarta.servlet.http.HttpSession;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * When a password is set or changed, every session signed in as that user ends, except the one that
 * changed it: whoever knew the old password (or held a stolen session) is signed out everywhere. When
 * staff change a user's e-mail address, that user's sessions end too (they sign in with the new one).
 */
@Component
class SessionsEndOnSignInChange {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SessionsEndOnSignInChange(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    @TransactionalEventListener
    void on(PasswordChanged changed) {
        String current = currentSessionId();
        sessions.findByPrincipalName(changed.email()).keySet().stream()
                .filter(id -> !id.equals(current))
                .forEach(sessions::deleteById);
    }

    @TransactionalEventListener
    void on(EmailChanged changed) {
        sessions.findByPrincipalName(changed.previousEmail()).keySet().forEach(sessions::deleteById);
    }

    @TransactionalEventListener
    void on(PersonChanged changed) {
        if (changed.endsSessions()) {
            sessions.findByPrincipalName(changed.before().email()).keySet().forEach(sessions::deleteById);
        }
    }

    /**
     * The session of the request that changed it, if it has one. {@code RequestAttributes.getSessionId()} makes one when
     * there is none, so choosing a password through a link, before signing in, made a session row (decision 0132).
     */
    private static String currentSessionId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            HttpSession session = request.getRequest().getSession(false);
            return session == null ? null : session.getId();
        }
        return null;
    }
}
