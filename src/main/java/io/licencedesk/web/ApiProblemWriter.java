package io.licencedesk.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the REST API's refusals that happen before a controller is reached (no token, a read-only token's
 * write, too many requests, a body too large or of the wrong type, an address or a method refused before the API)
 * as RFC 9457 problem details, with the same stable types and the same {@code instance} (the path sent) as the
 * API's own answers (docs/api.md). The problems controllers and advices answer get their {@code instance} from
 * Spring MVC, which sets the request's path on a problem returned without one.
 */
@Component
public class ApiProblemWriter {

    /** Every problem type of the API is this and a slug, e.g. {@code …/problems/unauthenticated}. */
    public static final String TYPE_PREFIX = "https://licencedesk.io/problems/";

    /** Where a problem's reader finds the API described: the served Swagger UI, not a file of our repository. */
    public static final String DOCUMENTATION = "/swagger-ui/index.html";

    private final JsonMapper json;

    ApiProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + slug));
        problem.setTitle(title);
        return problem;
    }

    /**
     * The API's not-found problem, whose title is the API's (stable, in English) and whose detail says what was not
     * found: also what the pages' scripts are answered (decision 0100).
     */
    public static ProblemDetail notFound(String detail) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    /** The API's problem for a file over an import's limit, also what the import page's upload is answered. */
    public static ProblemDetail tooLarge(String detail) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large", detail);
    }

    /** The API's problem for what the object's state refuses, also what the import page's upload is answered. */
    public static ProblemDetail conflict(String detail) {
        return problem(HttpStatus.CONFLICT, "conflict", "Refused by the object's state", detail);
    }

    /** The API's problem for a body of a type not taken, also what the import page's upload is answered. */
    public static ProblemDetail unsupportedMediaType(String detail) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type", detail);
    }

    /** Spring's own problem for a request no controller took, with the API's stable type instead of about:blank. */
    static ProblemDetail typed(ProblemDetail spring, String slug, String title) {
        spring.setType(URI.create(TYPE_PREFIX + slug));
        spring.setTitle(title);
        return spring;
    }

    /**
     * Writes the problem with the address the caller sent as its {@code instance}, as Spring MVC gives the problems
     * a controller or an advice answers, so that every problem of the API carries it: a filter's, a security
     * handler's, and the error page's, whose own path is not the caller's.
     */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (problem.getInstance() == null) {
            problem.setInstance(instance(pathSent(request)));
        }
        response.setStatus(problem.getStatus());
        // Without a charset, as Spring MVC writes the others: JSON is UTF-8 (RFC 8259), and its bytes are written.
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The path the caller sent, without its query: on an error dispatch, the one that failed. */
    static String pathSent(HttpServletRequest request) {
        return request.getDispatcherType() == DispatcherType.ERROR
                        && request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed
                ? failed
                : request.getRequestURI();
    }

    /**
     * A problem's {@code instance}: the path as sent, or, when it is no URI (a raw space or quote that the container
     * let through), the same path with those characters percent-encoded. Null only when there is no path at all (a
     * request line the container could not read).
     */
    public static URI instance(String path) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        try {
            return URI.create(path);
        } catch (IllegalArgumentException notAUri) {
            try {
                return new URI(null, null, path, null);
            } catch (URISyntaxException stillNot) {
                return null;
            }
        }
    }
}
