package io.licencedesk.web;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * A web page asked for with an address or form Spring cannot read (an id of "abc", a missing parameter, a
 * number that is not one) gets the 400 page. Boot's RFC 9457 handler, which the API keeps, answered
 * these with JSON, which a browser showed as raw text.
 */
@ControllerAdvice(basePackages = {"io.licencedesk.console", "io.licencedesk.portal", "io.licencedesk.web"})
@Order(Ordered.HIGHEST_PRECEDENCE)
class BadPageRequests {

    @ExceptionHandler({
        TypeMismatchException.class,
        ServletRequestBindingException.class,
        BindException.class,
        HandlerMethodValidationException.class,
        HttpMessageNotReadableException.class
    })
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String notUnderstood() {
        return "error/4xx";
    }
}
