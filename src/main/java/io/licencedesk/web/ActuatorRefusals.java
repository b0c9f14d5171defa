package io.licencedesk.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.servlet.LocaleResolver;

/**
 * What the actuator answers a request without an owner's HTTP Basic, or with a wrong one: always 401 with {@code
 * WWW-Authenticate: Basic}. A browser (which asks for HTML) gets the "Sign-in required" page, which says to send HTTP
 * Basic, and shows its own sign-in box for the challenge; a page's script gets the {@code unauthenticated} problem
 * (decision 0104). Everything else, a metrics scraper (Prometheus asks for OpenMetrics, then text, then anything), a
 * monitoring probe, curl, gets one line of plain text (decision 0163): it was sent the whole HTML page, which its error
 * report quoted as markup.
 */
final class ActuatorRefusals implements AuthenticationEntryPoint {

    static final String CHALLENGE = "Basic realm=\"LicenceDesk\", charset=\"UTF-8\"";

    private final LocaleResolver languages;
    private final Words words;

    ActuatorRefusals(LocaleResolver languages, Words words) {
        this.languages = languages;
        this.words = words;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException, ServletException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        if (ScriptRequests.isScript(request) || asksForAPage(request)) {
            // The error page or the problem, chosen by the error dispatch as for every other refusal.
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8).toString());
        response.getWriter().write(words.of(languages.resolveLocale(request), "error.script.httpBasic") + "\n");
        response.flushBuffer();
    }

    /**
     * Past the sign-in limits (SignInLimitFilter), told as a refusal is: a browser or a page's script gets the error
     * page or the problem, anything else the wait in one line of plain text (it was sent the whole HTML error page).
     */
    void tooManySignIns(HttpServletRequest request, HttpServletResponse response, long seconds) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        if (ScriptRequests.isScript(request) || asksForAPage(request)) {
            response.sendError(429, "Too many sign-in attempts");
            return;
        }
        response.setStatus(429);
        response.setContentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8).toString());
        Locale locale = languages.resolveLocale(request);
        response.getWriter().write(words.of(locale, "signIn.tooMany", WaitInWords.of(seconds, locale, words)) + "\n");
        response.flushBuffer();
    }

    /** A browser's request: it names HTML among the types it takes (a scraper's and curl's do not). */
    private static boolean asksForAPage(HttpServletRequest request) {
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
        return accepted.stream()
                .anyMatch(type -> type.getQualityValue() > 0
                        && (type.equalsTypeAndSubtype(MediaType.TEXT_HTML)
                                || type.equalsTypeAndSubtype(MediaType.APPLICATION_XHTML_XML)));
    }
}
