package io.licencedesk.portal;

import io.licencedesk.accounts.ApiTokenNotFoundException;
import io.licencedesk.devices.ScreenNotFoundException;
import io.licencedesk.invoicing.InvoiceNotFoundException;
import io.licencedesk.licence.LicenceNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Another client's (or organisation's) licence, screen, invoice or API token looks exactly like one that does not
 * exist: a plain "not found" page, so ids cannot be probed.
 */
@ControllerAdvice(basePackageClasses = PortalErrorAdvice.class)
class PortalErrorAdvice {

    @ExceptionHandler({
        LicenceNotFoundException.class,
        ScreenNotFoundException.class,
        InvoiceNotFoundException.class,
        ApiTokenNotFoundException.class
    })
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }
}
