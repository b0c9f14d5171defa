package io.licencedesk.web;

import io.licencedesk.accounts.ApiCaller;
import io.licencedesk.accounts.ApiTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The REST API's only way in: {@code Authorization: Bearer <token>}. A request without a token that counts is
 * answered 401 before anything else; a read-only token's write is 403; a token past its rate limit is 429 with
 * {@code Retry-After}. Every answer carries the token's RateLimit headers. The browser session is never read
 * here, so an API request needs no CSRF token and cannot ride on a signed-in browser.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final ApiTokens tokens;
    private final ApiRateLimits limits;
    private final ApiProblemWriter problems;

    ApiTokenFilter(ApiTokens tokens, ApiRateLimits limits, ApiProblemWriter problems) {
        this.tokens = tokens;
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<ApiCaller> caller =
                bearer(request).flatMap(token -> tokens.authenticate(token, request.getRemoteAddr()));
        if (caller.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"LicenceDesk API\"");
            problems.write(
                    request,
                    response,
                    ApiProblemWriter.problem(
                            HttpStatus.UNAUTHORIZED,
                            "unauthenticated",
                            "Authentication required",
                            "Send a valid API token as \"Authorization: Bearer ldk_live_…\". It may be unknown,"
                                    + " revoked or expired, or its person disabled."));
            return;
        }
        ApiRateLimits.Verdict verdict = limits.take(caller.get().tokenId());
        response.setHeader("RateLimit-Limit", Integer.toString(verdict.limit()));
        response.setHeader("RateLimit-Remaining", Integer.toString(verdict.remaining()));
        response.setHeader("RateLimit-Reset", Long.toString(verdict.resetSeconds()));
        response.setHeader("RateLimit-Policy", verdict.limit() + ";w=60");
        if (!verdict.allowed()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(verdict.resetSeconds()));
            problems.write(
                    request,
                    response,
                    ApiProblemWriter.problem(
                            HttpStatus.TOO_MANY_REQUESTS,
                            "rate-limited",
                            "Too many requests",
                            "This token made more than " + verdict.limit() + " requests this minute; try again in "
                                    + WaitInWords.inEnglish(verdict.resetSeconds()) + "."));
            return;
        }
        if (!READS.contains(request.getMethod()) && !caller.get().mayWrite()) {
            problems.write(
                    request,
                    response,
                    ApiProblemWriter.problem(
                            HttpStatus.FORBIDDEN,
                            "read-only-token",
                            "Read-only token",
                            "This token may only read. Make a read-write token to change anything."));
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiTokenAuthentication(caller.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static Optional<String> bearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).strip());
    }
}
