package io.licencedesk.api;

import io.licencedesk.accounts.AccountManagement;
import io.licencedesk.accounts.ApiCaller;
import io.licencedesk.accounts.ApiTokenNotFoundException;
import io.licencedesk.accounts.ApiTokenRefusedException;
import io.licencedesk.accounts.ClientAccessDisabledException;
import io.licencedesk.accounts.ClientAlreadyActiveException;
import io.licencedesk.accounts.ClientNotFoundException;
import io.licencedesk.accounts.EmailAlreadyUsedException;
import io.licencedesk.accounts.InvitationLimitedException;
import io.licencedesk.devices.InvalidScreenNameException;
import io.licencedesk.devices.ScreenNameTakenException;
import io.licencedesk.devices.ScreenNotFoundException;
import io.licencedesk.devices.ScreenRegistrationRefusedException;
import io.licencedesk.invoicing.IllegalInvoiceChangeException;
import io.licencedesk.invoicing.InvoiceNotFoundException;
import io.licencedesk.invoicing.PaymentDateRefusedException;
import io.licencedesk.licence.IllegalStatusChangeException;
import io.licencedesk.licence.ImportNotFoundException;
import io.licencedesk.licence.ImportRefusedException;
import io.licencedesk.licence.InvalidLicenceException;
import io.licencedesk.licence.LicenceNotDeletableException;
import io.licencedesk.licence.LicenceNotFoundException;
import io.licencedesk.licence.PlanNameTakenException;
import io.licencedesk.licence.PlanNotFoundException;
import io.licencedesk.licence.RenewalRefusedException;
import io.licencedesk.shared.Reason;
import io.licencedesk.shared.RefusedException;
import io.licencedesk.web.ApiProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Every error of the REST API as an RFC 9457 problem with a stable type (docs/api.md): 400 for what cannot be
 * read, 404 for what the caller cannot see (another organisation's or client's object is not found, never
 * forbidden), 409 for a change the object's state refuses, 415 and 406 for media types, 422 for a readable
 * request the rules refuse, with the fields at fault. Refusals are worded in English, from
 * {@code messages.properties}. Nothing a caller sends is a 5xx; a database outage is 503.
 */
@RestControllerAdvice(annotations = RestApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RestApiProblems {

    private static final Logger log = LoggerFactory.getLogger(RestApiProblems.class);

    private final MessageSource messages;
    private final ApiAddresses addresses;
    private final AccountManagement accounts;

    RestApiProblems(MessageSource messages, ApiAddresses addresses, AccountManagement accounts) {
        this.messages = messages;
        this.addresses = addresses;
        this.accounts = accounts;
    }

    private String english(Reason reason) {
        return messages.getMessage(reason, Locale.ENGLISH);
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ResponseEntity<ProblemDetail> answer(HttpStatus status, String slug, String title, String detail) {
        return answer(ApiProblemWriter.problem(status, slug, title, detail));
    }

    /** A refusal of one field of the request, with the field named as the API names it. */
    private ResponseEntity<ProblemDetail> invalid(String field, Reason reason) {
        return invalid(Map.of(field, reason));
    }

    /** The rules' refusals of the request's fields, every one named (decision 0077). */
    private ResponseEntity<ProblemDetail> invalid(Map<String, Reason> refusals) {
        return validation(refusals.entrySet().stream()
                .map(refusal -> Map.of("field", refusal.getKey(), "detail", english(refusal.getValue())))
                .toList());
    }

    /**
     * One 422 `validation` naming every refused field in {@code errors: [{field, detail}]}; a single one is said in
     * the detail too, as every other refusal of one field is.
     */
    private static ResponseEntity<ProblemDetail> validation(List<Map<String, String>> errors) {
        String detail = errors.size() == 1 ? errors.get(0).get("detail") : "Some fields are not valid.";
        ProblemDetail problem =
                ApiProblemWriter.problem(HttpStatus.UNPROCESSABLE_ENTITY, "validation", "Invalid request", detail);
        problem.setProperty("errors", errors);
        return answer(problem);
    }

    @ExceptionHandler({
        LicenceNotFoundException.class,
        PlanNotFoundException.class,
        ClientNotFoundException.class,
        InvoiceNotFoundException.class,
        ScreenNotFoundException.class,
        ApiTokenNotFoundException.class,
        ImportNotFoundException.class,
        NoSuchElementException.class
    })
    ResponseEntity<ProblemDetail> notFound() {
        return answer(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no such object, or it is not yours.");
    }

    @ExceptionHandler(InvalidLicenceException.class)
    ResponseEntity<ProblemDetail> invalidLicence(InvalidLicenceException refused) {
        return invalid(refused.refusals());
    }

    @ExceptionHandler(InvalidScreenNameException.class)
    ResponseEntity<ProblemDetail> invalidScreenName(InvalidScreenNameException refused) {
        return invalid("name", refused.reason());
    }

    /** A webhook endpoint the webhooks module refuses, with the field at fault, as the console's form shows it. */
    @ExceptionHandler(WebhookEndpointOperations.FieldRefusedException.class)
    ResponseEntity<ProblemDetail> webhookEndpointRefused(WebhookEndpointOperations.FieldRefusedException refused) {
        return invalid(refused.field(), refused.reason());
    }

    @ExceptionHandler(ApiTokenRefusedException.class)
    ResponseEntity<ProblemDetail> invalidToken(ApiTokenRefusedException refused) {
        return invalid(refused.field(), refused.reason());
    }

    /**
     * The object's state refuses the change: paused twice, deleted once used, a paid invoice voided, a screen
     * registered on a licence that is full or expired…
     */
    @ExceptionHandler({
        IllegalStatusChangeException.class,
        LicenceNotDeletableException.class,
        IllegalInvoiceChangeException.class,
        ClientAlreadyActiveException.class,
        ClientAccessDisabledException.class,
        ScreenRegistrationRefusedException.class,
        RenewalRefusedException.class
    })
    ResponseEntity<ProblemDetail> conflict(RuntimeException refused) {
        String detail = refused instanceof RefusedException withReason
                ? english(withReason.reason())
                : "This conflicts with the object's current state.";
        return answer(HttpStatus.CONFLICT, "conflict", "Refused by the object's state", detail);
    }

    /**
     * A value that must be unique is already used: an e-mail address (one person), a plan's name (in its
     * organisation) or a screen's name (on its licence). The field is named, so that a program can show the
     * refusal beside it.
     */
    @ExceptionHandler(EmailAlreadyUsedException.class)
    ResponseEntity<ProblemDetail> emailTaken(EmailAlreadyUsedException taken) {
        return fieldTaken("email", Reason.of("reason.api.emailTaken", taken.email()));
    }

    @ExceptionHandler(PlanNameTakenException.class)
    ResponseEntity<ProblemDetail> planNameTaken(PlanNameTakenException taken) {
        return fieldTaken("name", taken.reason());
    }

    @ExceptionHandler(ScreenNameTakenException.class)
    ResponseEntity<ProblemDetail> screenNameTaken(ScreenNameTakenException taken) {
        return fieldTaken("name", taken.reason());
    }

    private ResponseEntity<ProblemDetail> fieldTaken(String field, Reason reason) {
        String detail = english(reason);
        ProblemDetail problem =
                ApiProblemWriter.problem(HttpStatus.CONFLICT, "conflict", "Refused by the object's state", detail);
        problem.setProperty("errors", List.of(Map.of("field", field, "detail", detail)));
        return answer(problem);
    }

    /** An import file over the size limit (413), or a step out of turn, such as confirming twice (409). */
    @ExceptionHandler(ImportRefusedException.class)
    ResponseEntity<ProblemDetail> importRefused(ImportRefusedException refused) {
        return refused.reason().code().equals("reason.import.tooLarge")
                ? answer(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large", english(refused.reason()))
                : answer(HttpStatus.CONFLICT, "conflict", "Refused by the object's state", english(refused.reason()));
    }

    /**
     * An invitation sent again too soon (decision 0084's minute, or its five a day): a limit on how often, which
     * waiting lifts, so a 429 `rate-limited` saying how long in {@code Retry-After}, as the API's other limits do,
     * rather than a 422 that read as never (decision 0113).
     */
    @ExceptionHandler(InvitationLimitedException.class)
    ResponseEntity<ProblemDetail> invitationLimited(InvitationLimitedException limited) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ApiProblemWriter.problem(
                        HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", english(limited.reason())));
    }

    /**
     * A change sent with an If-Match the object no longer has (decision 0130): someone changed it since the caller
     * read it, and this change, made for the version read, is not applied over theirs.
     */
    @ExceptionHandler(ConditionalRequests.PreconditionFailedException.class)
    ResponseEntity<ProblemDetail> preconditionFailed(ConditionalRequests.PreconditionFailedException failed) {
        return answer(
                HttpStatus.PRECONDITION_FAILED,
                "precondition-failed",
                "Precondition failed",
                "The %s changed since the ETag in If-Match was read (or If-Match names none of its ETags): GET it"
                                .formatted(failed.object())
                        + " again, then send your change with its new ETag. Nothing was changed.");
    }

    /** Any other refusal of the rules: the request was understood, and the rules say no. */
    @ExceptionHandler(RefusedException.class)
    ResponseEntity<ProblemDetail> refused(RefusedException refused) {
        return answer(HttpStatus.UNPROCESSABLE_ENTITY, "refused", "Refused", english(refused.reason()));
    }

    /**
     * A body whose fields are refused: by its annotations, and by the checks and rules {@link FieldRefusals}
     * gathered beside them, all in one answer.
     */
    @ExceptionHandler(BindException.class)
    ResponseEntity<ProblemDetail> invalidBody(BindException invalid) {
        return validation(onePerField(invalid.getFieldErrors()).stream()
                .map(error -> Map.of("field", error.getField(), "detail", detail(error)))
                .toList());
    }

    /**
     * One item a field, as docs/api.md says and the licence's rules answer: a client's or a plan's field that broke
     * two of its annotations (a 300-character e-mail address: too long and not an address) was named twice, with
     * "Some fields are not valid." for one field, and in an order that changed from one request to the next (Bean
     * Validation reports a set). The reason kept is the most basic: a missing value, then the length, then the
     * others by their constraint's name.
     */
    private static List<FieldError> onePerField(List<FieldError> errors) {
        Map<String, FieldError> kept = new LinkedHashMap<>();
        for (FieldError error : errors) {
            kept.merge(
                    error.getField(), error, (first, other) -> rank(other).compareTo(rank(first)) < 0 ? other : first);
        }
        return List.copyOf(kept.values());
    }

    private static String rank(FieldError error) {
        String constraint = error.getCode() == null ? "" : error.getCode();
        return switch (constraint) {
                    case "NotNull", "NotBlank", "NotEmpty" -> "0";
                    case "Size" -> "1";
                    default -> "2";
                }
                + constraint;
    }

    /** An annotation's message, or the words of a domain's reason (its code and arguments). */
    private String detail(FieldError error) {
        return error.getDefaultMessage() != null
                ? error.getDefaultMessage()
                : messages.getMessage(
                        new DefaultMessageSourceResolvable(error.getCodes(), error.getArguments(), "Not valid."),
                        Locale.ENGLISH);
    }

    /**
     * A body that cannot be read. The problem names the field at fault when Jackson knows it (an unknown field, a
     * value of the wrong type), so that a program can show it, as a refused value's problem does; the detail is
     * worded here, never Jackson's message, which names our classes.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException unreadable) {
        // The organisation's currency is read only for the one answer that shows it: no query for every typo.
        Currency currency = unreadable.getCause() instanceof AmountText.SentAsNumber ? callersCurrency() : null;
        UnreadableBody why = UnreadableBody.of(unreadable, currency);
        ProblemDetail problem = ApiProblemWriter.problem(
                HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body", why.detail());
        if (why.field() != null) {
            problem.setProperty("errors", List.of(Map.of("field", why.field(), "detail", why.detail())));
        }
        return answer(problem);
    }

    /** The currency of the organisation whose token sent the request, for an amount's example; null: none known. */
    private Currency callersCurrency() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ApiCaller token) {
            return accounts.organisation(token.caller()).currency();
        }
        return null;
    }

    /** A body sent to an operation that takes none: refused as an unknown field is, each field named. */
    @ExceptionHandler(BodilessOperations.BodyNotTakenException.class)
    ResponseEntity<ProblemDetail> bodyNotTaken(BodilessOperations.BodyNotTakenException notTaken) {
        ProblemDetail problem = ApiProblemWriter.problem(
                HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body", notTaken.getMessage());
        if (!notTaken.fields().isEmpty()) {
            problem.setProperty(
                    "errors",
                    notTaken.fields().stream()
                            .map(field -> Map.of(
                                    "field",
                                    field,
                                    "detail",
                                    "This operation does not take the field %s.".formatted(field)))
                            .toList());
        }
        return answer(problem);
    }

    @ExceptionHandler(PaymentDateRefusedException.class)
    ResponseEntity<ProblemDetail> paymentDate(PaymentDateRefusedException refused) {
        return invalid("paidOn", refused.reason());
    }

    @ExceptionHandler(ApiParameters.BadParameterException.class)
    ResponseEntity<ProblemDetail> badParameter(ApiParameters.BadParameterException bad) {
        String detail = bad.reason() == null ? bad.getMessage() : english(bad.reason());
        ProblemDetail problem =
                ApiProblemWriter.problem(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", detail);
        problem.setProperty(
                "errors",
                bad.parameters().stream()
                        .map(parameter -> Map.of("field", parameter, "detail", detail))
                        .toList());
        return answer(problem);
    }

    /** A query parameter missing or not of its type: named, with the type it takes. A path's id is a 404. */
    @ExceptionHandler({TypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception bad, HttpServletRequest request) {
        if (bad instanceof MethodArgumentTypeMismatchException mismatch
                && mismatch.getParameter().hasParameterAnnotation(PathVariable.class)) {
            // Not an id that cannot be read: an address of its own, sent with a method it does not take (ApiAddresses).
            Set<String> taken = addresses.literalMethods(
                    request.getRequestURI().substring(request.getContextPath().length()));
            if (!taken.isEmpty()) {
                return methodNotAllowed(new HttpRequestMethodNotSupportedException(request.getMethod(), taken));
            }
            // An id that is not one ("abc", too large for a long) names nothing, as an id that does not exist: the
            // same 404, which says nothing of whether the object is another organisation's (decision 0151).
            return notFound();
        }
        String parameter = bad instanceof MissingServletRequestParameterException missing
                ? missing.getParameterName()
                : ((TypeMismatchException) bad).getPropertyName();
        if (parameter == null) {
            return badParameter();
        }
        String detail = bad instanceof TypeMismatchException mismatch
                ? outOfRange(mismatch)
                        ? "The parameter %s is out of range: send a number within its limits (%s)."
                                .formatted(parameter, ApiProblemWriter.DOCUMENTATION)
                        : "The parameter %s must be %s."
                                .formatted(parameter, UnreadableBody.expected(mismatch.getRequiredType()))
                : "The parameter %s is required.".formatted(parameter);
        ProblemDetail problem =
                ApiProblemWriter.problem(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", detail);
        problem.setProperty("errors", List.of(Map.of("field", parameter, "detail", detail)));
        return answer(problem);
    }

    /**
     * Digits too many for the parameter's type ({@code ?page=2147483648}, {@code ?client=99999999999999999999}):
     * "must be a whole number" told the sender of a whole number to send one. Said as a body's number out of range
     * is (UnreadableBody).
     */
    private static boolean outOfRange(TypeMismatchException mismatch) {
        Class<?> type = mismatch.getRequiredType();
        boolean whole = type == int.class || type == long.class || type == Integer.class || type == Long.class;
        if (!whole || !(mismatch.getValue() instanceof String value)) {
            return false;
        }
        String digits = value.startsWith("-") ? value.substring(1) : value;
        return !digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    @ExceptionHandler({ServletRequestBindingException.class, HandlerMethodValidationException.class})
    ResponseEntity<ProblemDetail> badParameter() {
        return answer(
                HttpStatus.BAD_REQUEST,
                "bad-parameter",
                "Bad parameter",
                "A parameter of the address is missing or not of its type (" + ApiProblemWriter.DOCUMENTATION + ").");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedType() {
        return answer(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
                "Unsupported media type",
                "Send the body as application/json.");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException refused) {
        boolean csv = refused.getSupportedMediaTypes().equals(List.of(CsvAccepted.TEXT_CSV));
        return answer(
                HttpStatus.NOT_ACCEPTABLE,
                "not-acceptable",
                "Not acceptable",
                csv
                        ? "This operation answers a CSV file, text/csv: accept it (or */*)."
                        : "This operation answers application/json (and application/pdf where documented).");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException refused) {
        var problem = ApiProblemWriter.problem(
                HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed", refused.getMessage());
        var headers = new HttpHeaders();
        if (refused.getSupportedMethods() != null) {
            // As OPTIONS answers it (ApiAddresses): Spring's own list left out HEAD and OPTIONS.
            headers.set(HttpHeaders.ALLOW, ApiAddresses.allow(Set.of(refused.getSupportedMethods())));
        }
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge() {
        return answer(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large", "The body is too large.");
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> databaseUnavailable(DataAccessException failure) {
        log.error("REST API request failed on the database", failure);
        return answer(
                HttpStatus.SERVICE_UNAVAILABLE,
                "unavailable",
                "Service unavailable",
                "The service could not answer just now. Try again shortly.");
    }

    /** The token's person may not do this (a façade's own check of their role). */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden() {
        return answer(
                HttpStatus.FORBIDDEN,
                "forbidden",
                "Not allowed",
                "This token's person may not do this (their role does not allow it).");
    }

    /** A fault of ours: logged with its stack, answered without it. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure) {
        log.error("REST API request failed", failure);
        return answer(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal",
                "Internal error",
                "Something went wrong on our side; it has been logged.");
    }
}
