package io.licencedesk.console;

import io.licencedesk.accounts.ApiTokenNotFoundException;
import io.licencedesk.accounts.ClientNotFoundException;
import io.licencedesk.accounts.PersonNotFoundException;
import io.licencedesk.invoicing.InvoiceNotFoundException;
import io.licencedesk.licence.InvalidLicenceException;
import io.licencedesk.licence.LicenceNotFoundException;
import io.licencedesk.licence.PlanNotFoundException;
import io.licencedesk.webhooks.EndpointNotFoundException;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Friendly pages for what a console user can run into; never an exception's text for an unexpected error. */
@ControllerAdvice(basePackageClasses = ConsoleErrorAdvice.class)
class ConsoleErrorAdvice {

    @ExceptionHandler({
        LicenceNotFoundException.class,
        PlanNotFoundException.class,
        ClientNotFoundException.class,
        PersonNotFoundException.class,
        InvoiceNotFoundException.class,
        ApiTokenNotFoundException.class,
        EndpointNotFoundException.class,
        NoSuchElementException.class
    })
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    @ExceptionHandler(InvalidLicenceException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest() {
        return "error/4xx";
    }
}
