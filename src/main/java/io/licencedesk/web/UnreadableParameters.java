package io.licencedesk.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query string or form body that cannot be decoded ({@code ?q=%ZZ}, or more fields than Tomcat accepts) is refused
 * with the 400 page before anything reads it. Tomcat throws where parameters are first read, and where that is a
 * template ({@code ${param.sent}} on the password page) the exception came out as a 500. Read here, after the
 * character encoding is set and before Spring Security. The device API reads no parameters and is left alone: its
 * check-in is the hot path, and its refusals are problems of its own.
 */
@Configuration(proxyBeanMethods = false)
class UnreadableParameters {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> unreadableParametersFilter() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try {
                    request.getParameterMap();
                } catch (IllegalStateException unreadable) {
                    response.sendError(HttpServletResponse.SC_BAD_REQUEST);
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
}
