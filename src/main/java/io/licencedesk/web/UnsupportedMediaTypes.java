package io.licencedesk.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A body of a type no operation at the address takes (415), or an Accept header none can answer (406): refused
 * before any controller is chosen, so only an application-wide advice sees them. Answered as the API answers
 * every error, with a stable problem type.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnsupportedMediaTypes {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unsupported(HttpMediaTypeNotSupportedException refused, HttpServletRequest request) {
        ProblemDetail problem =
                ApiProblemWriter.typed(refused.getBody(), "unsupported-media-type", "Unsupported media type");
        problem.setDetail(detail(refused, request.getContentType()));
        return ResponseEntity.status(refused.getStatusCode())
                .headers(refused.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /**
     * Says what to send: Spring's own detail named a request without a Content-Type "Content-Type 'null'", which a
     * caller who sent a PATCH without a body cannot act on.
     */
    static String detail(HttpMediaTypeNotSupportedException refused, String sent) {
        String takes = refused.getSupportedMediaTypes().isEmpty()
                ? MediaType.APPLICATION_JSON_VALUE
                : MediaType.toString(refused.getSupportedMediaTypes());
        if (refused.getContentType() != null) {
            return "Content-Type '" + refused.getContentType() + "' is not supported here: send " + takes + ".";
        }
        if (sent == null || sent.isBlank()) {
            return "Send the body with Content-Type: " + takes + " (the request had no Content-Type).";
        }
        // One Spring could not read (application/json; charset=nonsense) was told it had none.
        return sent.length() <= 100 && sent.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
                ? "Content-Type '" + sent + "' cannot be read (an unknown charset?): send " + takes + "."
                : "The request's Content-Type cannot be read: send " + takes + ".";
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException refused) {
        ProblemDetail problem = ApiProblemWriter.typed(refused.getBody(), "not-acceptable", "Not acceptable");
        problem.setDetail(answers(refused.getSupportedMediaTypes()));
        return ResponseEntity.status(refused.getStatusCode())
                .headers(refused.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /**
     * Says what the operation answers, in words: Spring's own detail, "Acceptable representations:
     * [application/json].", printed a Java list, unlike every other problem's detail.
     */
    static String answers(List<MediaType> supported) {
        List<String> types = supported.stream()
                .filter(type -> !type.isWildcardType() && !type.isWildcardSubtype())
                .map(type -> type.getType() + "/" + type.getSubtype())
                .distinct()
                .toList();
        if (types.isEmpty()) {
            types = List.of(MediaType.APPLICATION_JSON_VALUE);
        }
        return types.size() == 1
                ? "This operation answers %s: accept it (or */*).".formatted(types.get(0))
                : "This operation answers %s or %s: accept one of them (or */*)."
                        .formatted(String.join(", ", types.subList(0, types.size() - 1)), types.get(types.size() - 1));
    }
}
