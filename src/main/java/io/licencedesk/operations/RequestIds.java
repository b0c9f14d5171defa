package io.licencedesk.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request gets an id, in the logging context ({@code requestId}, on every log line written while it is handled,
 * plain or JSON) and in the response's {@code X-Request-Id} header, so that a person's report of a failed request finds
 * its log lines. A proxy's or load balancer's own id, sent in {@code X-Request-Id}, is kept when it is well-formed (1 to
 * 64 letters, digits, dots, dashes, underscores or colons); anything else is replaced by a new one, so that nothing a
 * client sends reaches the log as it was typed. The filter runs before every other, and again for the error page of the
 * same request.
 */
@Configuration(proxyBeanMethods = false)
class RequestIds {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final String ATTRIBUTE = RequestIds.class.getName() + ".id";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestIdFilter() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String id = idOf(request);
                request.setAttribute(ATTRIBUTE, id);
                if (!response.containsHeader(HEADER)) {
                    response.setHeader(HEADER, id);
                }
                String outer = MDC.get(MDC_KEY);
                MDC.put(MDC_KEY, id);
                try {
                    chain.doFilter(request, response);
                } finally {
                    if (outer == null) {
                        MDC.remove(MDC_KEY);
                    } else {
                        MDC.put(MDC_KEY, outer);
                    }
                }
            }

            @Override
            protected boolean shouldNotFilterErrorDispatch() {
                return false;
            }

            @Override
            protected boolean shouldNotFilterAsyncDispatch() {
                return false;
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    static String idOf(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof String known) {
            return known;
        }
        String sent = request.getHeader(HEADER);
        return sent != null && WELL_FORMED.matcher(sent).matches()
                ? sent
                : UUID.randomUUID().toString();
    }
}
