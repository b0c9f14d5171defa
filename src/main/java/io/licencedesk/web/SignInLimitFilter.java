package io.licencedesk.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands before the sign-in form's processing: past the limits of {@link SignInLimits}, the sign-in page
 * says how long to wait and the password is not checked. Runs after the CSRF check, so a forged post
 * counts nothing.
 */
final class SignInLimitFilter extends OncePerRequestFilter {

    private static final RequestMatcher SIGN_IN =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");

    private final SignInLimits limits;

    SignInLimitFilter(SignInLimits limits) {
        this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !SIGN_IN.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        OptionalLong wait = limits.attempt(request.getParameter("email"), request.getRemoteAddr());
        if (wait.isPresent()) {
            response.sendRedirect(request.getContextPath() + "/login?tooMany=" + wait.getAsLong());
            return;
        }
        chain.doFilter(request, response);
    }

    /** The form's failure handler: counts the failure against the e-mail typed, then shows "Wrong e-mail or password". */
    static AuthenticationFailureHandler countingFailures(SignInLimits limits) {
        var showFailed = new SimpleUrlAuthenticationFailureHandler("/login?failed");
        return (request, response, failure) -> {
            limits.failed(request.getParameter("email"));
            showFailed.onAuthenticationFailure(request, response, failure);
        };
    }
}
