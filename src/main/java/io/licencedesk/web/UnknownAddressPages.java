package io.licencedesk.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address nothing serves gets the 404 page; the API keeps its RFC 9457 problem. Boot's problem handler answered
 * every such address with JSON, which a browser showed as raw text. Anonymous visitors never get this far: every
 * address outside the public ones asks them to sign in first.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnknownAddressPages {

    private final ErrorAnswers errors;

    UnknownAddressPages(ErrorAnswers errors) {
        this.errors = errors;
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    Object notFound(ErrorResponse unknown, HttpServletRequest request) {
        if (isApi(request)) {
            return ResponseEntity.status(unknown.getStatusCode())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ApiProblemWriter.typed(unknown.getBody(), "not-found", "Not found"));
        }
        return errors.notFound(request);
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/");
    }
}
