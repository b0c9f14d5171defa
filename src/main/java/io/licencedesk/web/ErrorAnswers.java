package io.licencedesk.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one answer of the web pages' advices to a refused request (an id of "abc", an object that is not there or not
 * the person's, a method the address does not take): a person's browser gets the error page; a page's script
 * ({@link ScriptRequests}: app.js's fetches ask for JSON alone) gets the same refusal as an RFC 9457 problem, with the
 * API's type and title and a detail in the person's language (decision 0104). The scripts were sent the HTML page, which
 * they failed to parse as JSON; deciding here rather than per endpoint keeps every address the scripts call, and every
 * one added later, answering them in a kind they read.
 */
@Component
public class ErrorAnswers {

    private final Words words;

    ErrorAnswers(Words words) {
        this.words = words;
    }

    /** Nothing there, or not the person's: the 404 page, or a {@code not-found} problem. */
    public Object notFound(HttpServletRequest request) {
        return notFound(request, "error.404.thereIsNothingHereIt");
    }

    /** The same, saying what was not found (an import its page follows, decision 0100). */
    public Object notFound(HttpServletRequest request, String detailKey) {
        return answer(request, "error/404", ApiProblemWriter.notFound(words.of(detailKey)));
    }

    /** Something in the address or the form was not understood: the 400 page, or a {@code bad-request} problem. */
    public Object badRequest(HttpServletRequest request) {
        return answer(request, "error/4xx", badRequestProblem(HttpStatus.BAD_REQUEST, LocaleContextHolder.getLocale()));
    }

    /** A method the address does not take: the 405 page, or a {@code method-not-allowed} problem. */
    Object methodNotAllowed(HttpServletRequest request) {
        return answer(request, "error/405", methodNotAllowedProblem(LocaleContextHolder.getLocale()));
    }

    /**
     * An error the servlet container dispatched to the error page, outside the REST API: an uncaught exception (500),
     * a request Spring Security's firewall refused ({@code //} or {@code ;} in the path, an unknown method), a
     * refusal sent before any controller. A person gets the error page Boot chooses for the status; a script got
     * Boot's own JSON ({@code timestamp}, {@code status}, {@code error}, {@code path}), and now the problem of
     * {@link #forScript}. Nothing of the exception is said.
     */
    Object dispatchedError(HttpServletRequest request, int status, Supplier<ModelAndView> page) {
        ProblemDetail problem = forScript(request, status, LocaleContextHolder.getLocale());
        if (problem == null) {
            return page.get();
        }
        // The path that failed, not the error page's own, which Spring MVC would name.
        problem.setInstance(ApiProblemWriter.instance(ApiProblemWriter.pathSent(request)));
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /**
     * The problem a page's script is answered for an error of this status, with the API's type and title and a
     * detail in the language given; null when the request is a person's, who gets the error page. Also what Tomcat's
     * own refusals answer a script ({@link ApiProblemReportValve}), where no Spring request context exists. A method
     * the server does not implement (501) is the caller's mistake, answered 405 as under /api.
     */
    ProblemDetail forScript(HttpServletRequest request, int status, Locale language) {
        if (!ScriptRequests.isScript(request)) {
            return null;
        }
        return switch (status) {
            case 400 -> badRequestProblem(HttpStatus.BAD_REQUEST, language);
            case 401 ->
                ApiProblemWriter.problem(
                        HttpStatus.UNAUTHORIZED,
                        "unauthenticated",
                        "Authentication required",
                        words.of(language, isActuator(request) ? "error.script.httpBasic" : "error.script.signIn"));
            case 403 ->
                ApiProblemWriter.problem(
                        HttpStatus.FORBIDDEN,
                        "forbidden",
                        "Not allowed",
                        words.of(language, "error.403.youAreSignedInBut"));
            case 404 -> ApiProblemWriter.notFound(words.of(language, "error.404.thereIsNothingHereIt"));
            case 405, 501 -> methodNotAllowedProblem(language);
            case 413 -> ApiProblemWriter.tooLarge(words.of(language, "error.script.tooLarge"));
            case 415 -> ApiProblemWriter.unsupportedMediaType(words.of(language, "error.script.unsupportedMediaType"));
            case 503 ->
                ApiProblemWriter.problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "unavailable",
                        "Service unavailable",
                        words.of(language, "error.503.tryAgainInAMinute"));
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                if (known != null && known.is5xxServerError()) {
                    ProblemDetail internal = ApiProblemWriter.problem(
                            HttpStatus.INTERNAL_SERVER_ERROR,
                            "internal",
                            "Internal error",
                            words.of(language, "error.weCouldNotFinishThat"));
                    internal.setStatus(known.value());
                    yield internal;
                }
                yield badRequestProblem(
                        known != null && known.is4xxClientError() ? known : HttpStatus.BAD_REQUEST, language);
            }
        };
    }

    /**
     * The operations endpoints take an owner's e-mail and password with HTTP Basic, not a session: a script refused
     * there was told to "sign in", which no sign-in page of theirs can do.
     */
    private static boolean isActuator(HttpServletRequest request) {
        String path = ApiProblemWriter.pathSent(request);
        return path != null && (path.equals("/actuator") || path.startsWith("/actuator/"));
    }

    private ProblemDetail badRequestProblem(HttpStatus status, Locale language) {
        ProblemDetail problem = ApiProblemWriter.problem(
                HttpStatus.BAD_REQUEST, "bad-request", "Bad request", words.of(language, "error.script.badRequest"));
        problem.setStatus(status.value());
        return problem;
    }

    private ProblemDetail methodNotAllowedProblem(Locale language) {
        return ApiProblemWriter.problem(
                HttpStatus.METHOD_NOT_ALLOWED,
                "method-not-allowed",
                "Method not allowed",
                words.of(language, "error.script.methodNotAllowed"));
    }

    private static Object answer(HttpServletRequest request, String page, ProblemDetail problem) {
        HttpStatus status = HttpStatus.valueOf(problem.getStatus());
        if (ScriptRequests.isScript(request)) {
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        ModelAndView answer = new ModelAndView(page, status);
        CurrentUserAdvice.addTo(answer, request);
        return answer;
    }
}
