package io.licencedesk.api;

import io.licencedesk.shared.WildcardContentType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What Spring Security's chain would otherwise give the device API (it runs outside it, decision 0020):
 * a size limit and the nosniff header. Device requests are a fingerprint and a nonce: anything over
 * 16 KiB is refused before it is read, since the body is parsed before the credential is checked and an
 * anonymous sender could otherwise fill the heap. A body of undeclared length (chunked) is cut at the
 * same size, which makes it unreadable (400). A posted form is refused as the wrong type (415) before anything
 * parses it: Spring rebuilds a posted form's body from the request's parameters, and one that Tomcat cannot decode
 * ({@code a=%ZZ}, or over 1,000 fields) failed there with the container's own 400 instead of a problem. So is a
 * wildcard Content-Type ({@code *}/{@code *}), which no body can be read as.
 */
@Configuration(proxyBeanMethods = false)
class DeviceApiFilter {

    static final int MAX_BODY_BYTES = 16 * 1024;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> deviceApiFilterRegistration() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                response.setHeader("X-Content-Type-Options", "nosniff");
                if (request.getContentLengthLong() > MAX_BODY_BYTES) {
                    refuse(
                            response,
                            413,
                            "body-too-large",
                            "Body too large",
                            "A device request's body has at most " + MAX_BODY_BYTES + " bytes.");
                    return;
                }
                if (isFormPost(request) || WildcardContentType.in(request.getContentType())) {
                    response.setHeader("Accept", "application/json");
                    refuse(
                            response,
                            415,
                            "unsupported-media-type",
                            "Unsupported Media Type",
                            "The body must be application/json.");
                    return;
                }
                chain.doFilter(request.getContentLengthLong() < 0 ? new BoundedRequest(request) : request, response);
            }
        });
        registration.addUrlPatterns("/api/v1/device/*");
        return registration;
    }

    private static boolean isFormPost(HttpServletRequest request) {
        String type = request.getContentType();
        return "POST".equals(request.getMethod())
                && type != null
                && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static void refuse(HttpServletResponse response, int status, String slug, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream()
                .write(("{\"type\":\"" + DeviceApiProblems.TYPE_PREFIX + slug + "\",\"title\":\"" + title
                                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** A request whose body stops being readable after {@link #MAX_BODY_BYTES}. */
    private static final class BoundedRequest extends HttpServletRequestWrapper {

        BoundedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream body = super.getInputStream();
            return new ServletInputStream() {
                private int read;

                @Override
                public int read() throws IOException {
                    if (read >= MAX_BODY_BYTES) {
                        throw new IOException("Body over " + MAX_BODY_BYTES + " bytes");
                    }
                    int next = body.read();
                    if (next >= 0) {
                        read++;
                    }
                    return next;
                }

                @Override
                public boolean isFinished() {
                    return body.isFinished();
                }

                @Override
                public boolean isReady() {
                    return body.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    body.setReadListener(listener);
                }
            };
        }
    }
}
