package io.licencedesk.api;

import io.licencedesk.devices.DeviceRefusedException;
import io.licencedesk.devices.DeviceRefusedException.Refusal;
import io.licencedesk.devices.InvalidDeviceRequestException;
import io.licencedesk.devices.UnknownKeyException;
import io.licencedesk.shared.Reason;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problem details for the device API, with a stable type per problem (listed in
 * docs/device-api.md). Malformed requests are 4xx; only a database outage is 503, and nothing is 500.
 *
 * <p>Deliberately not a {@code ResponseEntityExceptionHandler}: a bean of that type switches off Boot's
 * application-wide problem-details handler.
 */
@RestControllerAdvice(assignableTypes = DeviceApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DeviceApiProblems {

    static final String TYPE_PREFIX = "https://licencedesk.io/problems/";

    private static final Logger log = LoggerFactory.getLogger(DeviceApiProblems.class);

    private final MessageSource messages;

    DeviceApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** The device API answers in English, whatever the device's language: its texts are documented (docs/device-api.md). */
    private String english(Reason reason) {
        return messages.getMessage(reason, Locale.ENGLISH);
    }

    /** How the device API answers each reason the domain refuses a device for. */
    private record Answer(HttpStatus status, String slug, String title) {

        static Answer of(Refusal refusal) {
            return switch (refusal) {
                case UNKNOWN_CREDENTIAL ->
                    new Answer(HttpStatus.UNAUTHORIZED, "unknown-credential", "Unknown device credential");
                case CREDENTIAL_REVOKED -> new Answer(HttpStatus.FORBIDDEN, "credential-revoked", "Screen removed");
                case LICENCE_PAUSED -> new Answer(HttpStatus.CONFLICT, "licence-paused", "Licence paused");
                case LICENCE_EXPIRED -> new Answer(HttpStatus.CONFLICT, "licence-expired", "Licence expired");
                case LICENCE_DEACTIVATED ->
                    new Answer(HttpStatus.CONFLICT, "licence-deactivated", "Licence deactivated");
                case SEATS_TAKEN -> new Answer(HttpStatus.CONFLICT, "seats-taken", "All seats taken");
            };
        }
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(DeviceRefusedException e, HttpServletRequest request) {
        var answer = Answer.of(e.refusal());
        var response = ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        String detail = english(e.reason());
        if (e.refusal() == Refusal.UNKNOWN_CREDENTIAL) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            // A player that sent a credential is told that it is not (or no longer) one of a screen, and what to do;
            // only one that sent none is told how to send it (it was told so whatever it sent, decision 0176).
            String credential = DeviceApiController.bearer(request.getHeader(HttpHeaders.AUTHORIZATION));
            if (credential == null || credential.isEmpty()) {
                detail = messages.getMessage("api.device.sendCredential", null, Locale.ENGLISH);
            }
        }
        return response.body(problem(answer.status(), answer.slug(), answer.title(), detail));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidDeviceRequestException e) {
        var problem = problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", english(e.reason()));
        problem.setProperty("field", e.field());
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** A query parameter the device API does not take (it takes none): the REST API's problem, KnownQueryParameters. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> badParameter(ApiParameters.BadParameterException e) {
        String detail = e.reason() == null ? e.getMessage() : english(e.reason());
        var problem = problem(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", detail);
        problem.setProperty(
                "errors",
                e.parameters().stream()
                        .map(parameter -> java.util.Map.of("field", parameter, "detail", detail))
                        .toList());
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
                        "Service unavailable",
                        "The licence server cannot answer right now; keep the last valid answer and retry."));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        // A field of the wrong type ({"fingerprint": 12}) is named, as the REST API names it (decision 0176): the
        // general sentence below sent a player's author looking for a syntax error in a well-formed body.
        var why = UnreadableBody.of(e);
        if (why.field() != null) {
            var problem = problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", why.detail());
            problem.setProperty("field", why.field());
            return ResponseEntity.badRequest()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(
                        HttpStatus.BAD_REQUEST,
                        "bad-request",
                        "Bad request",
                        "The body must be a JSON object with a fingerprint (and a nonce for check-in)."));
    }

    /** Spring MVC's other refusals (wrong content type, …) keep their status and headers, with our types. */
    @ExceptionHandler({
        HttpMediaTypeNotSupportedException.class,
        HttpMediaTypeNotAcceptableException.class,
        HttpRequestMethodNotSupportedException.class
    })
    ResponseEntity<ProblemDetail> refusedByMvc(Exception e) {
        var refusal = (ErrorResponse) e;
        HttpStatusCode status = refusal.getStatusCode();
        var problem = problem(
                status,
                slug(status),
                refusal.getBody().getTitle(),
                refusal.getBody().getDetail());
        return ResponseEntity.status(status)
                .headers(refusal.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String slug(HttpStatusCode status) {
        return switch (status.value()) {
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
