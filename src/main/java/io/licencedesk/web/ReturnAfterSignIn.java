package io.licencedesk.web;

import io.licencedesk.shared.ControlCharacters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * The page a person asked for before signing in, to return to after (decision 0127). Spring Security kept the whole
 * request in the session, so every anonymous GET of a page behind the sign-in (a scanner's {@code /wp-admin}, a
 * bookmark) made a session row. Only its path and query are kept here, in a cookie that only the sign-in page is sent
 * ({@code Path=/login}) and that lives an hour: nothing is stored at the server until someone signs in. The path is
 * checked as a local one when it is kept and again when it is read, so a cookie set by anyone else cannot send a
 * person to another site.
 */
final class ReturnAfterSignIn implements RequestCache {

    static final String COOKIE = "RETURN_TO";

    private static final SignInPageCookie KEPT = new SignInPageCookie(COOKIE, Duration.ofHours(1));

    /** Longer addresses are not kept: a browser's cookie holds about 4 KB, and no page of ours needs more. */
    private static final int LONGEST = 2000;

    @Override
    public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
        if (!"GET".equals(request.getMethod()) || ScriptRequests.isScript(request) || !asksForAPage(request)) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String asked = request.getQueryString() == null ? path : path + "?" + request.getQueryString();
        if (path.equals("/") || local(asked).isEmpty()) {
            return;
        }
        KEPT.keep(request, response, asked);
    }

    /**
     * Whether the request is a browser's navigation to a page, which asks for HTML by name: an icon or an image a page
     * refers to (a browser asks for {@code /favicon.ico} by itself) must not replace the page to return to, as
     * Spring's own cache left out favicons; a program asking for anything gets nothing kept.
     */
    private static boolean asksForAPage(HttpServletRequest request) {
        if (request.getHeader("HX-Request") != null) {
            return false; // a part of a page, which alone is no page to return to
        }
        for (String accept : Collections.list(request.getHeaders("Accept"))) {
            if (accept.toLowerCase(Locale.ROOT).contains("text/html")) {
                return true;
            }
        }
        return false;
    }

    /** The local address kept for this browser, if any; it is forgotten as it is read. */
    static Optional<String> take(HttpServletRequest request, HttpServletResponse response) {
        return KEPT.take(request, response).flatMap(ReturnAfterSignIn::local);
    }

    /**
     * The address when it is a path of this site: one slash first (two, or a backslash a browser reads as one, name
     * another host), no space or control character, not too long. A browser drops tabs and line breaks from an address
     * before reading it ({@code /<tab>/evil.example} is {@code //evil.example}, another host), and a request's own
     * path and query never hold them unencoded; a line break would also split the redirect's header.
     */
    static Optional<String> local(String address) {
        if (address == null
                || address.length() > LONGEST
                || !address.startsWith("/")
                || address.startsWith("//")
                || address.indexOf('\\') >= 0
                || address.chars().anyMatch(c -> c <= ' ')
                || ControlCharacters.in(address)) {
            return Optional.empty();
        }
        return Optional.of(address);
    }

    /** Spring Security's own use of a saved request (replaying it after sign-in) is not wanted: HomeByRole redirects. */
    @Override
    public SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
        return null;
    }

    @Override
    public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
        return null;
    }

    @Override
    public void removeRequest(HttpServletRequest request, HttpServletResponse response) {}
}
