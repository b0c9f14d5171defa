package io.licencedesk.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The error path asked for directly, with no error to show: Boot's error controller answers it with a 500 (status
 * "999"), which reads as a server fault. There is no page there, so it gets the 404 page. The servlet container's
 * error dispatches carry the error's status and pass untouched.
 */
@Configuration(proxyBeanMethods = false)
class DirectErrorRequests {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> directErrorRequestsFilter(
            @Value("${server.error.path:${error.path:/error}}") String errorPath) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns(errorPath);
        return registration;
    }
}
