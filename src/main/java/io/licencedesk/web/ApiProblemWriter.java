package io.licencedesk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the REST API's refusals that happen before a controller is reached (no token, a read-only token's
 * write, too many requests, an unknown address) as RFC 9457 problem details, with the same stable types as the
 * API's own answers (docs/api.md).
 */
@Component
public class ApiProblemWriter {

    /** Every problem type of the API is this and a slug, e.g. {@code …/problems/unauthenticated}. */
    public static final String TYPE_PREFIX = "https://licencedesk.io/problems/";

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

    /** Spring's own problem for a request no controller took, with the API's stable type instead of about:blank. */
    static ProblemDetail typed(ProblemDetail spring, String slug, String title) {
        spring.setType(URI.create(TYPE_PREFIX + slug));
        spring.setTitle(title);
        return spring;
    }

    /** Writes the problem as it is: for an error dispatch, whose own path is not the address the caller sent. */
    void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    /**
     * Writes the problem with the request's path as its {@code instance}, as Spring MVC gives the problems a
     * controller answers, so that every problem of the API carries it.
     */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (problem.getInstance() == null) {
            try {
                problem.setInstance(URI.create(request.getRequestURI()));
            } catch (IllegalArgumentException unreadable) {
                // an address that is not a URI is answered without an instance rather than not at all
            }
        }
        write(response, problem);
    }
}
