package io.licencedesk.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * Stands before a password is checked: past the limits of {@link SignInLimits}, the password is not
 * checked and the caller is told how long to wait. Two doors have passwords: the sign-in form (the page
 * then says how long to wait) and HTTP Basic on the actuator, for metrics scrapers (429 with Retry-After, the wait in
 * plain text to a scraper: ActuatorRefusals).
 * The form's filter runs after the CSRF check, so a forged post counts nothing. A sign-in from a trusted
 * device is marked on the request, for the authentication details to carry.
 */
abstract sealed class SignInLimitFilter extends OncePerRequestFilter {

    private final SignInLimits limits;

    private SignInLimitFilter(SignInLimits limits) {
        this.limits = limits;
    }

    static SignInLimitFilter form(SignInLimits limits) {
        return new Form(limits);
    }

    static SignInLimitFilter httpBasic(SignInLimits limits, ActuatorRefusals refusals) {
        return new HttpBasic(limits, refusals);
    }

    /** The account the request signs in to, or null when it does not sign in. */
    abstract String account(HttpServletRequest request);

    /** The device cookie the request shows, or null. */
    abstract String deviceCookie(HttpServletRequest request);

    abstract void refuse(HttpServletRequest request, HttpServletResponse response, long seconds) throws IOException;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String account = account(request);
        if (account != null) {
            SignInLimits.Verdict verdict = limits.attempt(account, request.getRemoteAddr(), deviceCookie(request));
            if (verdict.refused()) {
                refuse(request, response, verdict.secondsToWait());
                return;
            }
            if (verdict.trustedDevice() != null) {
                request.setAttribute(SignInLimits.TRUSTED_DEVICE, verdict.trustedDevice());
            }
        }
        chain.doFilter(request, response);
    }

    private static final class Form extends SignInLimitFilter {

        private static final RequestMatcher SIGN_IN =
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");

        Form(SignInLimits limits) {
            super(limits);
        }

        @Override
        String account(HttpServletRequest request) {
            if (!SIGN_IN.matches(request)) {
                return null;
            }
            String email = request.getParameter("email");
            return email == null ? "" : email;
        }

        @Override
        String deviceCookie(HttpServletRequest request) {
            Cookie cookie = WebUtils.getCookie(request, SignInDevices.COOKIE);
            return cookie == null ? null : cookie.getValue();
        }

        @Override
        void refuse(HttpServletRequest request, HttpServletResponse response, long seconds) throws IOException {
            HomeController.rememberEmail(request, response);
            response.sendRedirect(request.getContextPath() + "/login?tooMany=" + seconds);
        }
    }

    private static final class HttpBasic extends SignInLimitFilter {

        private final ActuatorRefusals refusals;

        HttpBasic(SignInLimits limits, ActuatorRefusals refusals) {
            super(limits);
            this.refusals = refusals;
        }

        @Override
        String account(HttpServletRequest request) {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return null;
            }
            try {
                String credentials = new String(
                        Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = credentials.indexOf(':');
                return colon < 0 ? credentials : credentials.substring(0, colon);
            } catch (IllegalArgumentException notBase64) {
                return null; // Spring Security's own filter refuses it
            }
        }

        /** Metrics scrapers are no browsers, and the cookie is only sent to the sign-in page. */
        @Override
        String deviceCookie(HttpServletRequest request) {
            return null;
        }

        @Override
        void refuse(HttpServletRequest request, HttpServletResponse response, long seconds) throws IOException {
            refusals.tooManySignIns(request, response, seconds);
        }
    }
}
