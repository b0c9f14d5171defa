package io.licencedesk.web;

import io.licencedesk.shared.WildcardContentType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query string or form body that cannot be decoded ({@code ?q=%ZZ}, or more fields than Tomcat accepts) is refused
 * with the 400 page before anything reads it. Tomcat throws where parameters are first read, and where that is a
 * template ({@code ${param.sent}} on the password page) the exception came out as a 500. Read here, after the
 * character encoding is set and before Spring Security. The device API (the api module) reads no parameters and is
 * left alone: its check-in is the hot path, and its refusals are problems of its own (ApiRequestFilters, DeviceApiProblems).
 *
 * <p>So is a parameter named as an index or a nested property ({@code name[0]}, {@code client.id}): no form has
 * one, and Spring's data binding took them as property paths into the form's record, failing with a 500 on every
 * bound form. A wildcard Content-Type ({@code *}/{@code *}) is refused (415) too: it names no format, and Spring
 * MVC fails with a 500 where it reads such a request's headers.
 */
@Configuration(proxyBeanMethods = false)
class UnreadableParameters {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> unreadableParametersFilter(ApiProblemWriter problems) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                boolean api = UnknownAddressPages.isApi(request);
                if (WildcardContentType.in(request.getContentType())) {
                    if (api) {
                        problems.write(
                                request,
                                response,
                                ApiProblemWriter.problem(
                                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                                        "unsupported-media-type",
                                        "Unsupported media type",
                                        "Send the body as application/json (a licence import's file as"
                                                + " text/csv)."));
                    } else {
                        response.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
                    }
                    return;
                }
                try {
                    // The REST API binds no forms: its bodies are JSON, so only the page channels need this.
                    if (!api
                            && request.getParameterMap().keySet().stream()
                                    .anyMatch(UnreadableParameters::propertyPath)) {
                        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                        return;
                    }
                    request.getParameterMap();
                } catch (IllegalStateException unreadable) {
                    if (api) {
                        problems.write(
                                request,
                                response,
                                ApiProblemWriter.problem(
                                        HttpStatus.BAD_REQUEST,
                                        "bad-parameter",
                                        "Bad parameter",
                                        "The query string cannot be decoded (check its percent-encoding)."));
                    } else {
                        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                    }
                    return;
                }
                chain.doFilter(request, response);
            }

            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/device/");
            }
        });
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    private static boolean propertyPath(String name) {
        return name.indexOf('[') >= 0 || name.indexOf(']') >= 0 || name.indexOf('.') >= 0;
    }
}
