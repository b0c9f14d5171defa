package io.licencedesk.web;

import io.licencedesk.shared.UndecodableQuery;
import io.licencedesk.shared.WildcardContentType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query string or form body that cannot be decoded ({@code ?q=%ZZ}, or more fields than Tomcat accepts) is refused
 * with the 400 page before anything reads it. Tomcat throws where parameters are first read, and where that is a
 * template ({@code ${param.sent}} on the password page) the exception came out as a 500. For the pages it is read
 * here, after the character encoding is set and before Spring Security, whose web chain reads the parameters of a
 * form it checks (the CSRF token, the sign-in form): those are refused here. A GET or HEAD, whose parameters the chain
 * does not read, is refused after it ({@link #pageRefusalsFilter}), so that an anonymous visitor is sent to sign in, as on any
 * page, and a signed-in person gets the 400 page with their navigation.
 *
 * <p>Under /api it is read after Spring Security instead ({@link #restApiFilter}): nothing in the API's chain reads a
 * parameter, and who asks is checked first, as for any other request of the API. Read before the chain, an anonymous
 * caller's {@code ?q=%zz}, or a revoked token's, was answered 400 instead of 401; now it is 401, and a valid token's
 * is the 400 {@code bad-parameter} naming the parameter ({@link #undecodable}). The device API (the api module) reads
 * no parameters and is left alone: its check-in is the hot path, and its refusals are problems of its own
 * (ApiRequestFilters, DeviceApiProblems).
 *
 * <p>So is a parameter named as an index or a nested property ({@code name[0]}, {@code client.id}) on a page: no
 * form has one, and Spring's data binding took them as property paths into the form's record, failing with a 500 on
 * every bound form. A wildcard Content-Type ({@code *}/{@code *}) is refused (415) too: it names no format, and
 * Spring MVC fails with a 500 where it reads such a request's headers.
 */
@Configuration(proxyBeanMethods = false)
class UnreadableParameters {

    /** The request attribute that marks a page's request whose parameters are refused once who asks is known. */
    static final String REFUSED = UnreadableParameters.class.getName() + ".REFUSED";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> unreadableParametersFilter() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (WildcardContentType.in(request.getContentType())) {
                    response.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
                    return;
                }
                boolean readByTheChain = !readsNoParameters(request);
                try {
                    if (request.getParameterMap().keySet().stream().anyMatch(UnreadableParameters::propertyPath)) {
                        refuse(request, response, chain, request, readByTheChain);
                        return;
                    }
                } catch (IllegalStateException unreadable) {
                    refuse(request, response, chain, new WithoutParameters(request), readByTheChain);
                    return;
                }
                chain.doFilter(request, response);
            }

            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return UnknownAddressPages.isApi(request);
            }
        });
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    /**
     * A page's request whose parameters are refused: now, when Spring Security's web chain would read them (a form's
     * CSRF token, the sign-in form), or, for a GET or HEAD, which the chain does not read, after the chain has said
     * who asks ({@link #pageRefusalsFilter}): an anonymous visitor is sent to sign in, as for any other page, rather than
     * told that an address they may not open is malformed (decision 0114, as decision 0108 did for the API). The
     * chain gets the request without its parameters, so that nothing there trips on what Tomcat cannot decode (the
     * request cache copies them to replay the page after signing in).
     */
    private static void refuse(
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            HttpServletRequest readable,
            boolean readByTheChain)
            throws IOException, ServletException {
        if (readByTheChain) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        request.setAttribute(REFUSED, true);
        chain.doFilter(readable, response);
    }

    private static boolean readsNoParameters(HttpServletRequest request) {
        return HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
    }

    /**
     * The pages' refusal of what {@link #unreadableParametersFilter} let through, once Spring Security's chain has
     * let the request in: the 400 page, with the person's navigation, or a page's script's {@code bad-request}
     * problem (ErrorDispatchAnswers).
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> pageRefusalsFilter() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (request.getAttribute(REFUSED) != null) {
                    response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                    return;
                }
                chain.doFilter(request, response);
            }

            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return UnknownAddressPages.isApi(request);
            }
        });
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** A request whose parameters Tomcat cannot decode, read as having none. */
    private static final class WithoutParameters extends HttpServletRequestWrapper {

        WithoutParameters(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }

    /**
     * The REST API's check, right after Spring Security's chain (which answered the caller without a valid token 401
     * and the wrong kind of token 403) and before the idempotency filter and the API's body limits.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> restApiFilter(ApiProblemWriter problems) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (WildcardContentType.in(request.getContentType())) {
                    problems.write(
                            request,
                            response,
                            ApiProblemWriter.unsupportedMediaType(
                                    "Send the body as application/json (a licence import's file as text/csv)."));
                    return;
                }
                try {
                    // A posted form's parameters are its body, which the API never takes: it is refused as the
                    // wrong type (415, ApiRequestFilters) with the types the operation takes. Read here, behind
                    // Spring Security's firewall, the body of curl's --data-binary @book.csv (a form unless told
                    // otherwise) made parameter names holding line breaks, which the firewall refused with a bare 400.
                    if (!isForm(request.getContentType())) {
                        request.getParameterMap();
                    }
                } catch (IllegalStateException unreadable) {
                    problems.write(request, response, undecodable(request));
                    return;
                }
                chain.doFilter(request, response);
            }

            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !UnknownAddressPages.isApi(request)
                        || request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/device/");
            }
        });
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /**
     * The API's answer to parameters Tomcat could not decode: a 400 {@code bad-parameter} that names the parameter in
     * {@code errors}, as every other 400 of the API does, or the query string when no parameter can be named (its
     * name is what cannot be decoded). One that said only "the query string" left a program nothing to show beside a
     * field. When the query string decodes, the fault is in a form's body, which the API never takes: answered as
     * any form is (415, ApiRequestFilters), rather than blaming a query string that has none.
     */
    static ProblemDetail undecodable(HttpServletRequest request) {
        UndecodableQuery fault = UndecodableQuery.in(request.getQueryString());
        if (!fault.inQuery() && isForm(request.getContentType())) {
            return ApiProblemWriter.unsupportedMediaType(
                    "Send the body as application/json (a licence import's file as text/csv).");
        }
        ProblemDetail problem =
                ApiProblemWriter.problem(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", fault.detail());
        problem.setProperty("errors", List.of(Map.of("field", fault.field(), "detail", fault.detail())));
        return problem;
    }

    private static boolean isForm(String contentType) {
        return contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    private static boolean propertyPath(String name) {
        return name.indexOf('[') >= 0 || name.indexOf(']') >= 0 || name.indexOf('.') >= 0;
    }
}
