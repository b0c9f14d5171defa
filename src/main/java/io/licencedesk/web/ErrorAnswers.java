package io.licencedesk.web;

import jakarta.servlet.http.HttpServletRequest;
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
        return answer(
                request,
                "error/4xx",
                ApiProblemWriter.problem(
                        HttpStatus.BAD_REQUEST, "bad-request", "Bad request", words.of("error.script.badRequest")));
    }

    /** A method the address does not take: the 405 page, or a {@code method-not-allowed} problem. */
    Object methodNotAllowed(HttpServletRequest request) {
        return answer(
                request,
                "error/405",
                ApiProblemWriter.problem(
                        HttpStatus.METHOD_NOT_ALLOWED,
                        "method-not-allowed",
                        "Method not allowed",
                        words.of("error.script.methodNotAllowed")));
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
