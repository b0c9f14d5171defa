package io.licencedesk.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request under /api refused before the API saw it (Spring Security's firewall refuses {@code //}, {@code /./} or
 * {@code ;} in the path; the servlet refuses a method it does not know, such as FOO, PROPFIND or TRACE) reached the
 * error page, which answered Boot's own JSON ({@code timestamp}, {@code status}, {@code error}, {@code path}). A
 * program reading the API gets an RFC 9457 problem there too, as everywhere else. A method the server does not
 * implement (501) is the caller's mistake, so it is answered 405, as a method the address does not take is.
 */
@Configuration(proxyBeanMethods = false)
class ApiErrorDispatches {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiErrorDispatchesFilter(
            ApiProblemWriter problems,
            ObjectProvider<ApiAddressMethods> addresses,
            @Value("${server.error.path:${error.path:/error}}") String errorPath) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilterErrorDispatch() {
                return false;
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
                if (request.getDispatcherType() != DispatcherType.ERROR
                        || !(status instanceof Integer code)
                        || !isApi(request)
                        || response.isCommitted()) {
                    chain.doFilter(request, response);
                    return;
                }
                response.resetBuffer();
                problems.write(
                        request,
                        response,
                        problemFor(code, methodSent(request), pathSent(request), addresses.getIfAvailable(), response));
            }
        });
        registration.addUrlPatterns(errorPath);
        registration.setDispatcherTypes(DispatcherType.ERROR);
        return registration;
    }

    /**
     * Spring Security's firewall refuses a method it does not know (FOO, PROPFIND) as it refuses an address it cannot
     * read, with a 400 whose problem then spoke of the address. Under /api the method is the mistake: 405, as
     * docs/api.md says and as the container answers TRACE and CONNECT. Elsewhere the firewall's 400 stays.
     */
    @Bean
    RequestRejectedHandler unknownMethodsUnderApi() {
        var firewallDefault = new HttpStatusRequestRejectedHandler();
        return (request, response, rejected) -> {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            boolean api = underApi(path);
            if (api && !FIREWALL_METHODS.contains(request.getMethod())) {
                response.sendError(HttpStatus.METHOD_NOT_ALLOWED.value());
            } else {
                firewallDefault.handle(request, response, rejected);
            }
        };
    }

    /** The methods Spring Security's StrictHttpFirewall lets through; any other is refused for its method. */
    private static final Set<String> FIREWALL_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    /**
     * The method of the request refused: the container dispatches to the error page with GET (Servlet 6.1), and
     * keeps the method sent in an attribute.
     */
    private static String methodSent(HttpServletRequest request) {
        Object sent = request.getAttribute(RequestDispatcher.ERROR_METHOD);
        return sent instanceof String method ? method : request.getMethod();
    }

    @Bean
    ApiProblemReportValve.Installer apiProblemReportValve(
            ErrorAnswers scripts, ObjectProvider<ApiAddressMethods> addresses) {
        return new ApiProblemReportValve.Installer(scripts, addresses);
    }

    private static boolean isApi(HttpServletRequest request) {
        return underApi(pathSent(request));
    }

    /** The path of the request refused, as sent, without the context path; empty if the container kept none. */
    private static String pathSent(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri == null
                ? ""
                : uri.toString().substring(request.getContextPath().length());
    }

    /**
     * Whether a path the firewall or Tomcat refused, as sent, is under /api: read as the path it stands for, without
     * empty or {@code .} segments. A program whose base address ends with a slash sends {@code //api/v1/licences},
     * which was answered the HTML error page, not a problem.
     */
    static boolean underApi(String path) {
        String read = path.replaceAll("/(\\.?/)+", "/");
        return read.equals("/api") || read.startsWith("/api/");
    }

    /**
     * The problem for an error status the container or a filter set under /api. A method refused there (405, or the
     * 501 of one the container does not implement) is a 405 whose {@code Allow} names what the address takes, as
     * RFC 9110 asks and as OPTIONS answers; on a path that is no address of the API it is the 404 of that path, since
     * no method would be taken there. Without the API's addresses (the valve Tomcat makes itself) it stays a 405.
     */
    static ProblemDetail problemFor(
            int status, String method, String path, ApiAddressMethods addresses, HttpServletResponse response) {
        if ((status == 405 || status == 501) && addresses != null) {
            Optional<String> allow = addresses.allow(path);
            if (allow.isEmpty()) {
                // Tomcat names its servlet's methods for TRACE; a path that is no address takes none.
                response.setHeader(HttpHeaders.ALLOW, null);
                return problemFor(404, method);
            }
            response.setHeader(HttpHeaders.ALLOW, allow.get());
        }
        return problemFor(status, method);
    }

    /** The problem for an error status the container or a filter set; the details say what a caller can change. */
    static ProblemDetail problemFor(int status, String method) {
        return switch (status) {
            case 400 ->
                ApiProblemWriter.problem(
                        HttpStatus.BAD_REQUEST,
                        "bad-request",
                        "Bad request",
                        "The request could not be read: write its address without //, /./, /../, ;, an encoded /, \\"
                                + " or NUL, and keep its address and headers under 8 KB.");
            case 404 ->
                ApiProblemWriter.problem(
                        HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no such address in the API.");
            case 405, 501 ->
                ApiProblemWriter.problem(
                        HttpStatus.METHOD_NOT_ALLOWED,
                        "method-not-allowed",
                        "Method not allowed",
                        "The API does not take the method " + printable(method)
                                + " here: it takes GET, POST, PATCH, PUT and DELETE (" + ApiProblemWriter.DOCUMENTATION
                                + ").");
            case 413 ->
                ApiProblemWriter.problem(
                        HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Body too large", "The request is too large.");
            // The type's one title, as everywhere else (ProblemTypesTests): it was the status's reason phrase
            // ("Internal Server Error", where a controller's internal problem says "Internal error").
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                HttpStatus answered = known == null ? HttpStatus.BAD_REQUEST : known;
                ProblemDetail problem = answered.is5xxServerError()
                        ? ApiProblemWriter.problem(
                                HttpStatus.INTERNAL_SERVER_ERROR,
                                "internal",
                                "Internal error",
                                "Something went wrong on our side; it has been logged.")
                        : ApiProblemWriter.problem(
                                HttpStatus.BAD_REQUEST,
                                "bad-request",
                                "Bad request",
                                "The request could not be answered: " + answered.getReasonPhrase() + ".");
                problem.setStatus(answered.value());
                yield problem;
            }
        };
    }

    private static String printable(String method) {
        return method == null || !method.matches("[A-Za-z-]{1,20}") ? "sent" : method;
    }
}
