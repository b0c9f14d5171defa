package io.licencedesk.console;

import io.licencedesk.accounts.ApiTokenNotFoundException;
import io.licencedesk.accounts.ClientNotFoundException;
import io.licencedesk.accounts.PersonNotFoundException;
import io.licencedesk.invoicing.InvoiceNotFoundException;
import io.licencedesk.licence.ImportNotFoundException;
import io.licencedesk.licence.InvalidLicenceException;
import io.licencedesk.licence.LicenceNotFoundException;
import io.licencedesk.licence.PlanNotFoundException;
import io.licencedesk.web.ErrorAnswers;
import io.licencedesk.webhooks.EndpointNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.NoSuchElementException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Friendly pages for what a console user can run into; never an exception's text for an unexpected error. A page's
 * script asking for JSON gets the same refusal as a problem (decision 0104, {@link ErrorAnswers}).
 */
@ControllerAdvice(basePackageClasses = ConsoleErrorAdvice.class)
class ConsoleErrorAdvice {

    private final ErrorAnswers errors;

    ConsoleErrorAdvice(ErrorAnswers errors) {
        this.errors = errors;
    }

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
    Object notFound(HttpServletRequest request) {
        return errors.notFound(request);
    }

    /**
     * An import the person cannot see; the import page's progress script says it stops following it (decision 0100).
     */
    @ExceptionHandler(ImportNotFoundException.class)
    Object importNotFound(HttpServletRequest request) {
        return errors.notFound(request, "console.import.notFound");
    }

    @ExceptionHandler(InvalidLicenceException.class)
    Object badRequest(HttpServletRequest request) {
        return errors.badRequest(request);
    }
}
