package io.licencedesk.devices;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for the device API, with a stable type per problem (listed in
 * docs/device-api.md). Malformed requests are 4xx; only a database outage is 503, and nothing is 500.
 */
@RestControllerAdvice(assignableTypes = DeviceApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DeviceApiProblems extends ResponseEntityExceptionHandler {

    static final String TYPE_PREFIX = "https://licencedesk.io/problems/";

    private static final Logger log = LoggerFactory.getLogger(DeviceApiProblems.class);

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(DeviceRefusedException e) {
        var problem = problem(e.problem().status, e.problem().slug, e.problem().title, e.getMessage());
        var response = ResponseEntity.status(e.problem().status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (e.problem() == DeviceRefusedException.Problem.UNKNOWN_CREDENTIAL) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidDeviceRequestException e) {
        var problem = problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", e.getMessage());
        problem.setProperty("field", e.field());
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unknownKey(UnknownKeyException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.NOT_FOUND, "unknown-key", "Unknown key", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> databaseDown(DataAccessException e) {
        log.error("Device API request failed in the database", e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, "30")
                .body(problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "unavailable",
                        "Try again later",
                        "The licence server cannot answer right now; keep the last valid answer and retry."));
    }

    /** Spring MVC's own refusals (unreadable JSON, wrong content type, …) get our types too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            problem.setType(URI.create(TYPE_PREFIX + slug(statusCode)));
            if (statusCode.value() == 400) {
                problem.setDetail("The body must be a JSON object with a fingerprint (and a nonce for check-in).");
            }
        }
        return response;
    }

    private static String slug(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "bad-request";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status.value();
        };
    }

    private static ProblemDetail problem(HttpStatusCode status, String slug, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + slug));
        problem.setTitle(title);
        return problem;
    }
}
