package io.licencedesk.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which kind of token each part of the REST API is for: the one table that the API chain's rules are made from and
 * that its 403 {@code forbidden} is worded from (SecurityConfiguration). The words were once chosen from the path's
 * prefix beside the rules, and said what the rules did not: a client's token on a plan's write was told the
 * operation "is for staff tokens", when an account manager's is refused too. The first row that matches a request
 * decides it, as Spring Security's rules do.
 */
final class ApiTokenKinds {

    /** A kind of token, the roles that hold it and how a refused request is told which kind to use. */
    enum Kind {
        CLIENT(
                "This operation is for a client's token (the portal's operations, /api/v1/portal/…); a staff token"
                        + " uses the others.",
                "CLIENT"),
        STAFF(
                "This operation is for staff tokens; a client's token uses the portal's operations,"
                        + " /api/v1/portal/….",
                "OWNER",
                "MANAGER"),
        /** Worded with what the row's operations do: "Only an owner's token may create or change plans." */
        OWNER("Only an owner's token may %s.", "OWNER");

        private final String words;
        private final String[] roles;

        Kind(String words, String... roles) {
            this.words = words;
            this.roles = roles;
        }
    }

    /** Requests of one method (any when null) and path pattern, for one kind of token. */
    record Row(RequestMatcher requests, Kind kind, String what) {

        static Row of(HttpMethod method, String pattern, Kind kind) {
            return of(method, pattern, kind, null);
        }

        static Row of(HttpMethod method, String pattern, Kind kind, String what) {
            return new Row(PathPatternRequestMatcher.withDefaults().matcher(method, pattern), kind, what);
        }

        String whyForbidden() {
            return what == null ? kind.words : kind.words.formatted(what);
        }
    }

    /** In the order the rules are tried: the first that matches a request decides it. */
    static final List<Row> ROWS = List.of(
            Row.of(null, "/api/v1/portal/**", Kind.CLIENT),
            Row.of(HttpMethod.POST, "/api/v1/plans", Kind.OWNER, "create or change plans"),
            Row.of(HttpMethod.POST, "/api/v1/plans/**", Kind.OWNER, "create or change plans"),
            Row.of(HttpMethod.PATCH, "/api/v1/plans/**", Kind.OWNER, "create or change plans"),
            Row.of(null, "/api/v1/webhook-endpoints", Kind.OWNER, "manage webhook endpoints"),
            Row.of(null, "/api/v1/webhook-endpoints/**", Kind.OWNER, "manage webhook endpoints"),
            Row.of(null, "/api/v1/**", Kind.STAFF));

    /** Said only if a request that no row matches were refused: none is (the rest needs any valid token). */
    static final String NO_ROW = "This token's person may not do this (their role does not allow it).";

    private ApiTokenKinds() {}

    /** The rows as the chain's rules; any other address under /api needs a token, of any kind. */
    static void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        for (Row row : ROWS) {
            requests.requestMatchers(row.requests()).hasAnyRole(row.kind().roles);
        }
        requests.anyRequest().authenticated();
    }

    /**
     * Which tokens the refused operation is for, from the row that refused it: "their role does not allow it" left a
     * developer holding a client's token on a staff operation (or the other way round) to find out which kind it
     * needed.
     */
    static String whyForbidden(HttpServletRequest request) {
        return ROWS.stream()
                .filter(row -> row.requests().matches(request))
                .findFirst()
                .map(Row::whyForbidden)
                .orElse(NO_ROW);
    }
}
