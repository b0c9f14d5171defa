package io.licencedesk.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.autoconfigure.error.AbstractErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error page, in the place of Boot's BasicErrorController: where the servlet container dispatches an error that
 * no advice answered (an uncaught exception, a request Spring Security's firewall refused, a {@code sendError} of a
 * filter). Boot's controller answered every request that did not ask for HTML first, a page's script among them,
 * with its own JSON ({@code timestamp}, {@code status}, {@code error}, {@code path}); {@link ErrorAnswers} now
 * decides, as for every other refusal of the pages (decision 0104): a script gets an RFC 9457 problem in the
 * person's language, anyone else the error page Boot's view resolvers choose for the status ({@code error/404},
 * {@code error/4xx}, {@code error}). The REST API's error dispatches are answered before they get here
 * ({@link ApiErrorDispatches}).
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorDispatchAnswers extends AbstractErrorController {

    private final ErrorAnswers errors;
    private final PageAddresses addresses;

    ErrorDispatchAnswers(
            ErrorAttributes attributes, List<ErrorViewResolver> pages, ErrorAnswers errors, PageAddresses addresses) {
        super(attributes, pages);
        this.errors = errors;
        this.addresses = addresses;
    }

    @RequestMapping
    Object answer(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = methodRefused(request, response, getStatus(request));
        return errors.dispatchedError(request, status.value(), () -> page(request, response, status));
    }

    /**
     * A method the container refused (TRACE, which Tomcat answers 405 itself) was answered with Tomcat's own
     * {@code Allow}, {@code HEAD, DELETE, POST, GET, OPTIONS, PUT}, wherever it was sent. The address's own methods
     * now, as OPTIONS names them; a path nothing serves takes no method, and is the 404 it is for any (decision 0151).
     */
    private HttpStatus methodRefused(HttpServletRequest request, HttpServletResponse response, HttpStatus status) {
        if (status != HttpStatus.METHOD_NOT_ALLOWED) {
            return status;
        }
        String path = ApiProblemWriter.pathSent(request)
                .substring(request.getContextPath().length());
        String allow = addresses.allow(path);
        response.setHeader(HttpHeaders.ALLOW, allow);
        if (allow == null) {
            request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.NOT_FOUND.value());
            return HttpStatus.NOT_FOUND;
        }
        return status;
    }

    /** What Boot's controller renders for a page: no exception message, no stack trace (application.properties). */
    private ModelAndView page(HttpServletRequest request, HttpServletResponse response, HttpStatus status) {
        Map<String, Object> model = getErrorAttributes(request, ErrorAttributeOptions.defaults());
        response.setStatus(status.value());
        ModelAndView page = resolveErrorView(request, response, status, model);
        return page != null ? page : new ModelAndView("error", model, status);
    }

    /** A page no Accept header takes (application/xml alone): the status without a body, as Boot answers it. */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<String> notAcceptable(HttpServletRequest request) {
        return ResponseEntity.status(getStatus(request)).build();
    }
}
