package io.licencedesk.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What OPTIONS answers under /api: {@code Allow} with the methods the address takes (RFC 9110), and
 * {@code Accept-Patch} with the types a PATCH there takes (RFC 5789), only where it takes PATCH. Spring's own answer
 * sent an empty {@code Accept-Patch} on every address that takes no PATCH, and for an address without a variable
 * beside a {@code /{id}} of its list ({@code /api/v1/invoices/send}, {@code /api/v1/licences/export}) it added the
 * methods of {@code /{id}}: GET, PATCH and DELETE, which that address refuses with a 405 (LiteralPaths).
 */
@Configuration(proxyBeanMethods = false)
class OptionsAnswers {

    /** The order Spring writes them in, so that an address's answer reads the same whichever path made it. */
    private static final List<String> ORDER = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiOptionsFilterRegistration(LiteralPaths literalPaths) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OptionsFilter(literalPaths));
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    private static final class OptionsFilter extends OncePerRequestFilter {

        private final LiteralPaths literalPaths;

        OptionsFilter(LiteralPaths literalPaths) {
            this.literalPaths = literalPaths;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !"OPTIONS".equals(request.getMethod());
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(request, new Headers(response, literalPaths.methods(request.getRequestURI())));
        }
    }

    /** The answer's headers, with Allow of an address without a variable from its own methods. */
    private static final class Headers extends HttpServletResponseWrapper {

        /** The methods of an address without a variable; empty for any other, whose Allow Spring gets right. */
        private final Set<String> literal;

        Headers(HttpServletResponse response, Set<String> literal) {
            super(response);
            this.literal = literal;
        }

        @Override
        public void setHeader(String name, String value) {
            String kept = kept(name, value);
            if (kept != null) {
                super.setHeader(name, kept);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            String kept = kept(name, value);
            if (kept != null) {
                super.addHeader(name, kept);
            }
        }

        /** The value to write, or null to leave the header out. */
        private String kept(String name, String value) {
            if (HttpHeaders.ALLOW.equalsIgnoreCase(name) && !literal.isEmpty()) {
                return allow();
            }
            if (HttpHeaders.ACCEPT_PATCH.equalsIgnoreCase(name)) {
                boolean noPatch = !literal.isEmpty() && !literal.contains("PATCH");
                return value == null || value.isBlank() || noPatch ? null : value;
            }
            return value;
        }

        private String allow() {
            return ORDER.stream()
                    .filter(method -> literal.contains(method)
                            || method.equals("OPTIONS")
                            || (method.equals("HEAD") && literal.contains("GET")))
                    .collect(Collectors.joining(","));
        }
    }
}
