package io.licencedesk.web;

import io.licencedesk.accounts.CallerAddress;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request, of every channel, serves with its address known to the business modules ({@link CallerAddress}), so
 * that the changes it makes are recorded with where they came from (decision 0051). The address is the one the
 * sign-in and coupon limits count: Tomcat's, read from X-Forwarded-For only when the peer is a configured proxy
 * (decision 0033). First of all filters, so that sign-ins, which Spring Security handles in its own filters, have it.
 */
@Configuration(proxyBeanMethods = false)
class CallerAddresses {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> callerAddressFilter() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try (var address = CallerAddress.of(request.getRemoteAddr())) {
                    chain.doFilter(request, response);
                }
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
