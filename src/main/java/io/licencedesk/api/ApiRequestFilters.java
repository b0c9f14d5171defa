package io.licencedesk.api;

import io.licencedesk.shared.Reason;
import io.licencedesk.shared.WildcardContentType;
import io.licencedesk.web.ApiProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Size limits and body types for both APIs, before anything reads a body. For the device API this is also what
 * Spring Security's chain would otherwise give it (it runs outside it, decision 0020): the nosniff header.
 * Device requests are a fingerprint and a nonce: anything over 16 KiB is refused before it is read, since the body is parsed before the credential is checked and an
 * anonymous sender could otherwise fill the heap. A body of undeclared length (chunked) is read up to the same
 * size, and refused the same way (413) once it grows past it. A posted form is refused as the wrong type (415) before anything
 * parses it: Spring rebuilds a posted form's body from the request's parameters, and one that Tomcat cannot decode
 * ({@code a=%ZZ}, or over 1,000 fields) failed there with the container's own 400 instead of a problem. So is a
 * wildcard Content-Type ({@code *}/{@code *}), which no body can be read as.
 * The REST API's bodies (a licence, a client, up to 20 ids) are refused over 64 KiB the same way, after its
 * token was checked (this filter runs after Spring Security's); a licence import's file is the one body left to its
 * own, far larger limit (LicenceImports), which it applies while it copies the file to disk.
 */
@Configuration(proxyBeanMethods = false)
class ApiRequestFilters {

    static final int MAX_BODY_BYTES = 16 * 1024;
    static final int MAX_REST_BODY_BYTES = 64 * 1024;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> deviceApiFilterRegistration(ApiProblemWriter problems) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(
                new BodyLimit(MAX_BODY_BYTES, "A device request's body", false, problems, null));
        registration.addUrlPatterns("/api/v1/device/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> restApiFilterRegistration(
            ApiProblemWriter problems, MessageSource messages) {
        String importNotUtf8 = messages.getMessage(Reason.of("reason.api.importNotUtf8"), Locale.ENGLISH);
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(
                new BodyLimit(MAX_REST_BODY_BYTES, "A REST API request's body", true, problems, importNotUtf8));
        registration.addUrlPatterns("/api/v1/*");
        return registration;
    }

    /** Refuses a body over the limit (413) or of a type no operation reads (415); cuts an undeclared one. */
    private static final class BodyLimit extends OncePerRequestFilter {

        private final int maxBytes;
        private final String what;
        private final boolean skipDeviceApi;
        private final ApiProblemWriter problems;
        /** What a licence import's file declared in another charset than UTF-8 is answered (CsvCharset). */
        private final String importNotUtf8;

        BodyLimit(int maxBytes, String what, boolean skipDeviceApi, ApiProblemWriter problems, String importNotUtf8) {
            this.maxBytes = maxBytes;
            this.what = what;
            this.skipDeviceApi = skipDeviceApi;
            this.problems = problems;
            this.importNotUtf8 = importNotUtf8;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return skipDeviceApi && request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/device/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            response.setHeader("X-Content-Type-Options", "nosniff");
            boolean importFile = isImportFile(request);
            if (!importFile && request.getContentLengthLong() > maxBytes) {
                refuseTooLarge(request, response);
                return;
            }
            String typeRefused = typeRefused(request, importFile);
            if (typeRefused != null) {
                response.setHeader("Accept", importFile ? "text/csv, application/octet-stream" : "application/json");
                refuse(
                        request,
                        response,
                        ApiProblemWriter.problem(
                                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                                "unsupported-media-type",
                                "Unsupported media type",
                                typeRefused));
                return;
            }
            if (request.getContentLengthLong() < 0 && !importFile) {
                // A body of undeclared length (chunked) is read here, one byte past the limit: one that grows
                // past it is as much too large as one that declared it (413), not unreadable JSON (400).
                byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
                if (body.length > maxBytes) {
                    refuseTooLarge(request, response);
                    return;
                }
                chain.doFilter(new ReadBody(request, body), response);
                return;
            }
            chain.doFilter(request, response);
        }

        /**
         * Why the body's type is refused (415), or null when an operation may read it: a posted form or a wildcard
         * type is no body's type (curl's --data-binary posts a licence import's file as a form unless told
         * otherwise), and an import's file declared in another charset than UTF-8 is not read as UTF-8 (CsvCharset).
         */
        private String typeRefused(HttpServletRequest request, boolean importFile) {
            if (isFormPost(request) || WildcardContentType.in(request.getContentType())) {
                return importFile
                        ? "The body must be the CSV file itself, sent as text/csv (or application/octet-stream)."
                        : "The body must be application/json.";
            }
            return importFile && CsvCharset.declaresAnotherThanUtf8(request.getContentType()) ? importNotUtf8 : null;
        }

        private void refuseTooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
            refuse(
                    request,
                    response,
                    ApiProblemWriter.problem(
                            HttpStatus.CONTENT_TOO_LARGE,
                            "body-too-large",
                            "Body too large",
                            what + " has at most " + maxBytes + " bytes."));
        }

        private void refuse(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
                throws IOException {
            response.setHeader("Cache-Control", "no-store");
            problems.write(request, response, problem);
        }
    }

    private static boolean isImportFile(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && request.getRequestURI().equals(request.getContextPath() + "/api/v1/licence-imports");
    }

    private static boolean isFormPost(HttpServletRequest request) {
        String type = request.getContentType();
        return "POST".equals(request.getMethod())
                && type != null
                && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /**
     * A request whose body of undeclared length was read here, up to its limit: the rest of the chain reads it from
     * memory (at most the limit, 16 or 64 KiB).
     */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] into, int offset, int length) {
                    return bytes.read(into, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("The body was read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() throws UnsupportedEncodingException {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(
                    getInputStream(), encoding == null ? StandardCharsets.UTF_8.name() : encoding));
        }
    }
}
