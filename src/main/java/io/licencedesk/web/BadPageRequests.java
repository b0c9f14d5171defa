package io.licencedesk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A web page asked for with a query or form Spring cannot read (a missing parameter, a page number that is not
 * one) gets the 400 page. Boot's RFC 9457 handler, which the API keeps, answered
 * these with JSON, which a browser showed as raw text. A page's script asking for JSON (the import page's progress,
 * the selection's toggle) gets a problem instead of the page (decision 0104).
 *
 * <p>An id in the path that is not one ({@code /licences/abc}, a number too large for a long) names nothing, as an id
 * that does not exist: the same 404 (decision 0151). It was the 400 page, which told a person who mistyped or cut a
 * link that their request was not understood rather than that there is no such licence. Where the address is one of
 * its own, taken with another method ({@code GET /licences/selection} meets {@code /licences/{id}}), it is the 405 it
 * is.
 */
@ControllerAdvice(basePackages = {"io.licencedesk.console", "io.licencedesk.portal", "io.licencedesk.web"})
@Order(Ordered.HIGHEST_PRECEDENCE)
class BadPageRequests {

    private final ErrorAnswers errors;
    private final PageAddresses addresses;

    BadPageRequests(ErrorAnswers errors, PageAddresses addresses) {
        this.errors = errors;
        this.addresses = addresses;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object notUnderstood(
            MethodArgumentTypeMismatchException mismatch, HttpServletRequest request, HttpServletResponse response) {
        if (!mismatch.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return errors.badRequest(request);
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!addresses.literalMethods(path).isEmpty()) {
            response.setHeader(HttpHeaders.ALLOW, addresses.allow(path));
            return errors.methodNotAllowed(request);
        }
        return errors.notFound(request);
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
