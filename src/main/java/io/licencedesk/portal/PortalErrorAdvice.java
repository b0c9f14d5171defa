package io.licencedesk.portal;

import io.licencedesk.accounts.ApiTokenNotFoundException;
import io.licencedesk.devices.ScreenNotFoundException;
import io.licencedesk.invoicing.InvoiceNotFoundException;
import io.licencedesk.licence.LicenceNotFoundException;
import io.licencedesk.web.ErrorAnswers;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Another client's (or organisation's) licence, screen, invoice or API token looks exactly like one that does not
 * exist: a plain "not found" page, so ids cannot be probed (a page's script gets the not-found problem, decision 0104).
 */
@ControllerAdvice(basePackageClasses = PortalErrorAdvice.class)
class PortalErrorAdvice {

    private final ErrorAnswers errors;

    PortalErrorAdvice(ErrorAnswers errors) {
        this.errors = errors;
    }

    @ExceptionHandler({
        LicenceNotFoundException.class,
        ScreenNotFoundException.class,
        InvoiceNotFoundException.class,
        ApiTokenNotFoundException.class
    })
    Object notFound(HttpServletRequest request) {
        return errors.notFound(request);
    }
}
