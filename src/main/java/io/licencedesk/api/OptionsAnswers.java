package io.licencedesk.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Set;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What OPTIONS answers under /api: {@code Allow} with the methods the address takes (RFC 9110), as a 405 says them
 * ({@link ApiAddresses}), and {@code Accept-Patch} with the types a PATCH there takes (RFC 5789), only where it takes
 * PATCH. Spring's own answer sent an empty {@code Accept-Patch} on every address that takes no PATCH, listed the
 * methods in no set order, and for an address without a variable beside a {@code /{id}} of its list
 * ({@code /api/v1/invoices/send}, {@code /api/v1/licences/export}) added the methods of {@code /{id}}: GET, PATCH and
 * DELETE, which that address refuses with a 405.
 */
@Configuration(proxyBeanMethods = false)
class OptionsAnswers {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiOptionsFilterRegistration(ApiAddresses addresses) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OptionsFilter(addresses));
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    private static final class OptionsFilter extends OncePerRequestFilter {

        private final ApiAddresses addresses;

        OptionsFilter(ApiAddresses addresses) {
            this.addresses = addresses;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !"OPTIONS".equals(request.getMethod());
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(request, new Headers(response, addresses.methods(request.getRequestURI())));
        }
    }

    /** The answer's headers, with Allow from the address's methods. */
    private static final class Headers extends HttpServletResponseWrapper {

        /** The methods of the address; empty for a path that is no address, whose answer Spring gives. */
        private final Set<String> taken;

        Headers(HttpServletResponse response, Set<String> taken) {
            super(response);
            this.taken = taken;
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
            if (HttpHeaders.ALLOW.equalsIgnoreCase(name) && !taken.isEmpty()) {
                return ApiAddresses.allow(taken);
            }
            if (HttpHeaders.ACCEPT_PATCH.equalsIgnoreCase(name)) {
                boolean noPatch = !taken.isEmpty() && !taken.contains("PATCH");
                return value == null || value.isBlank() || noPatch ? null : value;
            }
            return value;
        }
    }
}
