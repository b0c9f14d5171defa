package io.licencedesk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * The pages' form tokens: in the session of whoever has one (everyone signed in), and in a cookie for a visitor
 * without a session (the sign-in page, the password pages), so that reading a form makes no session row
 * (decision 0127): the sign-in page made one for its token, for every visitor and scanner who opened it. The cookie
 * holds the token only (Spring Security's double-submit repository), HttpOnly and SameSite=Lax; a form from another
 * site cannot read it, so it cannot send the token beside it. Once a session exists only its token counts, and a new
 * one is made for it at sign-in, as before.
 *
 * <p>The token Spring Security makes up to check a change sent without any session (a robot's POST, a form of another
 * site, a form whose session ended) is saved nowhere (decision 0123): it was never on any page, so the request is
 * refused whatever it sent, and saving it made a session row (now it would make a cookie) for a visitor who was only
 * being refused. The refusal's page still shows it; nothing can send it back.
 */
final class NoSessionForARefusedForm implements CsrfTokenRepository {

    static final String COOKIE = "FORM_TOKEN";

    private final CsrfTokenRepository session = new HttpSessionCsrfTokenRepository();
    private final CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();

    NoSessionForARefusedForm() {
        cookie.setCookieName(COOKIE);
        // The names the session's tokens have, which the pages' scripts and ViewAsRefusals read.
        cookie.setHeaderName("X-CSRF-TOKEN");
        cookie.setParameterName("_csrf");
        cookie.setCookieCustomizer(attributes -> attributes.sameSite("Lax").path("/"));
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return session.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (token == null || request.getSession(false) != null) {
            // Signing in or out forgets the session's token; a cookie's is left, unused while a session exists.
            session.saveToken(token, request, response);
            return;
        }
        if (CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request)) {
            return;
        }
        cookie.saveToken(token, request, response);
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return request.getSession(false) != null ? session.loadToken(request) : cookie.loadToken(request);
    }
}
