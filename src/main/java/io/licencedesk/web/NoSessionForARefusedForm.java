package io.licencedesk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * The pages' form tokens, kept in the session as Spring Security keeps them, except the one it makes up to check a
 * change sent without any session (a robot's POST, a form of another site, a form whose session ended): that token
 * was never on any page, so the request is refused whatever it sent, and saving it made a session row for a visitor
 * who was only being refused (and a session cookie in the answer). The refusal's page still shows it; nothing can
 * send it back. A page asked for (GET) keeps its token, so that its forms work.
 */
final class NoSessionForARefusedForm implements CsrfTokenRepository {

    private final CsrfTokenRepository session = new HttpSessionCsrfTokenRepository();

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return session.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (token != null && request.getSession(false) == null && CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request)) {
            return;
        }
        session.saveToken(token, request, response);
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return session.loadToken(request);
    }
}
