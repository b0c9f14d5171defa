package io.licencedesk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A page address opened with the wrong method (a bookmark or a reload of a form's target, such as
 * /licences/5/delete) gets the 405 page; the API keeps its RFC 9457 problem. The method is refused before
 * any controller is chosen, so only an application-wide advice sees it. A page's script gets a problem (decision 0104).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MethodNotAllowedPages {

    private final ErrorAnswers errors;

    MethodNotAllowedPages(ErrorAnswers errors) {
        this.errors = errors;
    }

    @ExceptionHandler
    Object methodNotAllowed(
            HttpRequestMethodNotSupportedException refused, HttpServletRequest request, HttpServletResponse response) {
        if (UnknownAddressPages.isApi(request)) {
            return ResponseEntity.status(refused.getStatusCode())
                    .headers(refused.getHeaders())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ApiProblemWriter.typed(refused.getBody(), "method-not-allowed", "Method not allowed"));
        }
        refused.getHeaders()
                .getOrEmpty(HttpHeaders.ALLOW)
                .forEach(allow -> response.addHeader(HttpHeaders.ALLOW, allow));
        return errors.methodNotAllowed(request);
    }
}
