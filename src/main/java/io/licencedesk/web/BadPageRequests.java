package io.licencedesk.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * A web page asked for with an address or form Spring cannot read (an id of "abc", a missing parameter, a
 * number that is not one) gets the 400 page. Boot's RFC 9457 handler, which the API keeps, answered
 * these with JSON, which a browser showed as raw text. A page's script asking for JSON (the import page's progress,
 * the selection's toggle) gets a problem instead of the page (decision 0104).
 */
@ControllerAdvice(basePackages = {"io.licencedesk.console", "io.licencedesk.portal", "io.licencedesk.web"})
@Order(Ordered.HIGHEST_PRECEDENCE)
class BadPageRequests {

    private final ErrorAnswers errors;

    BadPageRequests(ErrorAnswers errors) {
        this.errors = errors;
    }

    @ExceptionHandler({
        TypeMismatchException.class,
        ServletRequestBindingException.class,
        BindException.class,
        HandlerMethodValidationException.class,
        HttpMessageNotReadableException.class
    })
    Object notUnderstood(HttpServletRequest request) {
        return errors.badRequest(request);
    }
}
